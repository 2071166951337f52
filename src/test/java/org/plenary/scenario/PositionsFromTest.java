package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** positions_from: a dimension's positions from an ideal-points file by a linear map with two anchors. */
class PositionsFromTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: mapped
            dimensions: [{id: a}, {id: s}]
            delegations:
              - {id: A, position: {a: 0.5, s: 0.5}}
              - {id: B, position: {a: 0.5, s: 0.5}}
              - {id: C, position: {a: 0.5, s: 0.5}}
              - {id: D, position: {a: 0.5, s: 0.3}}
              - {id: E, position: {a: 0.5, s: 0.5}}
            positions_from:
              - {file: ideal.csv, dimension: s, anchors: {A: 0.8, C: 0.2}}
            """;

    private void writeIdealPoints() {
        Scenarios.write(dir, "ideal.csv", """
                delegation,dimension,estimate,low,high
                A,1,-1,-1.2,-0.8
                A,2,9,9,9
                B,1,0,-0.2,0.2
                C,1,2,1.8,2.2
                E,1,-4,-4.2,-3.8
                """);
    }

    /**
     * Anchors A (estimate -1) at 0.8 and C (2) at 0.2: slope -0.6 / 3 = -0.2 per unit, so B (0) sits at
     * 0.8 - 0.2 = 0.6; E (-4) at 0.8 + 0.6 = 1.4, clipped to 1; D has no estimate and keeps 0.3.
     * Dimension a is untouched.
     */
    @Test
    void positionsFollowTheLinearMapThroughTheAnchors() throws Exception {
        writeIdealPoints();
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(Scenarios.write(dir, "s.yaml", SCENARIO), List.of());
        Scenario s = loaded.scenario();
        double[] expected = {0.8, 0.6, 0.2, 0.3, 1.0};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], s.delegations().get(i).position()[1], 1e-12, s.delegations().get(i).id());
            assertEquals(0.5, s.delegations().get(i).position()[0]);
        }
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.toString().contains("no estimate for D")),
                loaded.warnings().toString());
        Scenario moved = Scenarios.load(dir, SCENARIO.replace("s.yaml", "x"), "positions_from.0.anchors.C=0.5");
        assertEquals(0.8 - 0.1, moved.delegations().get(1).position()[1], 1e-12, "C moved to 0.5: slope -0.1");
    }

    @Test
    void unknownAnchorsAndMissingFilesAreRefused() {
        writeIdealPoints();
        List<String> problems = Scenarios.problems(dir, SCENARIO.replace("anchors: {A: 0.8, C: 0.2}",
                "anchors: {A: 0.8, CC: 0.2}"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("positions_from[0].anchors.CC")
                && p.contains("did you mean 'C'")), problems.toString());
        List<String> missing = Scenarios.problems(dir, SCENARIO.replace("ideal.csv", "nowhere.csv"));
        assertTrue(missing.stream().anyMatch(p -> p.contains("nowhere.csv") && p.contains("cannot read")),
                missing.toString());
    }
    private static final String GROUPED = """
            name: shrunk
            dimensions: [{id: s}]
            delegations:
              - {id: A, groups: [G], position: {s: 0.5}}
              - {id: B, groups: [G], position: {s: 0.5}}
              - {id: C, groups: [G], position: {s: 0.5}}
              - {id: L, position: {s: 0.5}}
            positions_from:
              - {file: ideal.csv, dimension: s, anchors: {A: 0.0, B: 0.5}, shrink: groups}
            """;

    /**
     * Group G holds A (estimate 0, no error), B (2, no error) and C (4, standard error 1: an interval of
     * +-1.645, a state with few votes); L is in no group (5, error 1). C's prior mean is G's mean 2. With a
     * stated prior sd of 1, C's posterior weight is 1 / (1 + 1) = 0.5: 0.5 * 4 + 0.5 * 2 = 3, position 3 / 4
     * = 0.75 under the anchors (A 0 at 0, B 2 at 0.5) instead of 1.0 unshrunk. Fitted by moments over the
     * four (L's prior mean is the mean of all, 11 / 4): sigma^2 = [(4 - 0) + 0 + (4 - 1) + ((9/4)^2 - 1)] / 4
     * = 177 / 64, so C's weight is 177 / 241 and C sits at 2 + 2 * 177 / 241.
     */
    @Test
    void shrinkagePullsAnImpreciseEstimateTowardItsGroupByItsPosteriorWeight() throws Exception {
        double z = 1.6448536269514722;
        Scenarios.write(dir, "ideal.csv", "delegation,dimension,estimate,low,high\n"
                + "A,1,0,0,0\nB,1,2,2,2\nC,1,4," + (4 - z) + "," + (4 + z) + "\nL,1,5," + (5 - z) + "," + (5 + z) + "\n");
        Scenario stated = Scenarios.load(dir, GROUPED.replace("shrink: groups", "shrink: groups, prior_sd: 1"));
        assertEquals(0.75, stated.delegations().get(2).position()[0], 1e-9, "C half way to its group mean");
        assertEquals(0.5, stated.delegations().get(1).position()[0], 1e-9, "a precise estimate stays");
        Scenario fitted = Scenarios.load(dir, GROUPED);
        double weight = 177.0 / 241;
        assertEquals((2 + 2 * weight) / 4, fitted.delegations().get(2).position()[0], 1e-9, "moment-fitted prior");
        assertEquals(1.0, Scenarios.load(dir, GROUPED.replace(", shrink: groups", "")).delegations().get(2)
                .position()[0], 1e-9, "unshrunk: 4 / 4");
    }

    @Test
    void shrinkageNeedsIntervalsAndAKnownMethod() {
        Scenarios.write(dir, "ideal.csv", "delegation,dimension,estimate\nA,1,0\nB,1,2\nC,1,4\n");
        List<String> problems = Scenarios.problems(dir, GROUPED);
        assertTrue(problems.stream().anyMatch(p -> p.contains("positions_from[0].shrink") && p.contains("low and high")),
                problems.toString());
        List<String> unknown = Scenarios.problems(dir, GROUPED.replace("shrink: groups", "shrink: group"));
        assertTrue(unknown.stream().anyMatch(p -> p.contains("shrink") && p.contains("groups")), unknown.toString());
    }
}
