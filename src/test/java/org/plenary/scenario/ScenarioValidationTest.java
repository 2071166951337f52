package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** Every kind of bad input is reported with file, line and field, all at once. */
class ScenarioValidationTest {
    @TempDir
    Path dir;

    private static final String VALID = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: X, groups: [G], position: {a: 0.2, b: 0.3}, capability: 2}
              - {id: Y, position: {a: 0.8, b: 0.3}}
            blocs:
              - {id: G, cohesion: 0.5}
            agenda:
              - {id: item, weights: {a: 1}, status_quo: {a: 0.5}}
            events:
              - {round: 2, type: withdraw, delegation: Y}
            """;

    private static void assertProblem(List<String> problems, String... fragments) {
        boolean found = problems.stream().anyMatch(p -> {
            for (String fragment : fragments) {
                if (!p.contains(fragment)) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "no problem containing " + List.of(fragments) + " in " + problems);
    }

    @Test
    void aValidScenarioLoadsWithDefaults() throws Exception {
        Scenario s = Scenarios.load(dir, VALID);
        assertEquals(2, s.delegations().size());
        assertEquals(0.5, s.delegations().get(1).openness());
        assertEquals(1.0, s.delegations().get(1).capability());
        assertEquals(5, s.agenda().get(0).deadline(), "deadline defaults to the last round");
        assertEquals(Scenario.InfluenceModel.HEGSELMANN_KRAUSE, s.influence().model());
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ScenarioLoader.load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().contains("nope.yaml") && e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void malformedYamlNamesTheLine() {
        List<String> problems = Scenarios.problems(dir, "name: x\ndimensions: [\n  {id: a\nrounds: 3\n");
        assertProblem(problems, "scenario.yaml:", "malformed YAML");
        assertTrue(problems.get(0).matches(".*scenario\\.yaml:\\d+: .*"), problems.get(0));
    }

    @Test
    void unknownKeySuggestsTheRightOne() {
        List<String> problems = Scenarios.problems(dir, VALID.replace("capability: 2", "capabilty: 2"));
        assertProblem(problems, "scenario.yaml:9:", "delegations[X].capabilty", "did you mean 'capability'");
        assertProblem(Scenarios.problems(dir, VALID + "influense: {rate: 0.2}\n"), "did you mean 'influence'");
    }

    @Test
    void wrongTypeAndOutOfRangeValuesNameLineAndField() {
        assertProblem(Scenarios.problems(dir, VALID.replace("capability: 2", "capability: lots")),
                "scenario.yaml:9:", "delegations[X].capability", "must be a number");
        assertProblem(Scenarios.problems(dir, VALID.replace("a: 0.2, b: 0.3}, capability", "a: 1.2, b: 0.3}, capability")),
                "scenario.yaml:9:", "delegations[X].position.a", "out of range");
        assertProblem(Scenarios.problems(dir, VALID.replace("capability: 2", "capability: -3")),
                "delegations[X].capability", "out of range", "got -3");
        assertProblem(Scenarios.problems(dir, VALID.replace("rounds: 5", "rounds: 0")), "scenario.yaml:3:", "rounds",
                "out of range");
        assertProblem(Scenarios.problems(dir, VALID.replace("capability: 2", "capability: .nan")),
                "scenario.yaml:9:", "delegations[X].capability: must be a finite number");
        assertProblem(Scenarios.problems(dir, VALID.replace("capability: 2", "capability: -.Inf")),
                "scenario.yaml:9:", "delegations[X].capability: must be a finite number");
        assertProblem(Scenarios.problems(dir, VALID.replace("capability: 2", "capability: NaN")),
                "scenario.yaml:9:", "delegations[X].capability", "must be a number");
    }

    @Test
    void anUnclosedFlowMappingNamesWhereItOpenedAndWhatWasExpected() {
        String text = VALID.replace("a: 0.2, b: 0.3}, capability: 2}", "a: 0.2, b: 0.3}, capability: 2");
        assertProblem(Scenarios.problems(dir, text), "scenario.yaml:10:", "the '{' opened at line 9, column",
                "is not closed", "expected ',' or '}'");
    }

    @Test
    void influenceThatWouldOvershootIsRefused() {
        assertProblem(Scenarios.problems(dir, VALID + "influence: {rate: 0.9, anchor: 0.2}\n"
                        + "delegation_defaults: {openness: 1}\n"),
                "influence.rate", "rate x openness + anchor must be at most 1", "= 1.1");
        String opening = VALID.replace("{round: 2, type: withdraw, delegation: Y}",
                "{round: 2, type: set, delegation: X, attribute: openness, value: 1}");
        assertProblem(Scenarios.problems(dir, opening + "influence: {rate: 0.95, anchor: 0.1}\n"),
                "influence.rate", "X (set at round 2) has openness 1", "= 1.05");
    }

    @Test
    void influenceAtTheConvexLimitIsAccepted() throws Exception {
        // 0.9 x 1 + 0.1 = 1: a weighted average; Deffuant moves and anchors in turn, so any rates do.
        Scenarios.load(dir, VALID + "influence: {rate: 0.9, anchor: 0.1}\ndelegation_defaults: {openness: 1}\n");
        Scenarios.load(dir, VALID + "influence: {model: deffuant, rate: 0.9, anchor: 0.2}\n"
                + "delegation_defaults: {openness: 1}\n");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = Scenarios.problems(dir, VALID.replace("capability: 2", "capability: -1")
                .replace("rounds: 5", "rounds: 0"));
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void crossReferencesAreChecked() {
        assertProblem(Scenarios.problems(dir, VALID.replace("{id: Y,", "{id: X,")), "duplicate delegation id 'X'");
        assertProblem(Scenarios.problems(dir, VALID.replace("delegation: Y}", "delegation: Z}")),
                "scenario.yaml:16:", "events[0].delegation", "unknown delegation 'Z'");
        assertProblem(Scenarios.problems(dir, VALID.replace("{id: G, cohesion: 0.5}", "{id: G, cohesion: 0.5, members: [W]}")),
                "blocs[G].members", "unknown delegation 'W'");
        assertProblem(Scenarios.problems(dir, VALID.replace("weights: {a: 1}", "weights: {a: 1, c: 1}")),
                "agenda[item].weights.c", "unknown key 'c'");
        assertProblem(Scenarios.problems(dir, VALID.replace("status_quo: {a: 0.5}", "status_quo: {b: 0.5}")),
                "agenda[item].status_quo", "missing a value for 'a'");
    }

    @Test
    void idsAreShortEnoughForFileNames() {
        assertProblem(Scenarios.problems(dir, VALID.replace("{id: item,", "{id: " + "x".repeat(65) + ",")),
                "is not a valid id", "at most 64 characters");
    }

    @Test
    void aScenarioNameCannotLeaveTheResultsDirectory() {
        assertProblem(Scenarios.problems(dir, VALID.replace("name: test", "name: ../../etc")), "name", "results directory");
        assertProblem(Scenarios.problems(dir, VALID.replace("name: test", "name: a/b")), "name");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        assertProblem(Scenarios.problems(dir, bomb.toString()), "scenario.yaml:2:", "aliases", "not supported");
    }

    @Test
    void aFileFarTooLargeIsRefusedBeforeParsing() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) YamlLoader.MAX_FILE_BYTES + 1]);
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ScenarioLoader.load(big, List.of()));
        assertTrue(e.getMessage().contains("far too large"), e.getMessage());
    }

    @Test
    void duplicateYamlKeysAreRefused() {
        assertProblem(Scenarios.problems(dir, VALID + "rounds: 7\n"), "scenario.yaml:17:", "uplicate", "rounds");
    }

    @Test
    void eventFieldsAreCheckedAgainstTheEventType() throws Exception {
        assertProblem(Scenarios.problems(dir, VALID.replace("delegation: Y}", "delegation: Y, bloc: G}")),
                "events[0].bloc", "not used by a withdraw event");
        Scenario s = Scenarios.load(dir, VALID.replace("  - {round: 2, type: withdraw, delegation: Y}\n",
                "  - {round: 2, type: join, delegation: Y, bloc: NEW}\n  - {round: 3, type: leave, delegation: Y, bloc: NEW}\n"));
        assertEquals(2, s.events().size(), "a bloc created by a join can be left later");
    }
}
