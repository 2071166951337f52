package org.plenary.results;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * "Who leads, before and after each event", from a saved run's leaders-at-events.csv (model v2):
 * one row per item, event and coalition, with its leaders just before and just after the event and
 * the share of replications of each. For the report and the run's summary on stdout.
 */
public final class LeadersTable {
    public static final String TITLE = "Who leads, before and after each event";
    static final List<String> HEADER = List.of("item", "event", "coalition", "leader just before (round before)",
            "leader just after (event round)");
    static final String EXPLANATION = "Each coalition's leader in the round before the event and in the event's"
            + " round (the coalitions re-form after the events), with the share of all replications; none: the"
            + " coalition has no leader then (not yet founded, dissolved, merged, or the item closed). Coalitions"
            + " are named by their ids: the bloc that seeded them, or F1, F2, ... in order of founding on the item"
            + " (so F1 need not be the same coalition in two replications).";

    private LeadersTable() {
    }

    /** The rows, or none when the run has no leaders-at-events.csv (coalitions did not act). */
    public static List<List<String>> rows(Path directory) throws IOException {
        Path file = directory.resolve(LeadersAtEvents.FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        // (item, round, coalition) -> [before cells, after cells], in file order
        Map<List<String>, List<List<String>>> cells = new LinkedHashMap<>();
        Map<List<String>, String> events = new LinkedHashMap<>();
        Map<List<String>, int[]> open = new LinkedHashMap<>(); // (item, round) -> open before, after, replications
        try (Reader reader = Files.newBufferedReader(file);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                List<String> key = List.of(row.get("item"), row.get("round"), row.get("coalition"));
                int side = row.get("when").equals("before") ? 0 : 1;
                double share = Double.parseDouble(row.get("share"));
                int[] counts = open.computeIfAbsent(key.subList(0, 2), k -> new int[3]);
                counts[side] = Integer.parseInt(row.get("item_open"));
                counts[2] = (int) Math.round(Integer.parseInt(row.get("replications")) / share);
                events.put(key, "round " + row.get("round") + ": " + row.get("event"));
                cells.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>())).get(side)
                        .add(row.get("leader") + " " + percent(share));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        cells.forEach((key, sides) -> rows.add(List.of(key.get(0), events.get(key) + openness(open.get(key.subList(0, 2))),
                key.get(2), String.join(", ", sides.get(0)), String.join(", ", sides.get(1)))));
        return rows;
    }

    /** Nothing when the item was open in every replication before and after, else how many it was open in. */
    private static String openness(int[] open) {
        return open[0] == open[2] && open[1] == open[2] ? ""
                : " (item open in " + open[0] + " \u2192 " + open[1] + " of " + open[2] + " replications)";
    }

    private static String percent(double share) {
        return share > 0 && share < 0.005 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Prints the table under its title, grouped by item and event; nothing when the run has none. */
    public static void print(PrintWriter out, Path directory) {
        List<List<String>> rows;
        try {
            rows = rows(directory);
        } catch (IOException e) {
            out.println("  (who leads at each event: cannot read " + LeadersAtEvents.FILE + ": " + e.getMessage() + ")");
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        out.println("  " + TITLE.toLowerCase(Locale.ROOT) + " (share of replications; none: no such coalition then):");
        int width = rows.stream().mapToInt(r -> r.get(2).length()).max().orElse(0);
        int before = rows.stream().mapToInt(r -> r.get(3).length()).max().orElse(0);
        String group = null;
        for (List<String> row : rows) {
            String heading = row.get(0) + ", " + row.get(1);
            if (!heading.equals(group)) {
                out.println("    " + heading);
                group = heading;
            }
            out.printf("      %-" + width + "s  %-" + before + "s  ->  %s%n", row.get(2), row.get(3), row.get(4));
        }
    }
}
