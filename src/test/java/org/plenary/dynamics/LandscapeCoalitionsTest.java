package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** The landscape coalition method: its propensities by hand, its blocs on clear cases, its parameters. */
class LandscapeCoalitionsTest {
    @TempDir
    Path dir;

    private Scenario scenario(String delegations, String... sets) throws Exception {
        return Scenarios.load(dir, """
                name: blocs
                rounds: 3
                dimensions: [{id: a}, {id: b}]
                coalitions: {method: landscape, starts: 10, bloc_bonus: 0.5}
                delegations:
                """ + delegations, sets);
    }

    private static final String TWO_CAMPS = """
              - {id: N1, position: {a: 0.1, b: 0.1}}
              - {id: N2, position: {a: 0.15, b: 0.1}}
              - {id: N3, position: {a: 0.1, b: 0.2}, capability: 3}
              - {id: S1, position: {a: 0.9, b: 0.9}}
              - {id: S2, position: {a: 0.85, b: 0.95}}
            """;

    @Test
    void propensityFallsWithDistanceAndRisesWithASharedBloc() throws Exception {
        Assembly a = new Assembly(scenario("""
                  - {id: P, groups: [G], position: {a: 0.0, b: 0.0}}
                  - {id: Q, groups: [G], position: {a: 1.0, b: 1.0}}
                  - {id: R, position: {a: 0.0, b: 0.5}}
                """));
        LandscapeCoalitions method = new LandscapeCoalitions(10, 0.5, 2, 7L);
        assertEquals(1 - 2 * Math.sqrt(2) / Math.sqrt(2) + 0.5, method.propensity(a, 0, 1), 1e-12,
                "opposite corners: -1, plus the bonus of bloc G");
        assertEquals(1 - 2 * 0.5 / Math.sqrt(2), method.propensity(a, 0, 2), 1e-12);
        assertEquals(method.propensity(a, 2, 0), method.propensity(a, 0, 2));
    }

    @Test
    void twoDistantCampsBecomeTwoCoalitions() throws Exception {
        Scenario s = scenario(TWO_CAMPS);
        Assembly a = new Assembly(s);
        Mechanisms.forScenario(s, 1L).stream().filter(step -> step.name().equals(Mechanisms.COALITIONS)).findFirst()
                .orElseThrow().mechanism().step(a, new MersenneTwisterFast(5));
        List<Coalition> coalitions = a.coalitions();
        assertEquals(2, coalitions.size());
        assertArrayEquals(new int[] {0, 1, 2}, coalitions.get(0).members(), "the larger capability share first");
        assertEquals(5.0 / 7, coalitions.get(0).capabilityShare(), 1e-12);
        assertArrayEquals(new int[] {3, 4}, coalitions.get(1).members());
        assertEquals(0.875, coalitions.get(1).centroid()[0], 1e-12);
    }

    @Test
    void neighboursWhoAllAttractFormOneCoalitionAndSmallBlocsAreNotReported() throws Exception {
        Assembly close = new Assembly(scenario("""
                  - {id: A, position: {a: 0.4, b: 0.5}}
                  - {id: B, position: {a: 0.5, b: 0.5}}
                  - {id: C, position: {a: 0.6, b: 0.5}}
                """));
        new LandscapeCoalitions(10, 0.5, 2, 7L).step(close, new MersenneTwisterFast(1));
        assertEquals(1, close.coalitions().size());
        assertEquals(3, close.coalitions().get(0).members().length);

        Assembly camps = new Assembly(scenario(TWO_CAMPS));
        new LandscapeCoalitions(10, 0.5, 3, 7L).step(camps, new MersenneTwisterFast(1));
        assertEquals(1, camps.coalitions().size(), "the southern pair is below min_members 3");
    }

    @Test
    void aSharedBlocCanHoldAMiddleDelegationInItsCamp() throws Exception {
        String middle = TWO_CAMPS.replace("id: S1,", "id: S1, groups: [M],").replace("id: S2,", "id: S2, groups: [M],")
                + "  - {id: X, groups: [M], position: {a: 0.45, b: 0.45}}\n";
        Assembly withBonus = new Assembly(scenario(middle));
        new LandscapeCoalitions(20, 2.0, 1, 7L).step(withBonus, new MersenneTwisterFast(3));
        assertTrue(withBonus.coalitions().stream().anyMatch(c -> java.util.Arrays.equals(c.members(), new int[] {3, 4, 5})),
                "X sits nearer the north but its bloc M pulls it south");
        Assembly without = new Assembly(scenario(middle));
        new LandscapeCoalitions(20, 0.0, 1, 7L).step(without, new MersenneTwisterFast(3));
        assertTrue(without.coalitions().stream().anyMatch(c -> java.util.Arrays.equals(c.members(), new int[] {0, 1, 2, 5})),
                "without the bonus X joins the camp it is closer to");
    }

    @Test
    void aRunWithLandscapeCoalitionsIsReproducibleFromItsSeed() throws Exception {
        Scenario s = Scenarios.load(dir, "name: repro\nrounds: 8\n"
                + "dimensions: [{id: a}]\ncoalitions: {method: landscape, starts: 3, bloc_bonus: 0}\n"
                + "influence: {noise: 0.05}\ndelegations:\n"
                + "  - {id: A, position: {a: 0.1}}\n  - {id: B, position: {a: 0.3}}\n"
                + "  - {id: C, position: {a: 0.6}}\n  - {id: D, position: {a: 0.9}}\n");
        ReplicationRecord first = Experiment.replicate(s, 0, 1);
        ReplicationRecord again = Experiment.replicate(s, 0, 1);
        for (int t = 0; t <= s.rounds(); t++) {
            assertEquals(first.coalitions(t).size(), again.coalitions(t).size(), "round " + t);
            for (int c = 0; c < first.coalitions(t).size(); c++) {
                assertArrayEquals(first.coalitions(t).get(c).members(), again.coalitions(t).get(c).members());
            }
            assertEquals(first.position(t, 2, 0), again.position(t, 2, 0), "the same draws, so the same noise");
        }
    }

    @Test
    void theMethodAndItsParametersAreValidated() throws Exception {
        Scenario defaults = Scenarios.load(dir, Scenarios.TWO_DIMENSIONS
                + "delegations: [{id: X, position: {a: 0.1, b: 0.1}}]\ncoalitions: {method: landscape}\n");
        assertEquals(Scenario.CoalitionMethod.LANDSCAPE, defaults.coalitions().method());
        assertEquals(20, defaults.coalitions().starts());
        assertEquals(0.5, defaults.coalitions().blocBonus());
        List<String> problems = Scenarios.problems(dir, Scenarios.TWO_DIMENSIONS
                + "delegations: [{id: X, position: {a: 0.1, b: 0.1}}]\n"
                + "coalitions: {method: landscap, starts: 0, bloc_bonus: -1}\n");
        assertTrue(problems.stream().anyMatch(p -> p.contains("coalitions.method: unknown value 'landscap'"
                + " (did you mean 'landscape'?)")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("coalitions.starts: out of range")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("coalitions.bloc_bonus: out of range")), problems.toString());
    }
}
