package org.plenary.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plenary.scenario.Scenario;

/**
 * Leadership over time, one chart per agenda item (charts/leadership-&lt;item&gt;.png): for each
 * coalition and leader, the share of the replications with the item still open in which that
 * delegation leads that coalition in each round (no point where the share is 0, and none once the
 * item has closed everywhere); the lines of the delegations the scenario asks about (whose role an
 * event changes, and the US: {@link EventLabels#roleActors}) in black on top; the scenario's events
 * labelled above the shares; dashed grey underneath, the share of replications with the item still
 * open (what the shares are of); and, on a second axis, the realignments per replication
 * (foundings, merges, dissolutions, successions) in each round. Drawn only when coalitions act
 * (model v2).
 */
public final class LeadershipChart {
    /** Lines besides those of the delegations asked about: the most frequent coalition-leader pairs. */
    private static final int MAX_LINES = ChartStyle.HUES.length;
    static final Color ASKED_ABOUT = Color.BLACK;
    static final String OPEN = "item still open (share of all replications)";
    private static final Color OPEN_COLOUR = new Color(150, 150, 150);
    /** Room above a share of 1 for the event labels, as a share of the axis: one row of labels per event, up to four. */
    private static final double LABEL_ROW = 0.045;

    private LeadershipChart() {
    }

    /** Adds one chart per item to {@code batch}. */
    public static void addAll(Leadership leadership, ChartBatch batch) {
        Scenario scenario = leadership.scenario();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            batch.add("leadership-" + scenario.agenda().get(m).id() + ".png", chart(leadership, m));
        }
    }

    /** A coalition-leader pair's line. */
    private record Line(String name, String leader, int[] counts, int peak, boolean askedAbout) { }

    /** The chart of item m: the most frequent coalition-leader pairs, events and realignments. */
    static JFreeChart chart(Leadership leadership, int m) {
        Scenario scenario = leadership.scenario();
        int rounds = scenario.rounds();
        List<String> askedAbout = EventLabels.roleActors(scenario);
        List<Line> pairs = new ArrayList<>();
        for (Map.Entry<String, Map<String, int[]>> coalition : leadership.leads(m).entrySet()) {
            for (Map.Entry<String, int[]> leader : coalition.getValue().entrySet()) {
                pairs.add(new Line(coalition.getKey() + " led by " + leader.getKey(), leader.getKey(),
                        leader.getValue(), peak(leader.getValue()), askedAbout.contains(leader.getKey())));
            }
        }
        pairs.sort(Comparator.comparingInt((Line l) -> -l.peak()).thenComparing(Line::name));
        List<Line> drawn = new ArrayList<>(pairs.stream().filter(l -> !l.askedAbout()).limit(MAX_LINES).toList());
        // Last, so drawn on top; the one leading longest (replications x rounds) last of all, and solid.
        List<Line> asked = pairs.stream().filter(Line::askedAbout)
                .sorted(Comparator.comparingInt((Line l) -> Arrays.stream(l.counts()).sum()).thenComparing(Line::name))
                .toList();
        drawn.addAll(asked);
        XYSeriesCollection lines = new XYSeriesCollection();
        // First, underneath: how many replications the shares are of, so that a late jump on few is read as such.
        XYSeries stillOpen = new XYSeries(OPEN, false, true);
        for (int t = 0; t <= rounds; t++) {
            stillOpen.add(t, leadership.open(m, t) > 0 ? leadership.open(m, t) / (double) leadership.replications() : Double.NaN);
        }
        lines.addSeries(stillOpen);
        for (Line line : drawn) {
            int withdraws = EventLabels.withdrawalRound(scenario, line.leader());
            XYSeries series = new XYSeries(line.name() + (line.askedAbout() && withdraws >= 0
                    ? " (withdraws in round " + withdraws + ")" : ""), false, true);
            for (int t = 0; t <= rounds; t++) {
                int open = leadership.open(m, t);
                // No point where it does not lead (a gap, not a line along 0), nor where the item has closed.
                series.add(t, open > 0 && line.counts()[t] > 0 ? line.counts()[t] / (double) open : Double.NaN);
            }
            lines.addSeries(series);
        }
        int labelRows = Math.min(4, EventLabels.byRound(scenario).size());
        NumberAxis shares = ChartStyle.unitAxis("share of replications (item open) in which it leads");
        shares.setUpperBound(1.02 + LABEL_ROW * labelRows);
        shares.setNumberFormatOverride(new UnitShares());
        XYStepRenderer steps = new XYStepRenderer();
        XYPlot plot = new XYPlot(lines, ChartStyle.roundAxis(rounds), shares, steps);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the first drawn first, the asked-about last
        steps.setSeriesPaint(0, OPEN_COLOUR);
        steps.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        int palette = 0;
        for (int s = 0; s < drawn.size(); s++) {
            if (drawn.get(s).askedAbout()) {
                steps.setSeriesPaint(s + 1, ASKED_ABOUT);
                // Solid for the last, dashes that lengthen before it: several lines of the asked-about stay apart.
                int fromLast = drawn.size() - 1 - s;
                steps.setSeriesStroke(s + 1, fromLast == 0 ? new BasicStroke(4f) : new BasicStroke(4f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f * fromLast, 4f}, 0f));
            } else {
                steps.setSeriesPaint(s + 1, ChartStyle.HUES[palette % ChartStyle.HUES.length]);
                // Wider first, underneath: lines that coincide (two coalitions both led by the same delegation
                // in every replication) stay visible as nested bands.
                steps.setSeriesStroke(s + 1, new BasicStroke(Math.max(1.5f, 7f - 0.5f * palette)));
                palette++;
            }
        }
        XYSeries changes = new XYSeries("realignments per replication (foundings, merges, dissolutions, successions)");
        for (int t = 0; t <= rounds; t++) {
            int replications = leadership.replications();
            changes.add(t, replications > 0 ? leadership.realignments(m, t) / (double) replications : 0);
        }
        NumberAxis changeAxis = new NumberAxis("realignments per replication");
        // The tallest bar reaches a share of 1, below the event labels.
        changeAxis.setRange(0, Math.max(1, changes.getMaxY()) * shares.getUpperBound());
        plot.setRangeAxis(1, changeAxis);
        plot.setDataset(1, new XYSeriesCollection(changes));
        plot.mapDatasetToRangeAxis(1, 1);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setSeriesPaint(0, new Color(160, 160, 160, 140));
        plot.setRenderer(1, bars);
        Charts.addEventMarkers(plot, scenario);
        Scenario.Item item = scenario.agenda().get(m);
        String onTop = drawn.stream().anyMatch(Line::askedAbout)
                ? "; in black on top: " + String.join(", ", askedAbout) : "";
        return ChartStyle.chart("Leadership over time: " + item.title(),
                "coalitions on '" + item.id() + "' and who leads them, over the replications with the item open (of "
                        + leadership.replications() + ")" + onTop + "; dashed lines: scenario events", plot, true);
    }

    private static int peak(int[] counts) {
        int peak = 0;
        for (int count : counts) {
            peak = Math.max(peak, count);
        }
        return peak;
    }

    /** Tick labels of shares up to 1; none in the room above, where the event labels go. */
    private static final class UnitShares extends DecimalFormat {
        UnitShares() {
            super("0.0");
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return number > 1 + 1e-9 ? toAppendTo : super.format(number, toAppendTo, pos);
        }
    }
}
