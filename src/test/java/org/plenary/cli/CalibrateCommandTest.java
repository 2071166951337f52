package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Ballot;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/**
 * plenary calibrate recovers parameters from ballots the model itself generated (a synthetic truth),
 * gives the same result for the same seed, writes a scenario that reproduces its fit, and refuses
 * ranges outside a key's domain.
 */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    /**
     * Two groups of ten whose positions come from the profile rule (group baseline plus seeded noise);
     * no influence, so ballots depend on the baselines alone. Items put the text at 0 against a status
     * quo at 2m (a delegation at x votes yes when x &lt; m) or at 1 against 2m - 1 (yes when x &gt; m),
     * for thresholds m across where each group's members sit.
     */
    private static String scenario() {
        StringBuilder text = new StringBuilder("""
                name: synthetic
                seed: 11
                rounds: 1
                replications: 1
                dimensions: [{id: a}]
                profiles:
                  seed: 5
                  noise: 0.08
                  default: {position: {a: 0.5}}
                  groups:
                    G1: {position: {a: 0.5}}
                    G2: {position: {a: 0.5}}
                decision: {rule: vote, abstention_band: 0}
                influence: {model: none, noise: 0}
                delegations:
                """);
        for (int i = 0; i < 10; i++) {
            text.append("  - {id: A").append(i).append(", groups: [G1]}\n");
            text.append("  - {id: B").append(i).append(", groups: [G2]}\n");
        }
        text.append("agenda:\n");
        double[] low = {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45};
        for (int k = 0; k < low.length; k++) {
            text.append(String.format("  - {id: low%d, weights: {a: 1}, status_quo: {a: %.2f}, text: {a: 0}, deadline: 1}%n",
                    k, 2 * low[k]));
            double high = 1 - low[k];
            text.append(String.format("  - {id: high%d, weights: {a: 1}, status_quo: {a: %.2f}, text: {a: 1}, deadline: 1}%n",
                    k, 2 * high - 1));
        }
        return text.toString();
    }

    /** The model's own ballots at G1 = 0.3 and G2 = 0.7, as an observed votes file. */
    private Path syntheticVotes(Path file) throws Exception {
        Scenario truth = Scenarios.load(dir, scenario(), "profiles.groups.G1.position.a=0.3",
                "profiles.groups.G2.position.a=0.7");
        ReplicationRecord record = Experiment.replicate(truth, 0, 1);
        List<String> lines = new ArrayList<>(List.of("item,delegation,vote"));
        for (int m = 0; m < truth.agenda().size(); m++) {
            for (int i = 0; i < truth.delegations().size(); i++) {
                Ballot ballot = record.ballot(m, i);
                lines.add(truth.agenda().get(m).id() + "," + truth.delegations().get(i).id() + "," + ballot.label());
            }
        }
        Files.write(dir.resolve("votes.csv"), lines);
        Files.writeString(file, scenario());
        return dir.resolve("votes.csv");
    }

    private CliTest.Result calibrate(Path file, Path votes, String out, int budget, String... extra) {
        List<String> args = new ArrayList<>(List.of("calibrate", file.toString(), "--votes", votes.toString(),
                "--param", "profiles.groups.G1.position.a=0:1", "--param", "profiles.groups.G2.position.a=0:1",
                "--budget", String.valueOf(budget), "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        return CliTest.plenary(args.toArray(String[]::new));
    }

    private static Path only(Path parent) throws Exception {
        try (var entries = Files.list(parent)) {
            return entries.findFirst().orElseThrow();
        }
    }

    /**
     * Leave-one-item-out: each of the 14 items is scored by a fit on the other 13, which share the two
     * group positions that generated every ballot, so the held-out items are predicted nearly as well as
     * in sample; a parameter that names the held-out item (its text) is left out of that fold's fit.
     */
    @Test
    void crossValidationScoresEachItemByTheFitOnTheOthers() throws Exception {
        Path file = dir.resolve("synthetic.yaml");
        Path votes = syntheticVotes(file);
        CliTest.Result result = calibrate(file, votes, "cv", 60, "--param", "agenda.low0.text.a=0:0.1",
                "--cross-validate");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("leave-one-item-out cross-validation"), result.out());
        JsonNode folds = new ObjectMapper().readTree(only(dir.resolve("cv/synthetic")).resolve("calibration.json")
                .toFile()).get("cross_validation");
        assertEquals(14, folds.size());
        int right = 0;
        int total = 0;
        for (JsonNode fold : folds) {
            boolean heldOutLow0 = fold.get("held_out").asText().equals("low0");
            assertEquals(!heldOutLow0, fold.get("fitted").has("agenda.low0.text.a"), fold.toString());
            assertTrue(fold.get("fitted").has("profiles.groups.G1.position.a"));
            right += Math.round(fold.get("scores").get("accuracy").asDouble() * fold.get("scores").get("n").asInt());
            total += fold.get("scores").get("n").asInt();
        }
        assertEquals(280, total);
        assertTrue(right > 0.9 * total, right + " of " + total + " held-out ballots right");

        CliTest.Result noVotes = CliTest.plenary("calibrate", file.toString(), "--tally", "low0=1,1,1", "--param",
                "profiles.groups.G1.position.a=0:1", "--cross-validate", "--out", dir.resolve("x").toString());
        assertEquals(2, noVotes.exitCode());
        assertTrue(noVotes.err().contains("--cross-validate") && noVotes.err().contains("needs --votes"), noVotes.err());
    }

    /**
     * --fold-set changes the scenario of one fold only: moving low0's status quo from 0.30 to 1 (yes when
     * x &lt; 0.5 instead of x &lt; 0.15) in the fold that holds low0 out turns G1's ten no votes (G1 sits
     * near 0.3) into predicted yes, so that fold scores about 10 of 20; the other folds are untouched.
     */
    @Test
    void aFoldSetChangesOnlyTheFoldThatHoldsItsItemOut() throws Exception {
        Path file = dir.resolve("synthetic.yaml");
        Path votes = syntheticVotes(file);
        CliTest.Result result = calibrate(file, votes, "cv", 20, "--cross-validate", "--fold-set",
                "low0:agenda.low0.status_quo.a=1");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode folds = new ObjectMapper().readTree(only(dir.resolve("cv/synthetic")).resolve("calibration.json")
                .toFile()).get("cross_validation");
        for (JsonNode fold : folds) {
            double accuracy = fold.get("scores").get("accuracy").asDouble();
            if (fold.get("held_out").asText().equals("low0")) {
                assertEquals("agenda.low0.status_quo.a=1", fold.get("set").get(0).asText());
                assertEquals(0.5, accuracy, 0.1, fold.toString());
            } else {
                assertEquals(0, fold.get("set").size());
                assertTrue(accuracy > 0.8, fold.toString());
            }
        }
        CliTest.Result alone = calibrate(file, votes, "x", 20, "--fold-set", "low0:agenda.low0.status_quo.a=1");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("add --cross-validate"), alone.err());
        CliTest.Result typo = calibrate(file, votes, "x", 20, "--cross-validate", "--fold-set",
                "lowO:agenda.low0.status_quo.a=1");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("'lowO'") && typo.err().contains("did you mean 'low0'"), typo.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void recoversTheParametersThatGeneratedTheBallotsAndReproducesTheFit() throws Exception {
        Path file = dir.resolve("synthetic.yaml");
        Path votes = syntheticVotes(file);
        CliTest.Result result = calibrate(file, votes, "first", 150, "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        Path run = only(dir.resolve("first/synthetic"));
        JsonNode json = new ObjectMapper().readTree(run.resolve("calibration.json").toFile());
        JsonNode best = json.get("best");
        assertEquals(0.3, best.get("values").get("profiles.groups.G1.position.a").asDouble(), 0.03);
        assertEquals(0.7, best.get("values").get("profiles.groups.G2.position.a").asDouble(), 0.03);
        // A ballot the model gets wrong costs ln 100 = 4.6 / 280 ballots: below 0.1, at most 6 of 280 are wrong.
        assertTrue(best.get("log_loss").asDouble() < 0.1, "nearly every synthetic ballot reproduced: " + best);
        assertTrue(json.get("given").get("log_loss").asDouble() > 1, "the centre (0.5, 0.5) fits badly");
        assertEquals(150, json.get("evaluations").size());
        assertTrue(Files.exists(run.resolve("charts/calibration-convergence.png")));
        assertTrue(Files.readString(run.resolve("report.html")).contains("profiles.groups.G1.position.a"));

        // The calibrated scenario reproduces the fit when backtested.
        Path calibrated = run.resolve("calibrated.yaml");
        assertTrue(Files.readString(calibrated).startsWith("# synthetic, calibrated by plenary"));
        CliTest.Result backtest = CliTest.plenary("backtest", calibrated.toString(), "--votes", votes.toString(),
                "--out", dir.resolve("check").toString(), "--json");
        assertEquals(0, backtest.exitCode(), backtest.err());
        JsonNode pooled = new ObjectMapper().readTree(backtest.out()).get("pooled");
        assertTrue(pooled.get("accuracy").asDouble() > 0.97, pooled.toString());
        assertEquals(best.get("log_loss").asDouble(), pooled.get("log_loss").asDouble(), 1e-6);

        // Same seed, same evaluations, whatever the thread count (short runs).
        List<JsonNode> runs = new ArrayList<>();
        for (String threads : List.of("1", "2")) {
            CliTest.Result again = calibrate(file, votes, "threads-" + threads, 12, "--threads", threads);
            assertEquals(0, again.exitCode(), again.err());
            runs.add(new ObjectMapper().readTree(only(dir.resolve("threads-" + threads + "/synthetic"))
                    .resolve("calibration.json").toFile()).get("evaluations"));
        }
        assertEquals(12, runs.get(0).size());
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void fitsAnObservedTallyWithNelderMead() throws Exception {
        // One item, text 0 against status quo 0.6: members below 0.3 vote yes. A tally of 20-0-0 needs
        // both groups well below 0.3.
        Path file = dir.resolve("synthetic.yaml");
        Files.writeString(file, scenario());
        CliTest.Result result = CliTest.plenary("calibrate", file.toString(), "--tally", "low3=20,0,0",
                "--param", "profiles.groups.G1.position.a=0:1", "--param", "profiles.groups.G2.position.a=0:1",
                "--method", "nelder-mead", "--budget", "30", "--out", dir.resolve("out").toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode best = new ObjectMapper().readTree(only(dir.resolve("out/synthetic")).resolve("calibration.json")
                .toFile()).get("best");
        assertEquals(0, best.get("tally_loss").asDouble(), 1e-9);
        assertTrue(best.get("values").get("profiles.groups.G1.position.a").asDouble() < 0.2);
        assertTrue(best.get("values").get("profiles.groups.G2.position.a").asDouble() < 0.2);
    }

    @Test
    void rangesOutsideAKeysDomainAndOtherBadInputExitTwo() throws Exception {
        Path file = dir.resolve("synthetic.yaml");
        Path votes = syntheticVotes(file);
        CliTest.Result band = CliTest.plenary("calibrate", file.toString(), "--votes", votes.toString(),
                "--param", "decision.abstention_band=0:2", "--out", dir.resolve("out").toString());
        assertEquals(2, band.exitCode());
        assertTrue(band.err().contains("--param decision.abstention_band=0:2") && band.err().contains("domain"),
                band.err());
        CliTest.Result unknown = CliTest.plenary("calibrate", file.toString(), "--votes", votes.toString(),
                "--param", "decision.abstension_band=0:0.1", "--out", dir.resolve("out").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("abstention_band"), unknown.err());
        CliTest.Result nothing = CliTest.plenary("calibrate", file.toString(),
                "--param", "decision.abstention_band=0:0.1", "--out", dir.resolve("out").toString());
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("nothing to fit"), nothing.err());
        CliTest.Result tally = CliTest.plenary("calibrate", file.toString(), "--tally", "lowX=1,2",
                "--param", "decision.abstention_band=0:0.1", "--out", dir.resolve("out").toString());
        assertEquals(2, tally.exitCode());
        assertTrue(tally.err().contains("unknown agenda item 'lowX'"), tally.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
