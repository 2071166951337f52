package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** What the leadership chart draws: leaders' shares and the realignments per replication. */
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
        assertEquals("F1 led by A", leaders.getSeriesKey(0));
        assertEquals(1.0, leaders.getYValue(0, 2), 1e-12, "A leads F1 in every replication");
    }
}
