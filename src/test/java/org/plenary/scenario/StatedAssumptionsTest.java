package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** {@code # assumes: path = value} comments are checked against the scenario as resolved. */
class StatedAssumptionsTest {
    @TempDir
    Path dir;

    @Test
    void everyScenarioShippedHoldsWhatItsHeaderAssumes() throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario scenario = ScenarioLoader.load(file, List.of()).scenario();
                StatedAssumptions.check(file, scenario).forEach(problem -> mismatches.add(problem.toString()));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theWithdrawalFlagshipsStateWhatHappensToTheConcessions() throws Exception {
        for (String name : List.of("us-withdraws", "us-withdraws-v2", "us-withdraws-grounded")) {
            Path file = Path.of("scenarios", name + ".yaml");
            List<StatedAssumptions.Assumption> assumptions = StatedAssumptions.read(file);
            assertTrue(assumptions.stream().anyMatch(a -> a.path().equals("chair.concessions_on_withdrawal")
                    && a.value().equals("drop")), name + ": " + assumptions);
            String header = Files.readString(file);
            assertTrue(!header.contains("stay in the drafts"), name + " still says the concessions stay");
        }
    }

    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            # assumes: chair.concessions_on_withdrawal = drop
            # assumes: decision.quorum = 0.50
            #assumes:delegations.X.capability=2
            # assumes: chair.concession_on_withdrawal = drop
            # assumes: rounds = "6"
            delegations:
              - {id: X, position: {a: 0.2, b: 0.3}, capability: 2}
              - {id: Y, position: {a: 0.3, b: 0.4}}
            """;

    @Test
    void anAssumptionTheResolvedScenarioContradictsIsAWarningAtItsLine() throws Exception {
        Path file = Scenarios.write(dir, "assumes.yaml", SCENARIO);
        List<StatedAssumptions.Assumption> read = StatedAssumptions.read(file);
        assertEquals(List.of(new StatedAssumptions.Assumption(8, "chair.concessions_on_withdrawal", "drop"),
                new StatedAssumptions.Assumption(9, "decision.quorum", "0.50"),
                new StatedAssumptions.Assumption(10, "delegations.X.capability", "2"),
                new StatedAssumptions.Assumption(11, "chair.concession_on_withdrawal", "drop"),
                new StatedAssumptions.Assumption(12, "rounds", "6")), read);

        List<String> warnings = ScenarioLoader.load(file, List.of()).warnings().stream().map(Problem::toString)
                .toList();
        assertEquals(List.of(
                file + ":11: chair.concession_on_withdrawal: the file assumes 'chair.concession_on_withdrawal', which"
                        + " is not a key of the resolved scenario (see 'plenary validate' or scenario.resolved.yaml"
                        + " for the keys)",
                file + ":12: rounds: the file assumes rounds = 6, but the scenario as resolved has 5: correct the"
                        + " comment, or the value, so they agree"), warnings,
                "the default drop, 0.5 = 0.50 and X's capability hold; a misspelt key and 5 rounds do not");

        List<String> overridden = ScenarioLoader.load(file, List.of(
                Overrides.Assignment.parse("chair.concessions_on_withdrawal=keep"),
                Overrides.Assignment.parse("delegations.X.capability=3"))).warnings().stream()
                .map(Problem::toString).filter(w -> w.contains(":8:") || w.contains(":10:")).toList();
        assertEquals(List.of(
                file + ":8: chair.concessions_on_withdrawal: the file assumes chair.concessions_on_withdrawal = drop,"
                        + " but the scenario as resolved has keep: correct the comment, or the value, so they agree",
                file + ":10: delegations.X.capability: the file assumes delegations.X.capability = 2, but the"
                        + " scenario as resolved has 3.0: correct the comment, or the value, so they agree"),
                overridden);
    }
}
