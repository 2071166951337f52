package org.plenary.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
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
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.results.ChartStyle;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * Compares saved runs: a table of every outcome's difference between the first run (the
 * reference) and each other run, with Welch and Mann-Whitney p-values and Cohen's d, and
 * side-by-side charts. Reads saved results only.
 */
public final class Comparison {
    public static final List<String> COLUMNS = List.of("outcome", "item", "dimension", "reference", "scenario",
            "n_reference", "n_scenario", "mean_reference", "mean_scenario", "difference", "welch_p",
            "mann_whitney_p", "paired_t_p", "cohens_d");
    private static final String STATE_ORDER = "consensus,vote-adopted,vote-rejected,failed,open";

    private final List<SavedRun> runs;

    public Comparison(List<SavedRun> runs) throws InputException {
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
        Set<String> labels = new LinkedHashSet<>();
        for (SavedRun run : runs) {
            if (!labels.add(run.label())) {
                run.setLabel(run.label() + " (" + run.directory().getFileName() + ")");
                labels.add(run.label());
            }
        }
        this.runs = List.copyOf(runs);
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
                String[] parts = key.split("/");
                String item = parts[0].equals("assembly") ? "" : parts[0];
                String dimension = parts.length > 2 ? parts[2] : "";
                double meanX = TwoSampleTests.stats(x).getMean();
                double meanY = TwoSampleTests.stats(y).getMean();
                rows.add(List.of(parts[1], item, dimension, reference.label(), other.label(),
                        Integer.toString(x.length), Integer.toString(y.length), Numbers.format(meanX),
                        Numbers.format(meanY), Numbers.format(meanY - meanX), pValue(TwoSampleTests.welchP(x, y)),
                        pValue(TwoSampleTests.mannWhitneyP(x, y)), pValue(pairedP(reference, other, key)),
                        Numbers.format(TwoSampleTests.cohensD(x, y))));
            }
        }
        return rows;
    }

    /**
     * The paired t-test over replications present in both runs, when they share a master seed and
     * so each replication number the same seed: the runs then differ only by the scenario change
     * (common random numbers), and pairing removes the noise they share. NaN otherwise.
     */
    private static double pairedP(SavedRun reference, SavedRun other, String key) {
        if (reference.masterSeed() != other.masterSeed()) {
            return Double.NaN;
        }
        Map<Integer, Double> a = reference.byReplication(key);
        Map<Integer, Double> b = other.byReplication(key);
        List<Integer> common = a.keySet().stream().filter(b::containsKey).toList();
        double[] x = common.stream().mapToDouble(a::get).toArray();
        double[] y = common.stream().mapToDouble(b::get).toArray();
        return TwoSampleTests.pairedP(x, y);
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
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
        List<Path> written = new ArrayList<>();
        for (String dimension : runs.get(0).dimensions()) {
            JFreeChart chart = trajectories("Mean position on " + dimension.replace('_', ' '),
                    "mean over delegations still in the assembly; 95% band over replications",
                    "position (0 = low pole, 1 = high pole)", run -> run.meanPositionByRound(dimension));
            if (chart != null) {
                Path file = charts.resolve("compare-positions-" + dimension + ".png");
                ChartStyle.save(chart, file);
                written.add(file);
            }
        }
        for (String item : runs.get(0).items()) {
            for (String dimension : runs.get(0).dimensions()) {
                double statusQuo = runs.get(0).statusQuo(item, dimension);
                if (Double.isNaN(statusQuo)) {
                    continue;
                }
                JFreeChart chart = trajectories("Draft text of " + item + " on " + dimension.replace('_', ' '),
                        "mean draft with 95% band over replications; after closing, the final text; dashed: the"
                                + " reference's status quo", "position of the draft text (0 = low pole, 1 = high pole)",
                        run -> run.draftByRound(item, dimension));
                if (chart != null) {
                    ValueMarker marker = new ValueMarker(statusQuo, Color.DARK_GRAY, new BasicStroke(1.2f,
                            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                    marker.setLabel("status quo " + Numbers.format(statusQuo));
                    marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                    chart.getXYPlot().addRangeMarker(marker);
                    Path file = charts.resolve("compare-draft-" + item + "-" + dimension + ".png");
                    ChartStyle.save(chart, file);
                    written.add(file);
                }
            }
        }
        JFreeChart coalitions = trajectories("Largest coalition's capability share",
                "95% band over replications", "capability share", SavedRun::largestCoalitionShareByRound);
        if (coalitions != null) {
            Path file = charts.resolve("compare-coalitions.png");
            ChartStyle.save(coalitions, file);
            written.add(file);
        }
        Path outcomes = charts.resolve("compare-outcomes.png");
        ChartStyle.save(outcomeShares(), outcomes);
        written.add(outcomes);
        writeReport(directory, rows, written);
        return written;
    }

    @FunctionalInterface
    private interface Trajectory {
        SummaryStatistics[] of(SavedRun run) throws IOException;
    }

    /** One band per run; null when no run kept the data the chart needs. */
    private JFreeChart trajectories(String title, String subtitle, String axis, Trajectory trajectory)
            throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        int rounds = 0;
        List<String> missing = new ArrayList<>();
        for (SavedRun run : runs) {
            SummaryStatistics[] byRound = trajectory.of(run);
            if (byRound == null) {
                missing.add(run.label());
                continue;
            }
            YIntervalSeries series = new YIntervalSeries(run.label());
            for (int t = 0; t < byRound.length; t++) {
                ChartStyle.addInterval(series, t, byRound[t]);
            }
            int index = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesPaint(index, ChartStyle.PALETTE[index % ChartStyle.PALETTE.length]);
            renderer.setSeriesFillPaint(index, ChartStyle.PALETTE[index % ChartStyle.PALETTE.length]);
            // Later runs draw thinner lines, so a run that coincides with an earlier one stays visible.
            renderer.setSeriesStroke(index, new BasicStroke(Math.max(1.2f, 4f - 1.2f * index)));
            rounds = Math.max(rounds, run.rounds());
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(data, ChartStyle.roundAxis(rounds), ChartStyle.unitAxis(axis), renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // thinner later lines on top
        String note = missing.isEmpty() ? "" : "; not kept by " + String.join(", ", missing);
        return ChartStyle.chart(title, subtitle + note, plot, true);
    }

    /** Grouped bars: for each item and final state, the share of replications in each run. */
    private JFreeChart outcomeShares() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SavedRun run : runs) {
            for (String item : runs.get(0).items()) {
                for (String state : STATE_ORDER.split(",")) {
                    boolean anywhere = runs.stream().anyMatch(r -> r.stateCount(item, state) > 0);
                    if (anywhere) {
                        data.addValue((double) run.stateCount(item, state) / run.replications(), run.label(),
                                item + ": " + state);
                    }
                }
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < runs.size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.PALETTE[s % ChartStyle.PALETTE.length]);
        }
        NumberAxis share = new NumberAxis("share of replications");
        share.setRange(0, 1);
        CategoryAxis categories = new CategoryAxis("item: final state");
        categories.setMaximumCategoryLabelLines(3);
        CategoryPlot plot = new CategoryPlot(data, categories, share, renderer);
        return ChartStyle.chart("How items ended, by scenario", "share of replications ending in each state", plot,
                true);
    }

    private void writeReport(Path directory, List<List<String>> rows, List<Path> charts) throws IOException {
        Html html = new Html("Plenary comparison");
        html.heading(1, "Plenary comparison");
        List<List<String>> runRows = new ArrayList<>();
        for (SavedRun run : runs) {
            runRows.add(List.of(run.label(), Integer.toString(run.replications()), run.directory().toString()));
        }
        html.table(List.of("scenario", "replications", "results directory"), runRows);
        html.paragraph("Differences are each scenario minus the reference (the first directory). p-values: Welch's"
                + " t-test and the Mann-Whitney U test (normal approximation with tie and continuity correction);"
                + " when both runs share a master seed, also the paired t-test over matched replications (common random"
                + " numbers); effect size: Cohen's d with pooled standard deviation. Consensus and adopted are shares"
                + " (0/1 per replication).", true);
        html.heading(2, "Outcomes");
        html.table(COLUMNS, rows);
        html.heading(2, "Charts");
        for (Path chart : charts) {
            html.image(chart, RunReport.caption(chart.getFileName().toString()));
        }
        html.write(directory.resolve("report.html"));
    }
}
