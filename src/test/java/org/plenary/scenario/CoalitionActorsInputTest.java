package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** The keys of coalitions as actors and agenda-setting: defaults, round trip, and bad input with file, line, field. */
class CoalitionActorsInputTest {
    @TempDir
    Path dir;

    private static final String BASE = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: X, groups: [G], position: {a: 0.2, b: 0.3}}
              - {id: Y, groups: [G], position: {a: 0.8, b: 0.3}}
              - {id: Z, groups: [Q], position: {a: 0.8, b: 0.3}}
            blocs:
              - {id: G, cohesion: 0.5, leaders: [Y, X]}
              - {id: Q, cohesion: 0}
            agenda:
              - {id: item, weights: {a: 1}, status_quo: {a: 0.5}, sponsor: G}
            coalition_formation: {model: alliance}
            agenda_setting: {model: tabling}
            """;

    private static void assertProblem(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                "no problem containing " + List.of(fragments) + " in " + problems);
    }

    @Test
    void defaultsAreDocumentedOnesAndTheResolvedFileReloadsTheSame() throws Exception {
        Scenario s = Scenarios.load(dir, BASE);
        assertEquals(new Scenario.Formation(Scenario.FormationModel.ALLIANCE, 0.1, 1, 0.02, 0.05, 2, 0.5),
                s.formation());
        assertEquals(new Scenario.AgendaSetting(Scenario.AgendaModel.TABLING, 1, 0.5, 0.5,
                Scenario.Proposal.COALITION_TEXT, 1), s.agendaSetting());
        assertEquals(List.of("Y", "X"), s.blocs().get(0).leaders());
        assertEquals("G", s.agenda().get(0).sponsor());
        String resolved = ScenarioYaml.write(s);
        Scenario again = Scenarios.load(dir, resolved);
        assertEquals(resolved, ScenarioYaml.write(again));
    }

    @Test
    void offByDefaultAndThenAbsentFromTheResolvedFile() throws Exception {
        Scenario s = Scenarios.load(dir, BASE.replace("coalition_formation: {model: alliance}\n", "")
                .replace("agenda_setting: {model: tabling}\n", "").replace(", sponsor: G", "")
                .replace(", leaders: [Y, X]", ""));
        assertFalse(s.formation().on());
        assertFalse(s.agendaSetting().on());
        String resolved = ScenarioYaml.write(s);
        assertFalse(resolved.contains("coalition_formation") || resolved.contains("agenda_setting")
                || resolved.contains("sponsor") || resolved.contains("leaders"), resolved);
    }

    @Test
    void badValuesOfEveryNewKeyNameFileLineAndField() {
        List<String> problems = Scenarios.problems(dir, BASE
                .replace("coalition_formation: {model: alliance}", """
                        coalition_formation: {model: union, reach: 0, bloc_affinity: x, switching_cost: -0.1,
                                              merge_distance: 3, split_distance: 0.2, min_members: 0, cohesion: 2, speed: 1}""")
                .replace("agenda_setting: {model: tabling}",
                        "agenda_setting: {model: tabling, proposers: -1, pen: 2, compromise: -0.5, order: 1}"));
        assertProblem(problems, "scenario.yaml:17", "coalition_formation.model", "union");
        assertProblem(problems, "coalition_formation.reach", "out of range");
        assertProblem(problems, "coalition_formation.bloc_affinity", "must be a number");
        assertProblem(problems, "coalition_formation.switching_cost", "out of range");
        assertProblem(problems, "coalition_formation.merge_distance", "out of range");
        assertProblem(problems, "coalition_formation.split_distance", "unknown key");
        assertProblem(problems, "coalition_formation.min_members", "out of range");
        assertProblem(problems, "coalition_formation.cohesion", "out of range");
        assertProblem(problems, "coalition_formation.speed", "unknown key");
        assertProblem(problems, "scenario.yaml:19", "agenda_setting.proposers", "out of range");
        assertProblem(problems, "agenda_setting.pen", "out of range");
        assertProblem(problems, "agenda_setting.compromise", "out of range");
        assertProblem(problems, "agenda_setting.order", "unknown key");
    }

    @Test
    void theProposalRuleAndRecognitionExponentAreCheckedAndRoundTrip() throws Exception {
        List<String> problems = Scenarios.problems(dir, BASE.replace("agenda_setting: {model: tabling}",
                "agenda_setting: {model: tabling, proposal: closed_rule, recognition_exponent: -1, recognition_exponant: 2}"));
        assertProblem(problems, "scenario.yaml:18", "agenda_setting.proposal", "closed_rule", "did you mean 'closed-rule'");
        assertProblem(problems, "scenario.yaml:18", "agenda_setting.recognition_exponent", "out of range");
        assertProblem(problems, "agenda_setting.recognition_exponant", "unknown key", "recognition_exponent");
        Scenario s = Scenarios.load(dir, BASE, "agenda_setting.proposal=closed-rule",
                "agenda_setting.recognition_exponent=0");
        assertEquals(Scenario.Proposal.CLOSED_RULE, s.agendaSetting().proposal());
        assertEquals(0, s.agendaSetting().recognitionExponent());
        String resolved = ScenarioYaml.write(s);
        assertTrue(resolved.contains("proposal: \"closed-rule\"") && resolved.contains("recognition_exponent: 0.0"), resolved);
        assertEquals(s.agendaSetting(), Scenarios.load(dir, resolved).agendaSetting());
    }

    @Test
    void leadersMustBeKnownMembersOfTheirBloc() {
        List<String> problems = Scenarios.problems(dir, BASE.replace("leaders: [Y, X]", "leaders: [Z, W]"));
        assertProblem(problems, "scenario.yaml:13", "blocs[G].leaders", "'Z' is not a member of bloc 'G'");
        assertProblem(problems, "blocs[G].leaders", "unknown delegation 'W'");
    }

    @Test
    void sponsorsAreDelegationsOrCoordinatingBlocsAndNeedAgendaSetting() {
        assertProblem(Scenarios.problems(dir, BASE.replace("sponsor: G", "sponsor: NOBODY")),
                "scenario.yaml:16", "agenda[item].sponsor", "NOBODY");
        assertProblem(Scenarios.problems(dir, BASE.replace("sponsor: G", "sponsor: Q")),
                "agenda[item].sponsor", "cohesion 0");
        assertProblem(Scenarios.problems(dir, BASE.replace("agenda_setting: {model: tabling}\n", "")),
                "agenda[item].sponsor", "agenda_setting: {model: tabling}");
        assertProblem(Scenarios.problems(dir, BASE, "agenda.item.sponsor=[X]"), "agenda[item].sponsor", "must be text");
    }
}
