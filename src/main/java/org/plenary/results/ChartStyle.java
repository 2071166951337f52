package org.plenary.results;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;

/** The look shared by every chart Plenary draws: white background, readable fonts, distinct colours. */
public final class ChartStyle {
    /** Okabe-Ito and Tableau colours: distinct in print and for colour-blind readers. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(240, 228, 66),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(23, 190, 207), new Color(188, 189, 34)};
    /** The palette without its grey, for lines and bands that greys already mean something beside (unaligned, closed). */
    public static final Color[] HUES = java.util.Arrays.stream(PALETTE)
            .filter(c -> !(c.getRed() == c.getGreen() && c.getGreen() == c.getBlue())).toArray(Color[]::new);
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(225, 225, 225);
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 650;

    private ChartStyle() {
    }

    public static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    public static NumberAxis roundAxis(int rounds) {
        NumberAxis axis = new NumberAxis("negotiation round");
        axis.setRange(0, rounds);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /** An axis for positions and shares, which live in [0, 1]. */
    public static NumberAxis unitAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-0.02, 1.02);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        return axis;
    }

    /**
     * About {@code count} ticks with round steps (1, 2 or 5 times a power of ten) over the
     * data's range, instead of the dense ticks JFreeChart picks for small ranges.
     */
    public static void roundTicks(NumberAxis axis, double low, double high, int count) {
        double span = high - low;
        if (!(span > 0) || !Double.isFinite(span)) {
            return;
        }
        double raw = span / count;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step));
    }

    /** Adds the mean with its 95% interval (the mean alone with fewer than two values). */
    public static void addInterval(YIntervalSeries series, double x, StatisticalSummary statistics) {
        if (statistics.getN() == 0) {
            return;
        }
        Stats.Interval interval = Stats.meanInterval(statistics);
        double low = Double.isNaN(interval.low()) ? interval.mean() : interval.low();
        double high = Double.isNaN(interval.high()) ? interval.mean() : interval.high();
        series.add(x, interval.mean(), low, high);
    }

    public static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(new Color(180, 180, 180));
    }

    /** A chart with title, subtitle and, if wanted, a legend below the plot. */
    public static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        if (plot instanceof XYPlot xy) {
            style(xy);
        } else if (plot instanceof CategoryPlot category) {
            category.setBackgroundPaint(Color.WHITE);
            category.setRangeGridlinePaint(GRID);
        }
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemFont(SUBTITLE_FONT);
        }
        return chart;
    }
}
