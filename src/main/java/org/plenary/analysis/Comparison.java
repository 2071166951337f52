package org.plenary.analysis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * Compares saved runs: a table of every outcome's difference between the first run (the
 * reference) and each other run, with Welch and Mann-Whitney p-values and Cohen's d, and
 * side-by-side charts. Each row's difference, 95% interval and {@code p} come from one test, named
 * in {@code test}: the paired t-test when the runs share a master seed, else Welch's. Reads saved
 * results only.
 */
public final class Comparison {
    public static final List<String> COLUMNS = List.of("outcome", "item", "dimension", "reference", "scenario",
            "n_reference", "n_scenario", "mean_reference", "mean_scenario", "difference", "test", "p", "welch_p",
            "mann_whitney_p", "paired_t_p", "cohens_d", "difference_ci95_low", "difference_ci95_high",
            "detectable_difference", "replications_needed");
    /** The difference replications_needed is computed for when none is stated. */
    public static final double DEFAULT_DETECT = 0.05;

    private final List<SavedRun> runs;
    private final double detect;

    public Comparison(List<SavedRun> runs) throws InputException {
        this(runs, DEFAULT_DETECT);
    }

    /**
     * @param detect the difference, in each outcome's units, for which replications_needed says how
     *               many replications per run a test at 5% with 80% power would need
     */
    public Comparison(List<SavedRun> runs, double detect) throws InputException {
        if (runs.size() < 2) {
            throw new InputException(new Problem("compare", 0, "", "give at least two result directories"));
        }
        SavedRun reference = runs.get(0);
        for (SavedRun run : runs.subList(1, runs.size())) {
            if (!run.dimensions().equals(reference.dimensions())) {
                throw new InputException(new Problem(run.directory().toString(), 0, "dimensions",
                        "the dimensions " + run.dimensions() + " differ from " + reference.dimensions() + " in "
                                + reference.directory() + ": runs over different dimensions cannot be compared"));
            }
        }
        Set<String> bodies = new java.util.TreeSet<>();
        runs.forEach(run -> bodies.addAll(run.bodiesEndedIn()));
        runs.forEach(run -> run.countBodies(bodies));
        Set<String> labels = new LinkedHashSet<>();
        for (SavedRun run : runs) {
            if (!labels.add(run.label())) {
                run.setLabel(run.label() + " (" + run.directory().getFileName() + ")");
                labels.add(run.label());
            }
        }
        this.runs = List.copyOf(runs);
        this.detect = detect;
    }

    public double detect() {
        return detect;
    }

    /**
     * The difference replications_needed is for: the stated one on outcomes within [0, 1]
     * (shares, positions), else one unit (a round, a coalition), where 0.05 would mean nothing.
     */
    private double stated(double[] x, double[] y) {
        boolean unit = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(x), java.util.Arrays.stream(y))
                .allMatch(v -> v >= 0 && v <= 1);
        return unit ? detect : Math.max(1, detect);
    }

    /** Problems with the runs chosen: the same directory twice, or identical runs. */
    public List<String> warnings() throws IOException {
        return ComparisonReport.duplicates(runs);
    }

    public List<SavedRun> runs() {
        return runs;
    }

    /** One row per outcome shared by the reference and another run. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        SavedRun reference = runs.get(0);
        for (SavedRun other : runs.subList(1, runs.size())) {
            for (String key : reference.outcomes().keySet()) {
                List<Double> b = other.outcomes().get(key);
                if (b == null) {
                    continue;
                }
                double[] x = toArray(reference.outcomes().get(key));
                double[] y = toArray(b);
                if (key.endsWith("/" + SavedRun.NO_QUORUM) && max(x) == 0 && max(y) == 0) {
                    continue; // no vote on the item missed its quorum in either run: nothing to compare
                }
                String[] parts = key.split("/");
                String item = parts[0].equals("assembly") ? "" : parts[0];
                String dimension = parts.length > 2 ? parts[2] : "";
                double meanX = TwoSampleTests.stats(x).getMean();
                double meanY = TwoSampleTests.stats(y).getMean();
                Test test = test(reference, other, key, x, y);
                long needed = Precision.replicationsFor(x, y, stated(x, y));
                rows.add(List.of(parts[1], item, dimension, reference.label(), other.label(),
                        Integer.toString(x.length), Integer.toString(y.length), Numbers.format(meanX),
                        Numbers.format(meanY), Numbers.format(test.difference()), test.name(), pValue(test.p()),
                        pValue(TwoSampleTests.welchP(x, y)), pValue(TwoSampleTests.mannWhitneyP(x, y)),
                        pValue(test.name().equals(PAIRED) ? test.p() : Double.NaN),
                        Numbers.format(TwoSampleTests.cohensD(x, y)), Numbers.format(test.low()),
                        Numbers.format(test.high()), Numbers.format(Precision.detectable(x, y)),
                        needed < 0 ? "" : Long.toString(needed)));
            }
        }
        return rows;
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    static final String PAIRED = "paired-t";
    static final String WELCH = "welch";

    /** One test's estimate of mean(scenario) - mean(reference), its 95% interval and p-value. */
    record Test(String name, double difference, double low, double high, double p) {
    }

    /**
     * The paired t-test over replications present in both runs when they share a master seed, and
     * so each replication number the same seed: the runs then differ only by the scenario change
     * (common random numbers), and pairing removes the noise they share. Welch's t-test otherwise.
     */
    private static Test test(SavedRun reference, SavedRun other, String key, double[] x, double[] y) {
        if (reference.masterSeed() != other.masterSeed()) {
            double[] interval = Precision.differenceInterval(x, y);
            double difference = TwoSampleTests.stats(y).getMean() - TwoSampleTests.stats(x).getMean();
            return new Test(WELCH, difference, interval[0], interval[1], TwoSampleTests.welchP(x, y));
        }
        Map<Integer, Double> a = reference.byReplication(key);
        Map<Integer, Double> b = other.byReplication(key);
        List<Integer> common = a.keySet().stream().filter(b::containsKey).toList();
        double[] matchedX = common.stream().mapToDouble(a::get).toArray();
        double[] matchedY = common.stream().mapToDouble(b::get).toArray();
        double[] interval = Precision.pairedInterval(matchedX, matchedY);
        double difference = common.isEmpty() ? Double.NaN
                : TwoSampleTests.stats(matchedY).getMean() - TwoSampleTests.stats(matchedX).getMean();
        return new Test(PAIRED, difference, interval[0], interval[1], TwoSampleTests.pairedP(matchedX, matchedY));
    }

    /** A p-value as text: four decimals, or two significant digits below 1e-4; "< 1e-300" below that. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        if (p < 1e-300) { // 0 in double precision: the samples differ beyond what the test can express
            return "< 1e-300";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Writes comparison.csv, the charts and report.html into the directory; returns the chart files. */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<List<String>> rows = rows();
        try (Writer writer = Files.newBufferedWriter(directory.resolve("comparison.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord(COLUMNS);
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        }
        Path charts = Files.createDirectories(directory.resolve("charts"));
        Map<Path, String> written = new ComparisonCharts(runs).write(charts);
        ComparisonReport.write(this, rows, written, directory.resolve("report.html"));
        return List.copyOf(written.keySet());
    }
}
