package org.plenary.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.model.ItemState;
import org.plenary.results.Numbers;
import org.plenary.results.Stats;

/**
 * Per sweep point, statistics over replications of every numeric outcome read back from
 * sweep.csv: each item's consensus, adoption and no-quorum shares, the share ending in each standards body,
 * decision round and final text, and the
 * assembly's coalitions, largest coalition share and polarisation.
 */
public final class SweepSummary {
    /** An item's state when its vote missed the quorum: its share is a sweep outcome of its own. */
    private static final String NO_QUORUM = ItemState.NO_QUORUM.label();
    /** The outcome "item ends in body share": the replications in which forum shifting left the item there. */
    private static final String ENDS_IN_NAME = " ends in ";
    private final SweepPlan plan;
    /** outcome name to one statistics object per point. */
    private final Map<String, SummaryStatistics[]> outcomes = new LinkedHashMap<>();

    private SweepSummary(SweepPlan plan) {
        this.plan = plan;
    }

    static SweepSummary read(Path sweepCsv, SweepPlan plan, List<String> outcomeColumns) throws IOException {
        SweepSummary summary = new SweepSummary(plan);
        int points = plan.points().size();
        // Every outcome gets its columns up front, in a fixed order, whether or not a value turns up.
        for (String column : outcomeColumns) {
            for (String outcome : outcomeNames(column)) {
                summary.outcomes.put(outcome, empty(points));
            }
        }
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(sweepCsv, StandardCharsets.UTF_8))) {
            for (CSVRecord row : csv) {
                int point = Integer.parseInt(row.get("point"));
                for (String column : outcomeColumns) {
                    String cell = row.get(column);
                    List<String> names = outcomeNames(column);
                    if (column.endsWith(".state")) {
                        summary.outcomes.get(names.get(0))[point].addValue(cell.equals("consensus") ? 1 : 0);
                        summary.outcomes.get(names.get(1))[point].addValue(
                                cell.equals("consensus") || cell.equals("vote-adopted") ? 1 : 0);
                        summary.outcomes.get(names.get(2))[point].addValue(cell.equals(NO_QUORUM) ? 1 : 0);
                    } else if (!cell.isEmpty()) {
                        summary.outcomes.get(names.get(0))[point].addValue(Double.parseDouble(cell));
                    }
                }
            }
        }
        return summary;
    }

    /** Every outcome name, in summary order, that sweep.csv's outcome columns feed. */
    static List<String> outcomeNames(List<String> outcomeColumns) {
        List<String> names = new ArrayList<>();
        outcomeColumns.forEach(column -> names.addAll(outcomeNames(column)));
        return names;
    }

    /** The outcome names a sweep.csv column feeds: three shares for an item's state, else one. */
    private static List<String> outcomeNames(String column) {
        if (column.endsWith(".state")) {
            String item = column.substring(0, column.length() - ".state".length());
            return List.of(item + " consensus share", item + " adopted share", item + " " + NO_QUORUM + " share");
        }
        int endsIn = column.indexOf(Sweep.ENDS_IN);
        if (endsIn > 0) {
            return List.of(column.substring(0, endsIn) + ENDS_IN_NAME + column.substring(endsIn + Sweep.ENDS_IN.length())
                    + " share");
        }
        if (column.endsWith(".round")) {
            return List.of(column.replace(".round", " decision round"));
        }
        return List.of(column.replace('.', ' ').replace('_', ' '));
    }

    private static SummaryStatistics[] empty(int points) {
        SummaryStatistics[] array = new SummaryStatistics[points];
        for (int p = 0; p < points; p++) {
            array[p] = new SummaryStatistics();
        }
        return array;
    }

    public SweepPlan plan() {
        return plan;
    }

    public Map<String, SummaryStatistics[]> outcomes() {
        return outcomes;
    }

    /** Whether an outcome is a share of replications (coded 0/1 each), which lives in [0, 1]. */
    public static boolean isShare(String outcome) {
        return outcome.endsWith(" consensus share") || outcome.endsWith(" adopted share")
                || outcome.endsWith(" " + NO_QUORUM + " share")
                || (outcome.contains(ENDS_IN_NAME) && outcome.endsWith(" share"));
    }

    /**
     * An outcome's mean with its 95% interval at one point: the Wilson score interval for shares
     * (as the run summaries give, never leaving [0, 1]), Student's t otherwise.
     */
    public static Stats.Interval interval(String outcome, StatisticalSummary statistics) {
        return isShare(outcome) ? Stats.share(Math.round(statistics.getSum()), statistics.getN())
                : Stats.meanInterval(statistics);
    }

    /** The value an outcome takes at every point that has one, or NaN when it varies (or never occurs). */
    public double constantValue(String outcome) {
        double value = Double.NaN;
        for (SummaryStatistics statistics : outcomes.get(outcome)) {
            if (statistics.getN() == 0) {
                continue;
            }
            if (statistics.getMax() != statistics.getMin()
                    || (!Double.isNaN(value) && statistics.getMin() != value)) {
                return Double.NaN;
            }
            value = statistics.getMin();
        }
        return value;
    }

    /** sweep-points.csv: one row per point with the swept values and each outcome's mean and 95% CI. */
    void writeCsv(Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            List<String> header = new ArrayList<>(List.of("point"));
            header.addAll(plan.paths());
            for (String outcome : outcomes.keySet()) {
                String column = outcome.replace(' ', '_');
                header.addAll(List.of(column + "_mean", column + "_ci95_low", column + "_ci95_high"));
            }
            csv.printRecord(header);
            for (int p = 0; p < plan.points().size(); p++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(p)));
                row.addAll(plan.points().get(p));
                for (Map.Entry<String, SummaryStatistics[]> outcome : outcomes.entrySet()) {
                    Stats.Interval interval = interval(outcome.getKey(), outcome.getValue()[p]);
                    row.add(Numbers.format(interval.mean()));
                    row.add(Numbers.format(interval.low()));
                    row.add(Numbers.format(interval.high()));
                }
                csv.printRecord(row);
            }
        }
    }
}
