package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** What the leadership chart and the table of leaders at events show: leaders' shares, events, realignments. */
class LeadershipChartTest {
    @TempDir
    Path dir;

    @Test
    void aFoundingCountsAsARealignmentInTheRoundItHappens() throws Exception {
        // A (0.1) and B (0.15) stand alone and found F1 in round 1 (ODD 7.4b; CoalitionGameTest), with A
        // leading (equal claims, id first); D (0.9) stays alone. Nothing else happens.
        Scenario s = Scenarios.load(dir, """
                name: found
                rounds: 4
                replications: 2
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0, noise: 0}
                delegation_defaults: {salience: 1, capability: 1}
                delegations:
                  - {id: A, position: {a: 0.1}}
                  - {id: B, position: {a: 0.15}}
                  - {id: D, position: {a: 0.9}}
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
                decision: {rule: vote}
                coalition_formation: {model: alliance, reach: 0.3}
                """);
        Leadership leadership = new Leadership(s);
        leadership.add(Experiment.replicate(s, 0, 1));
        leadership.add(Experiment.replicate(s, 0, 2));
        XYPlot plot = LeadershipChart.chart(leadership, 0).getXYPlot();
        XYDataset realignments = plot.getDataset(1);
        assertEquals(0.0, realignments.getYValue(0, 0), 1e-12, "round 0: seeding");
        assertEquals(1.0, realignments.getYValue(0, 1), 1e-12, "round 1: one founding per replication");
        assertEquals(0.0, realignments.getYValue(0, 2), 1e-12, "round 2: settled");
        XYDataset leaders = plot.getDataset(0);
        assertEquals("F1 led by A", leaders.getSeriesKey(1), "after the line of the item open");
        assertEquals(1.0, leaders.getYValue(1, 2), 1e-12, "A leads F1 in every replication");
    }

    private Leadership succession() throws Exception {
        Scenario s = Scenarios.load(dir, Scenarios.SUCCESSION);
        Leadership leadership = new Leadership(s);
        leadership.add(Experiment.replicate(s, 0, 1));
        leadership.add(Experiment.replicate(s, 0, 2));
        return leadership;
    }

    @Test
    void theWithdrawingLeaderIsDrawnOnTopInBlackWithoutZeroSharesOrADropAfterTheItemCloses() throws Exception {
        XYPlot plot = LeadershipChart.chart(succession(), 0).getXYPlot();
        XYDataset leaders = plot.getDataset(0);
        assertEquals(3, leaders.getSeriesCount(), "the item open, X led by B, X led by A");
        assertEquals(LeadershipChart.OPEN, leaders.getSeriesKey(0));
        assertEquals(1.0, leaders.getYValue(0, 4), 1e-12, "open in both replications until it closes in round 4");
        assertTrue(Double.isNaN(leaders.getYValue(0, 5)), "closed everywhere");
        int last = leaders.getSeriesCount() - 1;
        assertEquals("X led by A (withdraws in round 2)", leaders.getSeriesKey(last));
        assertEquals(SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder(), "the last series is drawn on top");
        assertEquals(LeadershipChart.ASKED_ABOUT, plot.getRenderer().getSeriesPaint(last));
        assertNotEquals(LeadershipChart.ASKED_ABOUT, plot.getRenderer().getSeriesPaint(1));
        double[] a = new double[7];
        double[] b = new double[7];
        for (int t = 0; t <= 6; t++) {
            a[t] = leaders.getYValue(last, t);
            b[t] = leaders.getYValue(1, t);
        }
        double nan = Double.NaN;
        assertArrayEquals(new double[] {1, 1, nan, nan, nan, nan, nan}, a, 1e-12,
                "A leads until it withdraws, then no line along 0");
        assertArrayEquals(new double[] {nan, nan, 1, 1, 1, nan, nan}, b, 1e-12,
                "B from the succession to the round the item closed; no drop to 0 after");
        NumberAxis shares = (NumberAxis) plot.getRangeAxis(0);
        assertTrue(shares.getUpperBound() > 1.04, "room above a share of 1 for the event labels");
        assertEquals("", shares.getNumberFormatOverride().format(1.05), "no share tick above 1");
        assertEquals("1.0", shares.getNumberFormatOverride().format(1.0));
        List<String> markers = new ArrayList<>();
        for (Object marker : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            markers.add(((Marker) marker).getLabel());
        }
        assertEquals(List.of("A withdraws"), markers);
    }

    @Test
    void theTableGivesEachCoalitionsLeaderJustBeforeAndJustAfterEachEvent() throws Exception {
        List<LeadersAtEvents.Row> rows = LeadersAtEvents.rows(succession());
        assertEquals(List.of(
                new LeadersAtEvents.Row("m", 2, "A withdraws", "X", "before", "A", 2, 1.0, 2),
                new LeadersAtEvents.Row("m", 2, "A withdraws", "X", "after", "B", 2, 1.0, 2)), rows);
    }
}
