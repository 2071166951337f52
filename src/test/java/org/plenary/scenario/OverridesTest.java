package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

class OverridesTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: USA, groups: [CEPT], position: {a: 0.2, b: 0.3}, capability: 30}
              - {id: FRA, position: {a: 0.8, b: 0.3}}
            blocs:
              - {id: CEPT, cohesion: 0.5}
            agenda:
              - {id: res-hr, weights: {a: 1}, status_quo: {a: 0.5}}
            """;

    @Test
    void pathsAddressEntriesByIdAndCreateMissingSections() throws Exception {
        Scenario s = Scenarios.load(dir, SCENARIO, "influence.rate=0.2", "delegations.USA.capability=0",
                "blocs.CEPT.cohesion=0.9", "decision.majority=0.67", "agenda.res-hr.deadline=3",
                "delegations.FRA.position.b=0.9", "influence.model=deffuant");
        assertEquals(0.2, s.influence().rate());
        assertEquals(0.0, s.delegations().get(0).capability());
        assertEquals(0.9, s.blocs().get(0).cohesion());
        assertEquals(0.67, s.decision().majority());
        assertEquals(3, s.agenda().get(0).deadline());
        assertEquals(0.9, s.delegations().get(1).position()[1]);
        assertEquals(Scenario.InfluenceModel.DEFFUANT, s.influence().model());
    }

    @Test
    void badPathsAndValuesAreInputErrorsNamingTheOverride() {
        List<String> unknownId = Scenarios.problems(dir, SCENARIO, "delegations.USB.capability=1");
        assertTrue(unknownId.get(0).startsWith("--set delegations.USB.capability=1"), unknownId.toString());
        assertTrue(unknownId.get(0).contains("did you mean 'USA'"), unknownId.toString());
        List<String> unknownKey = Scenarios.problems(dir, SCENARIO, "influence.rte=0.2");
        assertTrue(unknownKey.get(0).contains("--set influence.rte=0.2") && unknownKey.get(0).contains("did you mean 'rate'"),
                unknownKey.toString());
        List<String> badValue = Scenarios.problems(dir, SCENARIO, "delegations.USA.capability=-5");
        assertTrue(badValue.get(0).contains("--set delegations.USA.capability=-5") && badValue.get(0).contains("out of range"),
                badValue.toString());
        assertTrue(Scenarios.problems(dir, SCENARIO, "no-equals-sign").get(0).contains("expected path=value"));
        assertTrue(Scenarios.problems(dir, SCENARIO, "rounds.x=1").get(0).contains("single value"));
    }
}
