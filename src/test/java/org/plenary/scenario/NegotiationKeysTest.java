package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** The model v2 keys (aspiration, concession, objections, exchange, attendance, voting): defaults, round trip, bad input. */
class NegotiationKeysTest {
    @TempDir
    Path dir;

    private static final String BASE = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: X, groups: [G], position: {a: 0.2, b: 0.3}}
              - {id: Y, position: {a: 0.8, b: 0.3}}
            blocs:
              - {id: G, cohesion: 0.5}
            agenda:
              - {id: item, weights: {a: 1}, status_quo: {a: 0.5}}
            """;

    private static void assertProblem(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                "no problem containing " + List.of(fragments) + " in " + problems);
    }

    @Test
    void everythingIsOffByDefault() throws Exception {
        Scenario.Negotiation n = Scenarios.load(dir, BASE).negotiation();
        assertEquals(Scenario.Objections.STATUS_QUO, n.aspirations().objections());
        assertTrue(Double.isNaN(n.aspirations().aspiration()[0]), "aspiration: the ideal point");
        assertEquals(1.0, n.aspirations().concession()[1]);
        assertEquals(Scenario.ExchangeModel.NONE, n.exchange().model());
        assertEquals(Scenario.AttendanceModel.ALL, n.attendance().model());
        assertEquals(Scenario.Discipline.NONE, n.voting().discipline());
        assertTrue(!ScenarioYaml.write(Scenarios.load(dir, BASE)).contains("aspiration"),
                "a v1 scenario resolves to the same text as before model v2");
    }

    @Test
    void defaultsAndPerDelegationValuesAreReadAndResolvedTextReloadsToTheSame() throws Exception {
        String text = BASE.replace("  - {id: Y, position: {a: 0.8, b: 0.3}}",
                "  - {id: Y, position: {a: 0.8, b: 0.3}, aspiration: {a: 0.95}, concession: 3}") + """
                delegation_defaults: {aspiration: {b: 0.6}, concession: 0.5}
                decision: {objections: aspiration}
                exchange: {model: stokman, rate: 0.5}
                attendance: {model: capacity, full_capability: 2, exponent: 0.3}
                voting: {discipline: bloc, cross_pressured: sincere}
                """;
        Scenario s = Scenarios.load(dir, text);
        Scenario.Aspirations asp = s.negotiation().aspirations();
        assertEquals(Scenario.Objections.ASPIRATION, asp.objections());
        assertTrue(Double.isNaN(asp.aspiration()[0]));
        assertEquals(0.6, asp.aspiration()[1]);
        assertEquals(0.95, asp.aspiration()[2]);
        assertEquals(0.6, asp.aspiration()[3]);
        assertEquals(0.5, asp.concession()[0]);
        assertEquals(3.0, asp.concession()[1]);
        assertEquals(0.5, s.negotiation().exchange().rate());
        assertEquals(2.0, s.negotiation().attendance().fullCapability());
        assertEquals(Scenario.CrossPressure.SINCERE, s.negotiation().voting().crossPressured());
        String resolved = ScenarioYaml.write(s);
        Scenario again = Scenarios.load(dir, resolved);
        assertEquals(resolved, ScenarioYaml.write(again));
    }

    @Test
    void badValuesOfEveryNewKeyNameFileLineAndField() {
        String text = Scenarios.TWO_DIMENSIONS + """
                delegations:
                  - {id: X, groups: [G], position: {a: 0.2, b: 0.3}}
                  - id: Y
                    position: {a: 0.8, b: 0.3}
                    aspiration: {a: 1.5, c: 0.2}
                    concession: 0
                blocs:
                  - {id: G, cohesion: 0.5}
                agenda:
                  - {id: item, weights: {a: 1}, status_quo: {a: 0.5}}
                delegation_defaults: {concession: -1, aspiration: yes}
                decision: {objections: ambition}
                exchange: {model: barter, rate: 2, pace: 1}
                attendance: {model: sometimes, full_capability: 0, exponent: -1}
                voting: {discipline: party, cross_pressured: flee}
                """;
        List<String> problems = Scenarios.problems(dir, text);
        assertProblem(problems, "scenario.yaml:12:", "delegations[Y].aspiration.a", "out of range");
        assertProblem(problems, "scenario.yaml:12:", "delegations[Y].aspiration.c", "unknown");
        assertProblem(problems, "scenario.yaml:13:", "delegations[Y].concession", "out of range");
        assertProblem(problems, "scenario.yaml:18:", "delegation_defaults.concession", "out of range");
        assertProblem(problems, "scenario.yaml:18:", "delegation_defaults.aspiration");
        assertProblem(problems, "scenario.yaml:19:", "decision.objections", "ambition");
        assertProblem(problems, "scenario.yaml:20:", "exchange.model", "barter");
        assertProblem(problems, "scenario.yaml:20:", "exchange.rate", "out of range");
        assertProblem(problems, "scenario.yaml:20:", "exchange.pace", "unknown");
        assertProblem(problems, "scenario.yaml:21:", "attendance.model", "sometimes");
        assertProblem(problems, "scenario.yaml:21:", "attendance.full_capability", "greater than 0");
        assertProblem(problems, "scenario.yaml:21:", "attendance.exponent", "out of range");
        assertProblem(problems, "scenario.yaml:22:", "voting.discipline", "party");
        assertProblem(problems, "scenario.yaml:22:", "voting.cross_pressured", "flee");
    }

    @Test
    void overridesReachTheNewKeys() throws Exception {
        Scenario s = Scenarios.load(dir, BASE, "decision.objections=aspiration", "delegations.X.aspiration.a=0.1",
                "delegation_defaults.concession=0.25", "attendance.model=capacity");
        assertEquals(0.1, s.negotiation().aspirations().aspiration()[0]);
        assertEquals(0.25, s.negotiation().aspirations().concession()[1]);
        assertEquals(Scenario.AttendanceModel.CAPACITY, s.negotiation().attendance().model());
        assertProblem(Scenarios.problems(dir, BASE, "delegations.X.concession=lots"), "--set",
                "delegations[X].concession", "must be a number");
    }
}
