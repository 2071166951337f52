package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

class ProfilesTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: EU1, groups: [EU]}
              - {id: BOTH, groups: [EU, RCC]}
              - {id: NONE}
              - {id: OWN, groups: [EU], position: {a: 0.05}}
            profiles:
              noise: 0
              default: {position: {a: 0.5, b: 0.5}}
              groups:
                EU: {position: {a: 0.8, b: 0.2}, salience: {a: 0.9}}
                RCC: {position: {a: 0.2}}
              adjust:
                EU1: {position: {b: 0.1}}
            """;

    @Test
    void positionsComeFromGroupMeansDefaultsAndAdjustments() throws Exception {
        Scenario s = Scenarios.load(dir, SCENARIO);
        assertArrayEquals(new double[] {0.8, 0.3}, s.delegations().get(0).position(), 1e-12, "EU plus adjustment");
        assertArrayEquals(new double[] {0.5, 0.2}, s.delegations().get(1).position(), 1e-12,
                "mean of EU and RCC on a; only EU gives b");
        assertArrayEquals(new double[] {0.5, 0.5}, s.delegations().get(2).position(), 1e-12, "the default profile");
        assertArrayEquals(new double[] {0.05, 0.2}, s.delegations().get(3).position(), 1e-12,
                "a value given explicitly wins");
        assertArrayEquals(new double[] {0.9, 0.5}, s.delegations().get(0).salience(), 1e-12,
                "salience from the group, else delegation_defaults");
    }

    @Test
    void oneAssumptionChangedFromTheCommandLineRederivesEveryMember() throws Exception {
        Scenario s = Scenarios.load(dir, SCENARIO, "profiles.groups.EU.position.a=0.6");
        assertEquals(0.6, s.delegations().get(0).position()[0], 1e-12);
        assertEquals(0.4, s.delegations().get(1).position()[0], 1e-12);
    }

    @Test
    void noiseIsSeededPerDelegationAndReproducible() throws Exception {
        Scenario first = Scenarios.load(dir, SCENARIO, "profiles.noise=0.05");
        Scenario again = Scenarios.load(dir, SCENARIO, "profiles.noise=0.05");
        assertArrayEquals(first.delegations().get(0).position(), again.delegations().get(0).position());
        assertNotEquals(0.8, first.delegations().get(0).position()[0]);
        Scenario otherSeed = Scenarios.load(dir, SCENARIO, "profiles.noise=0.05", "profiles.seed=2");
        assertNotEquals(first.delegations().get(0).position()[0], otherSeed.delegations().get(0).position()[0]);
        assertEquals(0.05, first.delegations().get(3).position()[0], 1e-12, "explicit values get no noise");
    }

    @Test
    void aDelegationWithNoRuleForADimensionIsReported() {
        List<String> problems = Scenarios.problems(dir, SCENARIO.replace("  default: {position: {a: 0.5, b: 0.5}}\n", ""));
        assertTrue(problems.stream().anyMatch(p -> p.contains("delegations[NONE].position")
                && p.contains("no value for dimension 'a'")), problems.toString());
        assertTrue(Scenarios.problems(dir, SCENARIO.replace("EU1: {position", "XX1: {position")).stream()
                .anyMatch(p -> p.contains("unknown delegation 'XX1'")));
    }
    /**
     * EU1's adjustment (+0.1 on b over EU's 0.2) dated from 2025-01-20: a scenario as of 2018-12-05 derives
     * b = 0.2 (EU alone), one as of 2025-01-20 (its first day) 0.3, and one as of 2026 with the adjustment
     * ending 2026-01-01 (exclusive) 0.2 again; with no as_of every adjustment applies, as before.
     */
    @Test
    void aDatedAdjustmentAppliesOnlyInsideItsDates() throws Exception {
        String dated = SCENARIO.replace("EU1: {position: {b: 0.1}}", "EU1: {position: {b: 0.1}, from: 2025-01-20}");
        assertEquals(0.3, Scenarios.load(dir, dated).delegations().get(0).position()[1], 1e-12, "no as_of");
        assertEquals(0.2, Scenarios.load(dir, dated, "profiles.as_of=2018-12-05").delegations().get(0).position()[1],
                1e-12, "before its date");
        assertEquals(0.3, Scenarios.load(dir, dated, "profiles.as_of=2025-01-20").delegations().get(0).position()[1],
                1e-12, "on its first day");
        String ended = dated.replace("from: 2025-01-20}", "from: 2025-01-20, until: 2026-01-01}");
        assertEquals(0.2, Scenarios.load(dir, ended, "profiles.as_of=2026-01-01").delegations().get(0).position()[1],
                1e-12, "until is exclusive");
    }

    @Test
    void badDatesAreReportedWithTheirField() {
        List<String> problems = Scenarios.problems(dir, SCENARIO.replace("EU1: {position: {b: 0.1}}",
                "EU1: {position: {b: 0.1}, from: 2025-13-01, util: 2026-01-01}"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("profiles.adjust.EU1.from") && p.contains("not a date")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("util") && p.contains("did you mean 'until'")),
                problems.toString());
        List<String> reversed = Scenarios.problems(dir, SCENARIO.replace("EU1: {position: {b: 0.1}}",
                "EU1: {position: {b: 0.1}, from: 2026-01-01, until: 2025-01-01}"));
        assertTrue(reversed.stream().anyMatch(p -> p.contains("profiles.adjust.EU1.until") && p.contains("after from")),
                reversed.toString());
    }
}
