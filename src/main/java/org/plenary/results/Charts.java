package org.plenary.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * The PNG charts of a run, drawn headless with JFreeChart from a {@link RunAggregate}: white
 * backgrounds, a colour-blind-friendly palette, axis labels naming each dimension's poles and
 * vertical markers at the scenario's events.
 */
public final class Charts {
    static final Color[] PALETTE = ChartStyle.PALETTE;
    /** Above this many delegations, position charts show bloc means instead of every delegation. */
    static final int MAX_DELEGATION_LINES = 12;
    private static final Font SUBTITLE_FONT = ChartStyle.SUBTITLE_FONT;

    private Charts() {
    }

    /** Adds every chart of the run to {@code batch}, in report order. */
    public static void addAll(RunAggregate aggregate, ChartBatch batch) {
        Scenario scenario = aggregate.scenario();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            String file = "positions-" + scenario.dimensions().get(k).id() + ".png";
            batch.add(file, positions(aggregate, k));
        }
        for (int m = 0; m < scenario.agenda().size(); m++) {
            String file = "draft-" + scenario.agenda().get(m).id() + ".png";
            batch.add(file, draft(aggregate, m));
        }
        if (!scenario.agenda().isEmpty()) {
            batch.add("outcomes.png", outcomes(aggregate));
        }
        JFreeChart votes = votes(aggregate);
        if (votes != null) {
            batch.add("votes.png", votes);
        }
        batch.add("coalitions.png", coalitions(aggregate));
        FlowReplication flow = aggregate.flowReplication();
        CoalitionNamer namer = flow.perItem() ? CoalitionNamer.byLeaderAndBloc(scenario) : CoalitionNamer.byBlocs(scenario);
        for (int index = 0; index < flow.chosen().size(); index++) {
            for (boolean byCapability : new boolean[] {false, true}) {
                String file = CoalitionFlowChart.fileName(scenario, flow, index, byCapability);
                batch.add(file, CoalitionFlowChart.chart(scenario, flow, index, namer, byCapability));
            }
        }
        if (aggregate.venues() != null) {
            batch.add("venues.png", BodyCharts.venues(aggregate));
            batch.add("body-outcomes.png", BodyCharts.outcomes(aggregate));
        }
    }


    /** Mean positions on one dimension: per delegation when few, else per bloc plus event actors. */
    static JFreeChart positions(RunAggregate aggregate, int k) {
        Scenario scenario = aggregate.scenario();
        Scenario.Dimension dimension = scenario.dimensions().get(k);
        XYSeriesCollection data = new XYSeriesCollection();
        List<Scenario.Delegation> delegations = scenario.delegations();
        List<String> highlighted = EventLabels.roleActors(scenario);
        if (delegations.size() <= MAX_DELEGATION_LINES) {
            for (Scenario.Delegation delegation : delegations) {
                BlocRoster alone = BlocRoster.delegation(scenario, delegation.id());
                data.addSeries(meanSeries(aggregate, delegation.id(), alone, k));
            }
        } else {
            for (BlocRoster bloc : BlocRoster.blocs(scenario)) {
                data.addSeries(meanSeries(aggregate, bloc.label(), bloc, k));
            }
            for (String id : highlighted) {
                String withdraws = EventLabels.withdrawalRound(scenario, id) >= 0 ? " (until it withdraws)" : "";
                data.addSeries(meanSeries(aggregate, id + withdraws, BlocRoster.delegation(scenario, id), k));
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            boolean actor = s >= data.getSeriesCount() - highlighted.size() && delegations.size() > MAX_DELEGATION_LINES;
            renderer.setSeriesStroke(s, actor ? new BasicStroke(3f) : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, roundAxis(scenario), ChartStyle.unitAxis(poleLabel(dimension)), renderer);
        addEventMarkers(plot, scenario);
        String subtitle = delegations.size() <= MAX_DELEGATION_LINES
                ? "mean over " + aggregate.replications() + " replications"
                : "bloc means over each round's members (join, leave, withdraw), and delegations whose role changes;"
                        + " mean over " + aggregate.replications() + " replications";
        return ChartStyle.chart("Positions on " + dimension.label(), subtitle, plot, true);
    }

    /** The draft text of one item on each dimension it weights, with 95% band and status quo. */
    static JFreeChart draft(RunAggregate aggregate, int m) {
        Scenario scenario = aggregate.scenario();
        Scenario.Item item = scenario.agenda().get(m);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        List<Integer> dims = new ArrayList<>();
        List<String> quo = new ArrayList<>();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            if (item.weights()[k] > 0) {
                dims.add(k);
            }
        }
        XYPlot plot = new XYPlot(data, roundAxis(scenario), ChartStyle.unitAxis("position of the draft text (0 = low pole, 1 = high pole)"),
                renderer);
        for (int s = 0; s < dims.size(); s++) {
            int k = dims.get(s);
            Scenario.Dimension dimension = scenario.dimensions().get(k);
            YIntervalSeries series = new YIntervalSeries(dimension.label() + " (" + dimension.low() + " \u2192 "
                    + dimension.high() + ")");
            for (int t = 0; t <= scenario.rounds(); t++) {
                ChartStyle.addInterval(series, t, aggregate.draft(t, m, k));
            }
            data.addSeries(series);
            Color colour = PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(2.5f));
            // Unlabelled: a label on the plot is struck through whenever the draft nears the status quo.
            plot.addRangeMarker(new ValueMarker(item.statusQuo()[k], colour, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)));
            quo.add(dimension.label() + " " + Numbers.format(item.statusQuo()[k]));
        }
        renderer.setAlpha(0.2f);
        addEventMarkers(plot, scenario);
        SummaryStatistics decided = aggregate.decisionRound(m);
        String subtitle = "mean draft with 95% band over " + aggregate.replications() + " replications; dashed, in the"
                + " same colour: the status quo (" + String.join(", ", quo) + "); forum " + item.forum()
                + "; deadline round " + item.deadline()
                + (decided.getN() > 0 ? String.format("; decided on average in round %.1f", decided.getMean()) : "");
        return ChartStyle.chart("Draft text: " + item.title(), subtitle, plot, true);
    }

    /** Share of replications in which each item ended in each state. */
    static JFreeChart outcomes(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ItemState state : ItemState.values()) {
            for (int m = 0; m < scenario.agenda().size(); m++) {
                data.addValue((double) aggregate.finalStateCount(m, state) / aggregate.replications(), state.label(),
                        scenario.agenda().get(m).id());
            }
        }
        StackedBarRenderer renderer = stateRenderer();
        NumberAxis share = new NumberAxis("share of replications");
        share.setRange(0, 1);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("agenda item"), share, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // horizontal bars: the shares below
        JFreeChart chart = ChartStyle.chart("How each item ended", aggregate.replications() + " replications", plot,
                true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 18)); // room for the last tick label, "1.0"
        return chart;
    }

    /** Stacked bars with one colour per item state, in the order of {@link ItemState}. */
    static StackedBarRenderer stateRenderer() {
        StackedBarRenderer renderer = new StackedBarRenderer();
        // In ItemState order: open, consensus, vote-adopted, vote-rejected, no-quorum, failed.
        Color[] stateColours = {new Color(170, 170, 170), new Color(0, 158, 115), new Color(0, 114, 178),
            new Color(230, 159, 0), new Color(204, 121, 167), new Color(213, 94, 0)};
        for (int s = 0; s < stateColours.length; s++) {
            renderer.setSeriesPaint(s, stateColours[s]);
        }
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        return renderer;
    }

    /**
     * The mean vote tally (yes, no, abstain) of each item that went to a vote, over the
     * replications that voted on it; null when no item did.
     */
    static JFreeChart votes(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] choices = {"yes", "no", "abstain"};
        List<String> counts = new ArrayList<>();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            long voted = aggregate.votes(m, 0).getN();
            if (voted == 0) {
                continue;
            }
            String id = scenario.agenda().get(m).id();
            for (int choice = 0; choice < choices.length; choice++) {
                data.addValue(aggregate.votes(m, choice).getMean(), choices[choice], id);
            }
            counts.add(id + " " + voteTally(aggregate, m) + " (" + turnout(aggregate, m) + ") in " + voted + " of "
                    + aggregate.replications());
        }
        if (counts.isEmpty()) {
            return null;
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        Color[] colours = {new Color(0, 158, 115), new Color(213, 94, 0), new Color(170, 170, 170)};
        for (int s = 0; s < colours.length; s++) {
            renderer.setSeriesPaint(s, colours[s]);
        }
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator(
                "{2}", new java.text.DecimalFormat("0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SUBTITLE_FONT.deriveFont(Font.BOLD, 13f));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.25);
        NumberAxis delegations = new NumberAxis("delegations (mean over the replications that voted)");
        delegations.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("agenda item"), delegations, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        return ChartStyle.chart("Vote tallies (yes-no-abstain)", String.join("; ", counts) + " replications", plot,
                true);
    }

    /** An item's mean tally as "77-33-8" (yes-no-abstain), rounded to whole delegations. */
    public static String voteTally(RunAggregate aggregate, int m) {
        return String.format(java.util.Locale.ROOT, "%.0f-%.0f-%.0f", aggregate.votes(m, 0).getMean(),
                aggregate.votes(m, 1).getMean(), aggregate.votes(m, 2).getMean());
    }

    /**
     * Who was there for an item's vote, mean over the replications that voted: "present 84.9 of 193
     * accredited, quorum 97" (one decimal unless whole, so that a mean just short of the quorum shows).
     */
    public static String turnout(RunAggregate aggregate, int m) {
        return "present " + count(aggregate.turnout(m, 0).getMean()) + " of " + count(aggregate.turnout(m, 1).getMean())
                + " accredited, quorum " + count(aggregate.turnout(m, 2).getMean());
    }

    private static String count(double mean) {
        return mean == Math.rint(mean) ? String.format(java.util.Locale.ROOT, "%.0f", mean)
                : String.format(java.util.Locale.ROOT, "%.1f", mean);
    }

    /** Coalition count and the largest coalition's capability share over rounds, with 95% bands. */
    static JFreeChart coalitions(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        YIntervalSeries count = new YIntervalSeries("number of coalitions");
        YIntervalSeries share = new YIntervalSeries("largest coalition's capability share");
        for (int t = 0; t <= scenario.rounds(); t++) {
            ChartStyle.addInterval(count, t, aggregate.coalitionCount(t));
            ChartStyle.addInterval(share, t, aggregate.largestShare(t));
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(roundAxis(scenario));
        NumberAxis countAxis = new NumberAxis("coalitions");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setAutoRangeIncludesZero(true);
        combined.add(bandPlot(count, countAxis, PALETTE[0], scenario), 1);
        combined.add(bandPlot(share, ChartStyle.unitAxis("capability share"), PALETTE[1], scenario), 1);
        combined.setGap(12);
        Scenario.Coalitions coalitions = scenario.coalitions();
        String method = coalitions.method() == Scenario.CoalitionMethod.DBSCAN
                ? "DBSCAN clusters of positions (radius " + coalitions.radius()
                : "landscape-theory blocs (" + coalitions.starts() + " starts, bloc bonus " + coalitions.blocBonus();
        return ChartStyle.chart("Coalitions", method + ", at least " + coalitions.minMembers() + " members); mean with 95% band"
                + " over " + aggregate.replications() + " replications", combined, true);
    }

    private static XYPlot bandPlot(YIntervalSeries series, NumberAxis axis, Color colour, Scenario scenario) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesFillPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), null, axis, renderer);
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(series);
        addEventMarkers(plot, scenario);
        ChartStyle.style(plot);
        return plot;
    }

    /** The mean position of the delegations a roster counts at each round; ends when it counts none. */
    private static XYSeries meanSeries(RunAggregate aggregate, String key, BlocRoster roster, int k) {
        Scenario scenario = aggregate.scenario();
        XYSeries series = new XYSeries(key, false, false);
        for (int t = 0; t <= scenario.rounds(); t++) {
            double sum = 0;
            int present = 0;
            for (int i = 0; i < scenario.delegations().size(); i++) {
                if (roster.counts(t, i)) {
                    sum += aggregate.meanPosition(t, i, k);
                    present++;
                }
            }
            if (present > 0) {
                series.add(t, sum / present);
            }
        }
        return series;
    }

    private static NumberAxis roundAxis(Scenario scenario) {
        return ChartStyle.roundAxis(scenario.rounds());
    }


    static String poleLabel(Scenario.Dimension dimension) {
        return "0 = " + dimension.low() + "   \u2190 " + dimension.label() + " \u2192   1 = " + dimension.high();
    }

    static void addEventMarkers(XYPlot plot, Scenario scenario) {
        EventLabels.addMarkers(plot, EventLabels.byRound(scenario));
    }


}
