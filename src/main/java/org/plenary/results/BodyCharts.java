package org.plenary.results;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/** The charts of a scenario with standards bodies: the items' venues over time and each body's outcomes. */
final class BodyCharts {
    private BodyCharts() {
    }

    /** Mean number of agenda items in each body, round by round: items flow between bodies as they are moved. */
    static JFreeChart venues(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        VenueTally venues = aggregate.venues();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int b = 0; b < venues.bodies(); b++) {
            Scenario.Body body = scenario.bodies().list().get(b);
            XYSeries series = new XYSeries(body.id() + " (" + body.procedure().label() + ")");
            for (int t = 0; t <= scenario.rounds(); t++) {
                series.add(t, venues.meanItemsIn(t, b));
            }
            data.addSeries(series);
            renderer.setSeriesPaint(b, Charts.PALETTE[b % Charts.PALETTE.length]);
            renderer.setSeriesStroke(b, new java.awt.BasicStroke(2.5f));
        }
        NumberAxis items = new NumberAxis("agenda items in the body (mean over replications)");
        items.setRange(0, Math.max(1, scenario.agenda().size()) + 0.2);
        items.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, ChartStyle.roundAxis(scenario.rounds()), items, renderer);
        return ChartStyle.chart("Where the items are negotiated", aggregate.replications()
                + " replications; an item moves when forum shifting moves it (venues.csv)", plot, true);
    }

    /** For each body, the share of the items that ended there in each state. */
    static JFreeChart outcomes(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        VenueTally venues = aggregate.venues();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ItemState state : ItemState.values()) {
            for (int b = 0; b < venues.bodies(); b++) {
                int ended = venues.endings(b);
                data.addValue(ended == 0 ? 0 : (double) venues.endings(b, state) / ended, state.label(),
                        scenario.bodies().list().get(b).id() + " (" + ended + ")");
            }
        }
        NumberAxis share = new NumberAxis("share of the items that ended in the body");
        share.setRange(0, 1);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("body (items ended there, all replications)"),
                share, Charts.stateRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = ChartStyle.chart("How items ended in each body", aggregate.replications()
                + " replications; each body by its own procedure", plot, true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 18));
        return chart;
    }
}
