package org.plenary.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.results.ChartStyle;
import org.plenary.results.EventLabels;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * The comparison's charts. First what a researcher asks: each run's difference from the
 * reference over rounds with its 95% band (draft texts, mean positions) and the difference in how
 * items ended; then the runs' own trajectories. Every chart over rounds marks the runs' events;
 * a run whose line coincides with an earlier run's is drawn dashed and says so in the legend.
 */
final class ComparisonCharts {
    /** Normal 97.5% quantile: whiskers of differences in shares. */
    private static final double Z = 1.959964;
    private static final String STATE_ORDER = "consensus,vote-adopted,vote-rejected,no-quorum,failed,open";

    private final List<SavedRun> runs;
    private final Map<Integer, String> events;

    ComparisonCharts(List<SavedRun> runs) {
        this.runs = runs;
        this.events = events(runs);
    }

    /** Chart files in report order, each with its caption. */
    Map<Path, String> write(Path directory) throws IOException {
        Map<Path, String> written = new LinkedHashMap<>();
        SavedRun reference = runs.get(0);
        String minus = "each scenario minus the reference (" + reference.label() + ")";
        for (String item : reference.items()) {
            for (String dimension : reference.dimensions()) {
                if (Double.isNaN(reference.statusQuo(item, dimension))) {
                    continue;
                }
                save(written, directory, "compare-difference-draft-" + item + "-" + dimension, difference(
                        "Draft text of " + item + " on " + words(dimension) + ": difference from " + reference.label(),
                        "position difference", run -> run.draftByRound(item, dimension)),
                        "Difference in the draft text of " + item + " on " + words(dimension) + ", " + minus
                                + ", by round, with its 95% band; 0 = no difference. After an item closes: its final"
                                + " text.");
            }
        }
        for (String dimension : reference.dimensions()) {
            save(written, directory, "compare-difference-positions-" + dimension, difference(
                    "Mean position on " + words(dimension) + ": difference from " + reference.label(),
                    "position difference", run -> run.meanPositionByRound(dimension)),
                    "Difference in the mean position on " + words(dimension) + " of the delegations still in the"
                            + " assembly, " + minus + ", with its 95% band.");
        }
        save(written, directory, "compare-outcomes", outcomeDifferences(),
                "Difference in the share of replications in which each item ended in each state, " + minus
                        + "; whiskers: 95% interval; no bar: the same share.");
        for (String item : reference.items()) {
            for (String dimension : reference.dimensions()) {
                double statusQuo = reference.statusQuo(item, dimension);
                if (Double.isNaN(statusQuo)) {
                    continue;
                }
                JFreeChart chart = levels("Draft text of " + item + " on " + words(dimension),
                        "mean draft with 95% band over replications; after closing, the final text; dashed grey: the"
                                + " reference's status quo (" + Numbers.format(statusQuo) + ")",
                        "position of the draft text (0 = low pole, 1 = high pole)", run -> run.draftByRound(item, dimension));
                if (chart != null) {
                    chart.getXYPlot().addRangeMarker(new ValueMarker(statusQuo, Color.DARK_GRAY, new BasicStroke(1.2f,
                            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)));
                }
                save(written, directory, "compare-draft-" + item + "-" + dimension, chart,
                        "Draft text of " + item + " on " + words(dimension) + " in each run, with the status quo.");
            }
        }
        save(written, directory, "compare-coalitions", levels("Largest coalition's capability share",
                "mean with 95% band over replications", "capability share", SavedRun::largestCoalitionShareByRound),
                "The largest coalition's share of capability in each run, by round.");
        return written;
    }

    private static void save(Map<Path, String> written, Path directory, String stem, JFreeChart chart, String caption)
            throws IOException {
        if (chart != null) {
            Path file = directory.resolve(stem + ".png");
            ChartStyle.save(chart, file);
            written.put(file, caption);
        }
    }

    private static String words(String id) {
        return id.replace('_', ' ');
    }

    @FunctionalInterface
    interface Trajectory {
        /** Values per replication (row replication - 1) and round, NaN where unknown; null without the data. */
        double[][] of(SavedRun run) throws IOException;
    }

