package org.plenary.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.AggregateSummaryStatistics;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.results.ChartStyle;
import org.plenary.results.Stats;

/**
 * Sweep charts: with one swept parameter, each outcome against it with a 95% band; with two or
 * more, a heatmap of each outcome for each pair of parameters (averaged over the others). Shares
 * are drawn on a fixed [0, 1] scale with Wilson intervals; an outcome that takes the same value at
 * every point is not drawn (a chart of it would only show its scale), and the report says so.
 */
final class SweepCharts {
    /** Distinct values above this are binned into at most this many equal-width intervals. */
    private static final int MAX_CELLS = 10;
    /** Sampled designs: bins chosen so that a heatmap cell holds about this many points. */
    private static final double POINTS_PER_CELL = 2;
    private static final int MAX_PAIRS = 3;

    private SweepCharts() {
    }

    static List<Path> write(SweepSummary summary, Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        SweepPlan plan = summary.plan();
        Map<String, SummaryStatistics[]> varying = new java.util.LinkedHashMap<>(summary.outcomes());
        varying.keySet().removeIf(outcome -> !Double.isNaN(summary.constantValue(outcome)));
        if (plan.paths().size() == 1) {
            for (Map.Entry<String, SummaryStatistics[]> outcome : varying.entrySet()) {
                Path file = directory.resolve("sweep-" + slug(outcome.getKey()) + ".png");
                ChartStyle.save(line(plan, outcome.getKey(), outcome.getValue()), file);
                files.add(file);
            }
            return files;
        }
        int pairs = 0;
        for (int a = 0; a < plan.paths().size() && pairs < MAX_PAIRS; a++) {
            for (int b = a + 1; b < plan.paths().size() && pairs < MAX_PAIRS; b++, pairs++) {
                for (Map.Entry<String, SummaryStatistics[]> outcome : varying.entrySet()) {
                    Path file = directory.resolve("heatmap-" + slug(plan.paths().get(a)) + "-x-"
                            + slug(plan.paths().get(b)) + "-" + slug(outcome.getKey()) + ".png");
                    ChartStyle.save(heatmap(plan, a, b, outcome.getKey(), outcome.getValue()), file);
                    files.add(file);
                }
            }
        }
        return files;
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static JFreeChart line(SweepPlan plan, String outcome, SummaryStatistics[] byPoint) {
        Cells cells = Cells.of(plan, 0);
        YIntervalSeries series = new YIntervalSeries(outcome);
        StatisticalSummary[] byCell = cells.pool(plan, 0, byPoint);
        for (int c = 0; c < byCell.length; c++) {
            if (byCell[c].getN() > 0) {
                Stats.Interval interval = SweepSummary.interval(outcome, byCell[c]);
                series.add(cells.numeric ? cells.centre(c) : c, interval.mean(),
                        Double.isNaN(interval.low()) ? interval.mean() : interval.low(),
                        Double.isNaN(interval.high()) ? interval.mean() : interval.high());
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        renderer.setSeriesFillPaint(0, ChartStyle.PALETTE[0]);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setAlpha(0.2f);
        NumberAxis x = cells.numeric ? new NumberAxis(plan.paths().get(0)) : cells.axis(plan.paths().get(0));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = SweepSummary.isShare(outcome) ? ChartStyle.unitAxis(outcome) : new NumberAxis(outcome);
        y.setAutoRangeIncludesZero(false);
        org.jfree.data.Range range = org.jfree.data.general.DatasetUtils.findRangeBounds(data, true);
        if (!SweepSummary.isShare(outcome) && range != null) {
            ChartStyle.roundTicks(y, range.getLowerBound(), range.getUpperBound(), 8);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return ChartStyle.chart(outcome + " against " + plan.paths().get(0), "mean with 95% band over replications"
                + (SweepSummary.isShare(outcome) ? " (Wilson interval)" : ""), plot, false);
    }

    static JFreeChart heatmap(SweepPlan plan, int a, int b, String outcome, SummaryStatistics[] byPoint) {
        Cells columns = Cells.of(plan, a);
        Cells rows = Cells.of(plan, b);
        // Pool every replication of the points in a cell, whatever the other parameters' values.
        List<List<SummaryStatistics>> members = new ArrayList<>();
        for (int cell = 0; cell < columns.count() * rows.count(); cell++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < plan.points().size(); p++) {
            if (byPoint[p].getN() > 0) {
                int column = columns.cellOf(plan.points().get(p).get(a));
                int row = rows.cellOf(plan.points().get(p).get(b));
                members.get(column * rows.count() + row).add(byPoint[p]);
            }
        }
        List<double[]> values = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns.count(); c++) {
            for (int r = 0; r < rows.count(); r++) {
                List<SummaryStatistics> cell = members.get(c * rows.count() + r);
                if (!cell.isEmpty()) {
                    double mean = AggregateSummaryStatistics.aggregate(cell).getMean();
                    values.add(new double[] {c, r, mean});
                    min = Math.min(min, mean);
                    max = Math.max(max, mean);
                }
            }
        }
        double[][] series = new double[3][values.size()];
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < 3; j++) {
                series[j][i] = values.get(i)[j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(outcome, series);
        if (SweepSummary.isShare(outcome)) {
            min = 0;
            max = 1;
        } else if (!(max > min)) { // constant over the cells drawn, though not over every point
            min -= 0.5;
            max += 0.5;
        }
        Viridis scale = new Viridis(min, max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, columns.axis(plan.paths().get(a)), rows.axis(plan.paths().get(b)), renderer);
        boolean share = SweepSummary.isShare(outcome);
        for (double[] cell : values) {
            XYTextAnnotation label = new XYTextAnnotation(cellText(cell[2], share), cell[0], cell[1]);
            label.setFont(ChartStyle.SUBTITLE_FONT);
            label.setPaint(readableOn((Color) scale.getPaint(cell[2])));
            plot.addAnnotation(label);
        }
        JFreeChart chart = ChartStyle.chart(outcome, "mean over replications"
                + (plan.paths().size() > 2 ? " and the other swept parameters" : ""), plot, false);
        NumberAxis legendAxis = new NumberAxis(outcome);
        legendAxis.setRange(min, max);
        ChartStyle.roundTicks(legendAxis, min, max, 6);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** A cell's value: a share to two decimals, anything else to three significant digits (whole digits kept). */
    static String cellText(double value, boolean share) {
        if (share) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        int decimals = value == 0 ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** Black on light cells, white on dark ones (relative luminance, ITU-R BT.709 weights). */
    static Color readableOn(Color cell) {
        double luminance = (0.2126 * cell.getRed() + 0.7152 * cell.getGreen() + 0.0722 * cell.getBlue()) / 255;
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** The cells one parameter's values fall in: each distinct value, or equal-width bins. */
    private record Cells(List<String> labels, boolean numeric, boolean binned, double low, double width,
                         List<String> distinct) {
        static Cells of(SweepPlan plan, int path) {
            int maxCells = plan.design().equals("grid") ? MAX_CELLS
                    : Math.max(2, Math.min(MAX_CELLS, (int) Math.round(Math.sqrt(plan.points().size() / POINTS_PER_CELL))));
            TreeSet<String> distinct = new TreeSet<>();
            boolean numeric = true;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (List<String> point : plan.points()) {
                String value = point.get(path);
                distinct.add(value);
                try {
                    double number = Double.parseDouble(value);
                    low = Math.min(low, number);
                    high = Math.max(high, number);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            List<String> ordered = new ArrayList<>(distinct);
            if (numeric) {
                ordered.sort((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
            }
            if (!numeric || ordered.size() <= maxCells) {
                return new Cells(ordered, numeric, false, 0, 0, ordered);
            }
            double width = (high - low) / maxCells;
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < maxCells; c++) {
                labels.add(String.format(Locale.ROOT, "%.3g-%.3g", low + c * width, low + (c + 1) * width));
            }
            return new Cells(labels, true, true, low, width, ordered);
        }

        int count() {
            return labels.size();
        }

        int cellOf(String value) {
            if (!binned) {
                return distinct.indexOf(value);
            }
            return Math.min(count() - 1, (int) ((Double.parseDouble(value) - low) / width));
        }

        double centre(int cell) {
            return binned ? low + (cell + 0.5) * width : Double.parseDouble(distinct.get(cell));
        }

        SymbolAxis axis(String label) {
            SymbolAxis axis = new SymbolAxis(label, labels.toArray(String[]::new));
            axis.setGridBandsVisible(false);
            return axis;
        }

        /** Statistics of the outcome over all replications of the points in each cell. */
        StatisticalSummary[] pool(SweepPlan plan, int path, SummaryStatistics[] byPoint) {
            List<List<SummaryStatistics>> members = new ArrayList<>();
            for (int c = 0; c < count(); c++) {
                members.add(new ArrayList<>());
            }
            for (int p = 0; p < plan.points().size(); p++) {
                if (byPoint[p].getN() > 0) {
                    members.get(cellOf(plan.points().get(p).get(path))).add(byPoint[p]);
                }
            }
            StatisticalSummary[] pooled = new StatisticalSummary[count()];
            for (int c = 0; c < count(); c++) {
                pooled[c] = members.get(c).isEmpty() ? new SummaryStatistics()
                        : AggregateSummaryStatistics.aggregate(members.get(c));
            }
            return pooled;
        }
    }

    /** A perceptually uniform colour scale (approximating viridis by five stops). */
    private static final class Viridis implements PaintScale {
        private static final Color[] STOPS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
            new Color(94, 201, 98), new Color(253, 231, 37)};
        private final double low;
        private final double high;

        Viridis(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, (value - low) / (high - low))) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) t);
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
