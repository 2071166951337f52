package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/**
 * Inputs that once escaped as internal errors (issue 24): each is now a problem naming the file, the
 * line and the field.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String ONE_DIMENSION = """
            name: fuzzed
            dimensions: [{id: a}]
            """;

    private static final String FROM_CSV = ONE_DIMENSION + "delegations_file: states.csv\n";

    private void assertOnly(List<String> problems, String expected) {
        assertEquals(List.of(expected.startsWith("scenario.yaml") ? dir.resolve(expected).toString() : expected),
                problems);
    }

    @Test
    void aDelegationWithoutIdIsReportedWhetherOrNotProfilesAddNoise() {
        String text = ONE_DIMENSION + """
                profiles:
                  noise: %s
                  default: {position: {a: 0.5}}
                delegations:
                  - {id: X}
                  - {name: nobody}
                """;
        String expected = "scenario.yaml:8: delegations[1].id: missing (required)";
        assertOnly(Scenarios.problems(dir, text.formatted("0")), expected);
        assertOnly(Scenarios.problems(dir, text.formatted("0.1")), expected);
    }

    @Test
    void anUnterminatedQuoteInTheDelegationsFileNamesTheFileAndLine() {
        Scenarios.write(dir, "states.csv", "id,position.a\nA,0.5\nB,\"0.5\n");
        assertOnly(Scenarios.problems(dir, FROM_CSV),
                dir.resolve("states.csv") + ":3: malformed CSV: a quoted cell is not closed before the end of the file");
    }

    @Test
    void anInvalidByteDeepInTheDelegationsFileNamesItsLineAndColumn() throws Exception {
        StringBuilder rows = new StringBuilder("id,position.a\n");
        for (int i = 0; i < 2000; i++) {
            rows.append("D").append(i).append(",0.5\n");
        }
        byte[] head = rows.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 7);
        System.arraycopy(new byte[] {'Z', ',', '0', '.', '5', (byte) 0xff, '\n'}, 0, bytes, head.length, 7);
        Files.write(dir.resolve("states.csv"), bytes);
        assertOnly(Scenarios.problems(dir, FROM_CSV), dir.resolve("states.csv")
                + ":2002: not valid UTF-8: byte 0xFF at line 2002, column 6 (save the file as UTF-8)");
    }

    @Test
    void aColumnNamedTwiceInTheHeaderIsRefusedAtLineOne() {
        Scenarios.write(dir, "states.csv", "id,position.a,id\nA,0.5,B\n");
        assertOnly(Scenarios.problems(dir, FROM_CSV), dir.resolve("states.csv")
                + ":1: id: the header names this column twice");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsAccepted() throws Exception {
        Scenarios.write(dir, "states.csv", "\uFEFFid,position.a\nA,0.5\nB,0.25\n");
        Scenario scenario = Scenarios.load(dir, FROM_CSV);
        assertEquals(List.of("A", "B"), scenario.delegations().stream().map(Scenario.Delegation::id).toList());
        assertEquals(0.25, scenario.delegations().get(1).position()[0]);
    }

    @Test
    void numbersInJavaOnlyFormatsAreRefused() {
        Scenarios.write(dir, "states.csv", "id,position.a,capability\nA,0x1p-3,1\nB,0.5,1d\nC,0.5,2f\n");
        String csv = dir.resolve("states.csv").toString();
        assertEquals(List.of(csv + ":2: position.a: must be a number, got '0x1p-3'",
                csv + ":3: capability: must be a number, got '1d'",
                csv + ":4: capability: must be a number, got '2f'"), Scenarios.problems(dir, FROM_CSV));
    }

    @Test
    void problemsFoundAfterMergingPointAtTheCsvRowNotTheScenarioName() {
        Scenarios.write(dir, "states.csv", "id,groups\nA,G\nB,H\n");
        String text = ONE_DIMENSION + """
                profiles:
                  groups: {G: {position: {a: 0.3}}}
                delegations_file: states.csv
                """;
        assertOnly(Scenarios.problems(dir, text), dir.resolve("states.csv") + ":3: delegations[B].position: no value"
                + " for dimension 'a': give it, or a profile for one of the groups [H] or a default profile");
    }

    @Test
    void anInvalidByteInTheScenarioNamesItsLineAndColumn() throws Exception {
        Files.write(dir.resolve("bad.yaml"), "name: x\ndescription: caf\u00e9 ok\nseed: 1\u00ff\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ScenarioLoader.load(dir.resolve("bad.yaml"), List.of()));
        assertEquals(dir.resolve("bad.yaml") + ":2: not valid UTF-8: byte 0xE9 at line 2, column 17"
                + " (save the file as UTF-8)", e.getMessage());
    }

    @Test
    void anInvalidByteInAVotesFileNamesItsLineAndColumn() throws Exception {
        Scenario scenario = Scenarios.load(dir, Scenarios.BALLOTS);
        Path votes = dir.resolve("votes.csv");
        Files.write(votes, "item,delegation,vote\nleft-text,L1,yes\nleft-text,M,abst\u00e9ntion\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> org.plenary.backtest.ObservedVotes.read(votes, scenario));
        assertEquals(votes + ":3: not valid UTF-8: byte 0xE9 at line 3, column 17 (save the file as UTF-8)",
                e.getMessage());
    }

    @Test
    void aFileOfCommentsOnlyHoldsNoScenario() {
        assertOnly(Scenarios.problems(dir, "# a scenario to write\n\n# later\n"),
                "scenario.yaml: no scenario in the file (only comments or blank lines)");
        assertOnly(Scenarios.problems(dir, ""), "scenario.yaml: the file is empty");
    }

    @Test
    void idsMustBeTextNotNumbersYamlCannotWriteBack() {
        String text = ONE_DIMENSION + """
                delegations:
                  - {id: .nan, position: {a: 0.5}}
                  - {id: 1.5, position: {a: 0.5}}
                  - {id: 7, position: {a: 0.5}}
                  - {id: -.inf, position: {a: 0.5}}
                """;
        String file = dir.resolve("scenario.yaml").toString();
        assertEquals(List.of(file + ":4: delegations[0].id: must be text, got the number NaN: quote an id that YAML"
                        + " reads as a number",
                file + ":5: delegations[1].id: '1.5' is not a valid id: use letters, digits, '_' or '-', at most 64"
                        + " characters",
                file + ":7: delegations[3].id: must be text, got the number -Infinity: quote an id that YAML reads as"
                        + " a number"), Scenarios.problems(dir, text), "whole numbers such as 7 stay valid ids");
    }
}