    /**
     * Each run's difference from the reference per round with the 95% band of the comparison's
     * test: paired over matched replications when the runs share a master seed (so the band is
     * zero wherever they coincide), else Welch's; null without the data.
     */
    JFreeChart difference(String title, String axis, Trajectory trajectory) throws IOException {
        double[][] reference = trajectory.of(runs.get(0));
        if (reference == null) {
            return null;
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<String> missing = new ArrayList<>();
        boolean allPaired = true;
        for (SavedRun run : runs.subList(1, runs.size())) {
            double[][] other = trajectory.of(run);
            if (other == null) {
                missing.add(run.label());
                continue;
            }
            boolean paired = run.masterSeed() == runs.get(0).masterSeed();
            allPaired &= paired;
            YIntervalSeries series = new YIntervalSeries(run.label() + " \u2212 " + runs.get(0).label());
            int rounds = Math.min(reference.length == 0 ? 0 : reference[0].length, other.length == 0 ? 0 : other[0].length);
            for (int t = 0; t < rounds; t++) {
                double[][] samples = paired ? matched(reference, other, t) : new double[][] {known(reference, t),
                        known(other, t)};
                if (samples[0].length == 0 || samples[1].length == 0) {
                    continue;
                }
                double difference = TwoSampleTests.stats(samples[1]).getMean() - TwoSampleTests.stats(samples[0]).getMean();
                double[] band = paired ? Precision.pairedInterval(samples[0], samples[1])
                        : Precision.differenceInterval(samples[0], samples[1]);
                series.add(t, difference, Double.isNaN(band[0]) ? difference : band[0],
                        Double.isNaN(band[1]) ? difference : band[1]);
            }
            data.addSeries(series);
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        DeviationRenderer renderer = renderer(data, List.of());
        NumberAxis y = new NumberAxis(axis + " (scenario \u2212 reference)");
        y.setAutoRangeIncludesZero(true);
        org.jfree.data.Range range = org.jfree.data.general.DatasetUtils.findRangeBounds(data, true);
        if (range != null) {
            ChartStyle.roundTicks(y, Math.min(0, range.getLowerBound()), Math.max(0, range.getUpperBound()), 8);
        }
        XYPlot plot = new XYPlot(data, ChartStyle.roundAxis(runs.get(0).rounds()), y, renderer);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        EventLabels.addMarkers(plot, events);
        String note = missing.isEmpty() ? "" : "; not kept by " + String.join(", ", missing);
        String band = allPaired ? "paired t over matched replications (shared master seed)"
                : "Welch t, independent replications";
        return ChartStyle.chart(title, "mean difference with 95% band (" + band + ")" + note, plot, true);
    }

    /** The round's known values of each replication known in both runs: {reference, other}. */
    private static double[][] matched(double[][] reference, double[][] other, int round) {
        int[] both = java.util.stream.IntStream.range(0, Math.min(reference.length, other.length))
                .filter(r -> !Double.isNaN(reference[r][round]) && !Double.isNaN(other[r][round])).toArray();
        return new double[][] {java.util.Arrays.stream(both).mapToDouble(r -> reference[r][round]).toArray(),
                java.util.Arrays.stream(both).mapToDouble(r -> other[r][round]).toArray()};
    }

    private static double[] known(double[][] values, int round) {
        return java.util.Arrays.stream(values).mapToDouble(replication -> replication[round])
                .filter(v -> !Double.isNaN(v)).toArray();
    }

    /** One band per run; a run identical to an earlier one is dashed and named so; null without data. */
    JFreeChart levels(String title, String subtitle, String axis, Trajectory trajectory) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<double[]> means = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> identical = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int rounds = 0;
        for (SavedRun run : runs) {
            double[][] values = trajectory.of(run);
            if (values == null) {
                missing.add(run.label());
                continue;
            }
            SummaryStatistics[] byRound = SavedRun.byRound(values);
            double[] mean = new double[byRound.length];
            YIntervalSeries series = new YIntervalSeries(run.label());
            for (int t = 0; t < byRound.length; t++) {
                mean[t] = byRound[t].getN() == 0 ? Double.NaN : byRound[t].getMean();
                ChartStyle.addInterval(series, t, byRound[t]);
            }
            int same = -1;
            for (int earlier = 0; earlier < means.size() && same < 0; earlier++) {
                if (java.util.Arrays.equals(means.get(earlier), mean)) {
                    same = earlier;
                }
            }
            if (same >= 0) {
                series.setKey(run.label() + " (identical to " + labels.get(same) + ")");
                identical.add(data.getSeriesCount());
            }
            means.add(mean);
            labels.add(run.label());
            data.addSeries(series);
            rounds = Math.max(rounds, run.rounds());
        }
        if (data.getSeriesCount() == 0) {
            return null;
        }
        XYPlot plot = new XYPlot(data, ChartStyle.roundAxis(rounds), ChartStyle.unitAxis(axis),
                renderer(data, identical));
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later, dashed lines on top
        EventLabels.addMarkers(plot, events);
        String note = missing.isEmpty() ? "" : "; not kept by " + String.join(", ", missing);
        return ChartStyle.chart(title, subtitle + note, plot, true);
    }

    private static DeviationRenderer renderer(YIntervalSeriesCollection data, List<Integer> dashed) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color colour = ChartStyle.PALETTE[s % ChartStyle.PALETTE.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, dashed.contains(s) ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f) : new BasicStroke(2.5f));
        }
        renderer.setAlpha(0.2f);
        return renderer;
    }

    /** Per item and final state, each run's share minus the reference's with a 95% interval. */
    JFreeChart outcomeDifferences() {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        SavedRun reference = runs.get(0);
        for (SavedRun run : runs.subList(1, runs.size())) {
            for (String item : reference.items()) {
                for (String state : STATE_ORDER.split(",")) {
                    if (runs.stream().noneMatch(r -> r.stateCount(item, state) > 0)) {
                        continue;
                    }
                    double p = (double) reference.stateCount(item, state) / reference.replications();
                    double q = (double) run.stateCount(item, state) / run.replications();
                    double half = Z * Math.sqrt(p * (1 - p) / reference.replications() + q * (1 - q) / run.replications());
                    // The dataset's "standard deviation" is drawn as the whisker: give it the half-width.
                    data.add(q - p, half, run.label() + " \u2212 " + reference.label(), item + ": " + state);
                }
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        for (int s = 0; s < runs.size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.PALETTE[s % ChartStyle.PALETTE.length]);
        }
        NumberAxis share = new NumberAxis("difference in share of replications (scenario \u2212 reference)");
        share.setRange(-1, 1);
        share.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
        CategoryAxis categories = new CategoryAxis("item: final state");
        categories.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(data, categories, share, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        return ChartStyle.chart("How items ended: difference from " + reference.label(),
                "share of replications ending in each state; whiskers: 95% interval (normal approximation)", plot,
                runs.size() > 2);
    }

    /**
     * Every run's events by round; an event some runs have and others not is prefixed with the
     * labels of the runs that have it.
     */
    private static Map<Integer, String> events(List<SavedRun> runs) {
        Map<Integer, Map<String, List<String>>> byRound = new java.util.TreeMap<>();
        for (SavedRun run : runs) {
            Path resolved = run.directory().resolve("scenario.resolved.yaml");
            if (!Files.isRegularFile(resolved)) {
                continue;
            }
            try {
                Scenario scenario = ScenarioLoader.load(resolved, List.of()).scenario();
                EventLabels.byRound(scenario).forEach((round, text) -> byRound.computeIfAbsent(round,
                        r -> new LinkedHashMap<>()).computeIfAbsent(text, t -> new ArrayList<>()).add(run.label()));
            } catch (InputException e) {
                // A results directory from another version: draw the charts without its event markers.
            }
        }
        Map<Integer, String> merged = new LinkedHashMap<>();
        byRound.forEach((round, texts) -> {
            List<String> parts = new ArrayList<>();
            texts.forEach((text, labels) -> parts.add(labels.size() == runs.size() ? text
                    : String.join(", ", labels) + ": " + text));
            merged.put(round, String.join(" | ", parts));
        });
        return merged;
    }
}
