package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.cli.CliTest.plenary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.validation.Check;
import picocli.CommandLine;

/**
 * plenary verify-models: every check passes and failures exit 1. The comparison with docs/validation.md
 * is a documentation check only: it keeps the published table current, and validates nothing about the
 * models (their checks are tested against published values in org.plenary.reference and sensitivity).
 */
class VerifyModelsCommandTest {

    @Test
    void everyCheckPassesAndDocsShowTheCurrentTable() throws Exception {
        CliTest.Result result = plenary("verify-models", "--markdown");
        assertEquals(0, result.exitCode(), result.out() + result.err());
        List<String> rows = result.out().lines().filter(line -> line.startsWith("| ")).toList();
        assertEquals("| Check | Source | Expected | Got | Result |", rows.get(0));
        assertEquals(2 + 22, rows.size(), "header, rule and 22 checks");
        for (String row : rows.subList(2, rows.size())) {
            assertTrue(row.endsWith("| pass |"), row);
        }
        assertTrue(result.out().contains("22 of 22 checks passed"), result.out());
        for (String name : List.of("Shapley-Shubik of [51; 50, 49, 1]", "EC emissions: round-0 weighted median",
                "landscape: 3 actors, common enemy", "Deffuant major clusters, d = 0.15",
                "Hegselmann-Krause major clusters, eps = 0.3")) {
            assertTrue(result.out().contains("| " + name), name);
        }
        String docs = Files.readString(Path.of("docs/validation.md"));
        for (String row : rows) {
            assertTrue(docs.contains(row + "\n"), "docs/validation.md is out of date (regenerate with"
                    + " plenary verify-models --markdown): missing " + row);
        }
    }

    @Test
    void aFailedCheckExitsOneAndIsMarked() {
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("verify-failing", new VerifyModelsCommand(() -> List.of(
                new Check("holds", "hand", "1", "1", true),
                new Check("breaks", "hand", "2", "3", false))));
        CliTest.Result result = CliTest.plenary(commandLine, "verify-failing");
        assertEquals(1, result.exitCode());
        assertTrue(result.out().lines().anyMatch(line -> line.matches("breaks +hand +2 +3 +FAIL")), result.out());
        assertTrue(result.out().contains("1 of 2 checks passed; 1 FAILED"), result.out());
        assertFalse(result.err().contains("internal error"), "a failed check is not an internal error");
    }

    @Test
    void helpExplainsTheExitCodes() {
        CliTest.Result help = plenary("verify-models", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("1   a check failed"), help.out());
        assertTrue(help.out().contains("plenary verify-models --markdown"), help.out());
    }
}
