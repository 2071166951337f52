package org.plenary.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Ballot;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/** The UNGA 2018 scenario and the roll call copied into the project fit together. */
class UngaScenarioTest {
    private static final Path VOTES = Path.of("scenarios/data/unga-ict-votes-2018.csv");

    @Test
    void everyObservedBallotNamesATabledItemAndAMemberState() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/unga-ict-2018.yaml"), List.of()).scenario();
        ObservedVotes votes = ObservedVotes.read(VOTES, scenario);
        assertEquals(531, votes.entries().size());
        assertEquals(3, votes.items().length);
        for (int m : votes.items()) {
            assertTrue(scenario.agenda().get(m).tabled(), scenario.agenda().get(m).id());
        }
        // The official tallies (docs/findings.md): 119-46-14, 94-59-33, 138-12-16.
        int[][] tallies = {{119, 46, 14}, {94, 59, 33}, {138, 12, 16}};
        String[] ids = {"A-RES-73-27", "A-RES-73-187", "A-RES-73-266"};
        for (int r = 0; r < ids.length; r++) {
            int item = scenario.agenda().stream().map(Scenario.Item::id).toList().indexOf(ids[r]);
            for (Ballot ballot : List.of(Ballot.YES, Ballot.NO, Ballot.ABSTAIN)) {
                long count = votes.of(item).stream().filter(e -> e.vote() == ballot).count();
                assertEquals(tallies[r][ballot.ordinal()], count, ids[r] + " " + ballot.label());
            }
        }
    }

    @Test
    void theCalibratedScenarioRecordsHowItWasMadeAndLoads() throws Exception {
        Path file = Path.of("scenarios/unga-ict-2018-calibrated.yaml");
        String text = java.nio.file.Files.readString(file);
        assertTrue(text.lines().limit(3).anyMatch(line -> line.startsWith("#   plenary calibrate"
                + " scenarios/unga-ict-2018-grounded.yaml --votes scenarios/data/unga-ict-votes-2018.csv")),
                "the command is in the header");
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(file, List.of());
        assertEquals("unga-ict-2018-calibrated", loaded.scenario().name());
        assertEquals(3, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().stream().allMatch(w -> w.toString().contains("no estimate for VAT")),
                "only the Holy See, without a UN vote, keeps the profile rule on the three mapped dimensions");
        assertEquals(Scenario.VoteModel.SPATIAL_LOGIT, loaded.scenario().decision().voteModel());
        ObservedVotes votes = ObservedVotes.read(VOTES, loaded.scenario());
        assertEquals(531, votes.entries().size());
        // Backtesting the calibrated scenario reproduces the fit its header records.
        String fit = text.lines().filter(line -> line.startsWith("# Fit")).findFirst().orElseThrow();
        double recorded = Double.parseDouble(fit.replaceAll(".*calibrated ([0-9.]+).*", "$1"));
        Backtest.Result result = Backtest.compare(loaded.scenario(), votes, BallotForecast.run(loaded.scenario(), 2), 0);
        assertEquals(recorded, result.pooled().logLoss(), 1e-6);
    }
}
