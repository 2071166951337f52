package org.plenary.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.results.Html;

/**
 * report.html of a comparison, answer first: the outcomes that differ (effect, 95% interval,
 * p-value), then what the runs could not tell apart and the smallest difference they could have
 * detected, then the charts with captions, then the full table. Built over whatever rows and
 * columns {@link Comparison} produces, by column name.
 */
final class ComparisonReport {
    /** Outcomes with a p-value below this are listed as differing. */
    static final double LEVEL = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonReport() {
    }

    static void write(Comparison comparison, List<List<String>> rows, Map<Path, String> charts, Path file)
            throws IOException {
        List<SavedRun> runs = comparison.runs();
        Columns columns = new Columns(Comparison.COLUMNS);
        boolean severalPairs = runs.size() > 2;
        Html html = new Html("Plenary comparison");
        html.heading(1, "Plenary comparison: " + String.join(" vs ", runs.stream().map(SavedRun::label).toList()));
        List<List<String>> runRows = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            SavedRun run = runs.get(r);
            runRows.add(List.of(run.label() + (r == 0 ? " (reference)" : ""), Integer.toString(run.replications()),
                    Long.toString(run.masterSeed()), run.directory().toString()));
        }
        html.table(List.of("run", "replications", "master seed", "results directory"), runRows);
        for (String warning : duplicates(runs)) {
            html.warning(warning);
        }

        List<List<String>> differ = new ArrayList<>();
        List<List<String>> same = new ArrayList<>();
        for (List<String> row : rows) {
            double p = columns.p(row);
            List<String> cells = new ArrayList<>();
            cells.add(columns.outcome(row));
            if (severalPairs) {
                cells.add(columns.get(row, "scenario"));
            }
            if (p < LEVEL || columns.excludesZero(row)) {
                cells.addAll(List.of(short3(columns.get(row, "mean_reference")), short3(columns.get(row, "mean_scenario")),
                        signed(columns.get(row, "difference")), columns.interval(row), columns.pText(row),
                        short3(columns.get(row, "detectable_difference"))));
                differ.add(cells);
            } else {
                cells.addAll(List.of(signed(columns.get(row, "difference")), columns.interval(row), columns.pText(row),
                        short3(columns.get(row, "detectable_difference")), columns.get(row, "replications_needed")));
                same.add(cells);
            }
        }
        String pair = severalPairs ? "scenario" : null;
        String test = "Difference, 95% interval and p come from one test (comparison.csv, column 'test'): the paired"
                + " t-test over matched replications where the runs share a master seed (common random numbers),"
                + " else Welch's t-test; an interval excludes 0 exactly when p < " + LEVEL + ". Smallest detectable:"
                + " the difference a test at 5% would find with 80% power at these replications.";
        html.heading(2, "Outcomes that differ (p < " + LEVEL + ")");
        if (differ.isEmpty()) {
            html.paragraph("None: no outcome differs between the runs at p < " + LEVEL + ". The table below says how"
                    + " large a difference these replications could have detected.", false);
        } else {
            html.table(header(pair, "outcome", "reference", "scenario", "difference", "95% interval", "p",
                    "smallest detectable"), differ);
        }
        html.paragraph(test + " Differences are each scenario minus the reference; consensus, adopted and no-quorum"
                + " (the item's vote missed its quorum; shown where either run had one) are shares of replications.", true);
        if (!same.isEmpty()) {
            html.heading(2, "Outcomes not shown to differ");
            html.table(header(pair, "outcome", "difference", "95% interval", "p", "smallest detectable",
                    "replications for " + format(comparison.detect())), same);
            html.paragraph("\"replications for " + format(comparison.detect()) + "\": replications per run needed to"
                    + " detect a difference of " + format(comparison.detect()) + " on outcomes between 0 and 1"
                    + " (shares, positions; 'compare --detect' changes it), or of 1 on the others (rounds,"
                    + " coalitions), at 5% with 80% power, from the spread these runs show. Blank: the outcome"
                    + " did not vary in either run.", true);
        }

