package org.plenary.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plenary.scenario.Scenario;

/**
 * Who leads, before and after each event: for each agenda item, each round with scenario events
 * and each coalition of the item that has a leader just before (the round before) or just after
 * (the event's round, whose coalition step follows the events), the share of replications in which
 * each delegation leads it, and in which it has no leader ({@link #NONE}: not yet founded,
 * dissolved, merged, or the item closed). Written to {@value #FILE}, which the report and the run's
 * summary on stdout read (org.plenary.results.LeadersTable). Items closed before an event in every
 * replication are left out for that event.
 */
public final class LeadersAtEvents {
    public static final String FILE = "leaders-at-events.csv";
    public static final List<String> COLUMNS = List.of("item", "round", "event", "coalition", "when", "leader",
            "replications", "share", "item_open");
    /** The leader column when the coalition has no leader in those replications. */
    public static final String NONE = "none";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private LeadersAtEvents() {
    }

    /** One cell of the table: in how many replications {@code leader} leads {@code coalition} then. */
    public record Row(String item, int round, String event, String coalition, String when, String leader,
                      int replications, double share, int itemOpen) {
        List<Object> values() {
            return List.of(item, round, event, coalition, when, leader, replications, Numbers.format(share), itemOpen);
        }
    }

    public static List<Row> rows(Leadership leadership) {
        Scenario scenario = leadership.scenario();
        int total = leadership.replications();
        List<Row> rows = new ArrayList<>();
        if (total == 0) {
            return rows;
        }
        for (int m = 0; m < scenario.agenda().size(); m++) {
            for (Map.Entry<Integer, String> event : EventLabels.byRound(scenario).entrySet()) {
                int round = event.getKey();
                if (round < 1 || round > scenario.rounds() || leadership.open(m, round - 1) == 0) {
                    continue;
                }
                String item = scenario.agenda().get(m).id();
                List<Map.Entry<String, Map<String, int[]>>> coalitions = new ArrayList<>(leadership.leads(m).entrySet());
                coalitions.removeIf(c -> led(c.getValue(), round - 1) + led(c.getValue(), round) == 0);
                coalitions.sort(Comparator.comparingInt((Map.Entry<String, Map<String, int[]>> c) ->
                        -led(c.getValue(), round - 1) - led(c.getValue(), round)));
                for (Map.Entry<String, Map<String, int[]>> coalition : coalitions) {
                    for (String when : List.of("before", "after")) {
                        int at = when.equals("before") ? round - 1 : round;
                        int open = leadership.open(m, at);
                        List<Row> cells = new ArrayList<>();
                        coalition.getValue().forEach((leader, counts) -> {
                            if (counts[at] > 0) {
                                cells.add(new Row(item, round, event.getValue(), coalition.getKey(), when, leader,
                                        counts[at], counts[at] / (double) total, open));
                            }
                        });
                        cells.sort(Comparator.comparingInt(Row::replications).reversed().thenComparing(Row::leader));
                        int none = total - led(coalition.getValue(), at);
                        if (none > 0) {
                            cells.add(new Row(item, round, event.getValue(), coalition.getKey(), when, NONE, none,
                                    none / (double) total, open));
                        }
                        rows.addAll(cells);
                    }
                }
            }
        }
        return rows;
    }

    /** Replications in which someone leads the coalition in round t. */
    private static int led(Map<String, int[]> leaders, int t) {
        return leaders.values().stream().mapToInt(counts -> counts[t]).sum();
    }

    public static void write(Leadership leadership, Path directory) throws IOException {
        try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord(COLUMNS);
            for (Row row : rows(leadership)) {
                csv.printRecord(row.values());
            }
        }
    }
}
