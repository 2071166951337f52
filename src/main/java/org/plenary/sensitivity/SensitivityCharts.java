package org.plenary.sensitivity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plenary.results.ChartStyle;

/**
 * The charts of a sensitivity analysis: per outcome, its indices as bars with 95% intervals, most
 * important parameter first; for Sobol', the indices as the sample grows; for Morris, the mu*-sigma plane.
 */
final class SensitivityCharts {
    private SensitivityCharts() {
    }

    /**
     * Sobol': S1 and ST per parameter; Morris: mu*; bars sorted by ST or mu*, whiskers the 95% interval
     * (for mu*, the percentile bootstrap's, not symmetric: drawn as lines from its low to its high end).
     */
    static JFreeChart indices(SensitivityResult result, SensitivityResult.Outcome outcome) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<CategoryLineAnnotation> whiskers = new java.util.ArrayList<>();
        int k = result.paths().size();
        for (int i : SensitivityResult.ranking(outcome, k)) {
            String path = result.paths().get(i);
            if (outcome.sobol() != null) {
                Saltelli.Estimate first = outcome.sobol().firstOrder()[i];
                Saltelli.Estimate total = outcome.sobol().totalOrder()[i];
                data.add(first.value(), zeroIfNaN(first.conf()), "first order S1", path);
                data.add(total.value(), zeroIfNaN(total.conf()), "total order ST", path);
            } else {
                Morris.Result morris = outcome.morris();
                data.add(morris.muStar()[i], null, "mu*", path);
                if (!Double.isNaN(morris.muStarLow()[i])) {
                    whiskers.add(new CategoryLineAnnotation(path, morris.muStarLow()[i], path, morris.muStarHigh()[i],
                            Color.BLACK, new BasicStroke(1f)));
                }
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        renderer.setSeriesPaint(1, ChartStyle.PALETTE[1]);
        NumberAxis value = new NumberAxis(outcome.sobol() != null ? "share of the outcome's variance"
                : "mu*: mean |elementary effect| (outcome change over the full range)");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("parameter"), value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        whiskers.forEach(plot::addAnnotation);
        // Annotations do not widen a category plot's axis: make room for the longest whisker.
        double top = whiskers.stream().mapToDouble(CategoryLineAnnotation::getValue2).max().orElse(0);
        if (top > value.getUpperBound()) {
            value.setRange(Math.min(0, value.getLowerBound()), top * 1.05);
        }
        String what = outcome.sobol() != null ? "Sobol' indices" : "Morris mu*";
        return ChartStyle.chart(what + ": " + outcome.id(), subtitle(result), plot, outcome.sobol() != null);
    }

    /** Sobol': ST (solid) and S1 (dashed) of each parameter estimated from the first n samples. */
    static JFreeChart convergence(SensitivityResult result, SensitivityResult.Outcome outcome) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<String> paths = result.paths();
        for (int i = 0; i < paths.size(); i++) {
            XYSeries total = new XYSeries("ST " + paths.get(i));
            XYSeries first = new XYSeries("S1 " + paths.get(i));
            for (SensitivityResult.Step step : outcome.convergence()) {
                addIfDefined(total, step.n(), step.totalOrder()[i]);
                addIfDefined(first, step.n(), step.firstOrder()[i]);
            }
            data.addSeries(total);
            data.addSeries(first);
            java.awt.Paint colour = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            renderer.setSeriesPaint(2 * i, colour);
            renderer.setSeriesPaint(2 * i + 1, colour);
            renderer.setSeriesStroke(2 * i, new BasicStroke(2.5f));
            renderer.setSeriesStroke(2 * i + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
        }
        LogAxis samples = new LogAxis("base sample size N (first N samples of the sequence)");
        samples.setBase(2);
        samples.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, samples, new NumberAxis("index"), renderer);
        return ChartStyle.chart("Convergence of the Sobol' indices: " + outcome.id(),
                subtitle(result).replace("; 95% bootstrap intervals", ""), plot, true);
    }

    /** Morris: each parameter at (mu*, sigma); far right matters, high up interacts or bends. */
    static JFreeChart morrisPlane(SensitivityResult result, SensitivityResult.Outcome outcome) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, new NumberAxis("mu* (mean |elementary effect|)"),
                new NumberAxis("sigma (sd of the elementary effects)"), renderer);
        for (int i = 0; i < result.paths().size(); i++) {
            XYSeries series = new XYSeries(result.paths().get(i));
            series.add(outcome.morris().muStar()[i], outcome.morris().sigma()[i]);
            data.addSeries(series);
            renderer.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
            XYTextAnnotation label = new XYTextAnnotation("  " + result.paths().get(i), outcome.morris().muStar()[i],
                    outcome.morris().sigma()[i]);
            label.setTextAnchor(TextAnchor.CENTER_LEFT);
            label.setFont(ChartStyle.SUBTITLE_FONT);
            plot.addAnnotation(label);
        }
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setUpperMargin(0.3); // room for the labels of the rightmost points
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return ChartStyle.chart("Morris screening: " + outcome.id(),
                subtitle(result).replace("; 95% bootstrap intervals", ""), plot, true);
    }

    private static void addIfDefined(XYSeries series, double x, double y) {
        if (!Double.isNaN(y)) {
            series.add(x, y);
        }
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    static String subtitle(SensitivityResult result) {
        SensitivityPlan plan = result.plan();
        String design = plan.sobol() ? "Saltelli sample, N = " + plan.samples() + " (" + result.points().size()
                + " points)" : "Morris, r = " + plan.samples() + " trajectories, " + plan.levels() + " levels ("
                + result.points().size() + " points)";
        String contrast = result.contrasted() ? "; outcome = scenario minus variant with "
                + String.join(", ", plan.contrast()) + " (same seeds)" : "";
        return design + "; 95% bootstrap intervals" + contrast;
    }
}
