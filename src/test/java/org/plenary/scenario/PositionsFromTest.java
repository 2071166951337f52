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
}
