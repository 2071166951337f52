package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** Bloc means on the position charts count each round's members: leave, join and withdraw events. */
class BlocRosterTest {
    @TempDir
    Path dir;

    /**
     * 13 delegations (more than the chart draws one by one), no influence, no noise and no bloc pull,
     * so every position stays at its ideal point. Bloc B: B1-B4 at 0.1, 0.2, 0.3, 0.8. B4 leaves B at
     * round 3; B3 withdraws at round 4; O9 joins B at round 5. The nine others (O1-O9) are at 0.5.
     */
    private static final String SCENARIO = """
            name: rosters
            seed: 1
            rounds: 6
            replications: 1
            dimensions: [{id: a}]
            delegations:
              - {id: B1, groups: [B], position: {a: 0.1}}
              - {id: B2, groups: [B], position: {a: 0.2}}
              - {id: B3, groups: [B], position: {a: 0.3}}
              - {id: B4, groups: [B], position: {a: 0.8}}
              - {id: O1, position: {a: 0.5}}
              - {id: O2, position: {a: 0.5}}
              - {id: O3, position: {a: 0.5}}
              - {id: O4, position: {a: 0.5}}
              - {id: O5, position: {a: 0.5}}
              - {id: O6, position: {a: 0.5}}
              - {id: O7, position: {a: 0.5}}
              - {id: O8, position: {a: 0.5}}
              - {id: O9, position: {a: 0.5}}
            blocs: [{id: B, cohesion: 0}]
            influence: {model: none, noise: 0}
            events:
              - {round: 3, type: leave, delegation: B4, bloc: B}
              - {round: 4, type: withdraw, delegation: B3}
              - {round: 5, type: join, delegation: O9, bloc: B}
            """;

    @Test
    void aBlocMeanCountsTheMembersOfEachRound() throws Exception {
        Scenario scenario = Scenarios.load(dir, SCENARIO);
        RunAggregate aggregate = new RunAggregate(scenario);
        Experiment.run(scenario, 0, 1, aggregate::add);
        XYSeriesCollection data = (XYSeriesCollection) Charts.positions(aggregate, 0).getXYPlot().getDataset();

        XYSeries bloc = data.getSeries(0);
        assertEquals("B (mean of 4, 3 from round 3)", bloc.getKey(), "4 members, 3 once B4 left; from round 5"
                + " B3 is gone and O9 in");
        double[] expected = {
            (0.1 + 0.2 + 0.3 + 0.8) / 4, (0.1 + 0.2 + 0.3 + 0.8) / 4, (0.1 + 0.2 + 0.3 + 0.8) / 4, // rounds 0-2
            (0.1 + 0.2 + 0.3) / 3, // round 3: B4 has left
            (0.1 + 0.2 + 0.3) / 3, // round 4: B3 withdraws, shown where it stood when it left
            (0.1 + 0.2 + 0.5) / 3, (0.1 + 0.2 + 0.5) / 3}; // rounds 5-6: B3 gone, O9 in
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], bloc.getY(t).doubleValue(), 1e-12, "B at round " + t);
        }

        XYSeries none = data.getSeries(1);
        assertEquals("no bloc (mean of 9, 10 from round 3, 9 from round 5)", none.getKey(),
                "O1-O9, B4 from round 3, O9 out from 5");
        assertEquals(0.5, none.getY(2).doubleValue(), 1e-12);
        assertEquals((9 * 0.5 + 0.8) / 10, none.getY(3).doubleValue(), 1e-12, "B4 counts with no bloc once it left B");
        assertEquals((8 * 0.5 + 0.8) / 9, none.getY(5).doubleValue(), 1e-12);
        XYSeries withdrawing = data.getSeries(2);
        assertEquals("B3 (until it withdraws)", withdrawing.getKey());
        assertEquals(4, withdrawing.getMaxX(), "its own line ends at its withdrawal");
        assertEquals(3, data.getSeriesCount());
    }
}