        html.heading(2, "Charts");
        for (Map.Entry<Path, String> chart : charts.entrySet()) {
            html.image(chart.getKey(), chart.getValue());
        }
        html.heading(2, "Full table");
        html.paragraph("Every outcome with all statistics, as in comparison.csv: Welch and Mann-Whitney U p-values"
                + " (normal approximation with tie and continuity correction), the paired t-test when the runs share a"
                + " master seed, Cohen's d with pooled standard deviation.", true);
        List<String> fullHeader = new ArrayList<>(List.of("outcome"));
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < Comparison.COLUMNS.size(); c++) {
            String name = Comparison.COLUMNS.get(c);
            boolean merged = name.equals("outcome") || name.equals("item") || name.equals("dimension")
                    || (!severalPairs && (name.equals("reference") || name.equals("scenario")));
            if (!merged) {
                kept.add(c);
                fullHeader.add(name.replace('_', ' '));
            }
        }
        List<List<String>> full = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(List.of(columns.outcome(row)));
            kept.forEach(c -> cells.add(row.get(c)));
            full.add(cells);
        }
        html.compactTable(fullHeader, full);
        html.write(file);
    }

    private static List<String> header(String pair, String... names) {
        List<String> header = new ArrayList<>(List.of(names[0]));
        if (pair != null) {
            header.add(pair);
        }
        header.addAll(List.of(names).subList(1, names.length));
        return header;
    }

    /**
     * Warnings about the runs themselves: the same directory twice, or runs of the same scenario with
     * the same parameters and seed, whose outcomes are identical by construction.
     */
    static List<String> duplicates(List<SavedRun> runs) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<JsonNode> manifests = new ArrayList<>();
        for (SavedRun run : runs) {
            manifests.add(JSON.readTree(run.directory().resolve("manifest.json").toFile()));
        }
        for (int b = 1; b < runs.size(); b++) {
            for (int a = 0; a < b; a++) {
                JsonNode x = manifests.get(a);
                JsonNode y = manifests.get(b);
                if (runs.get(a).directory().toAbsolutePath().normalize()
                        .equals(runs.get(b).directory().toAbsolutePath().normalize())) {
                    warnings.add(runs.get(b).directory() + " is given twice.");
                } else if (x.path("parameters").equals(y.path("parameters"))
                        && x.path("master_seed").equals(y.path("master_seed"))) {
                    warnings.add(runs.get(a).label() + " and " + runs.get(b).label() + " are runs of the same scenario"
                            + " with the same parameters and seed, so their outcomes are identical: compare runs of"
                            + " different scenarios (pick one run directory per scenario).");
                }
            }
        }
        return warnings;
    }

    private static String format(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A number cell shortened to three decimals for reading; blank stays blank. */
    private static String short3(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        try {
            return String.format(Locale.ROOT, "%.3f", Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static String signed(String cell) {
        String text = short3(cell);
        return text.isEmpty() || text.startsWith("-") ? text : "+" + text;
    }

    /** Finds the columns of a row by name, so the report follows whatever Comparison lists. */
    private record Columns(List<String> names) {
        String get(List<String> row, String name) {
            int index = names.indexOf(name);
            return index < 0 || index >= row.size() ? "" : row.get(index);
        }

        String outcome(List<String> row) {
            List<String> parts = new ArrayList<>();
            for (String name : List.of("item", "outcome", "dimension")) {
                if (!get(row, name).isEmpty()) {
                    parts.add(get(row, name));
                }
            }
            return String.join(" \u00b7 ", parts);
        }

        /** The p-value of the row's test (paired where the runs share a master seed, else Welch's). */
        String pText(List<String> row) {
            return get(row, "p");
        }

        /** Whether the row's interval lies wholly on one side of 0 (p, rounded to text, may read 0.0500). */
        boolean excludesZero(List<String> row) {
            String low = get(row, "difference_ci95_low");
            String high = get(row, "difference_ci95_high");
            return !low.isEmpty() && (Double.parseDouble(low) > 0 || Double.parseDouble(high) < 0);
        }

        double p(List<String> row) {
            String text = pText(row);
            if (text.isEmpty()) {
                return Double.NaN;
            }
            return text.startsWith("<") ? 0 : Double.parseDouble(text);
        }

        String interval(List<String> row) {
            String low = get(row, "difference_ci95_low");
            String high = get(row, "difference_ci95_high");
            return low.isEmpty() ? "" : "[" + short3(low) + ", " + short3(high) + "]";
        }
    }
}
