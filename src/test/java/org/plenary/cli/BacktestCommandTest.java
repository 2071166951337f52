package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** plenary backtest as a user runs it: scores, files, and every kind of bad votes file. */
class BacktestCommandTest {
    @TempDir
    Path dir;

    private Path scenario() {
        return Scenarios.write(dir, "ballots.yaml", Scenarios.BALLOTS);
    }

    /**
     * On Scenarios.BALLOTS' tabled left-text the model has L1 L2 yes, M abstain, R1 R2 no, W absent.
     * Observed: L1 yes, L2 yes, M abstain, R1 yes (the model says no), R2 no; W has no row. Accuracy 4/5;
     * observed shares yes 3/5, no 1/5, abstain 1/5; predicted yes 2/5, no 2/5, abstain 1/5:
     * p_e = 6/25 + 2/25 + 1/25 = 9/25, kappa = (20/25 - 9/25) / (16/25) = 11/16. The model is certain
     * everywhere, so log-loss = -ln(0.01) / 5. Majority (yes) right on 3 of 5. Bloc baseline: L1 and
     * L2 see each other (yes, right), R1 sees R2 (no, wrong), R2 sees R1 (yes, wrong), M gets the
     * majority (yes, wrong): 2 of 5.
     */
    @Test
    void scoresWritesFilesAndPrintsJson() throws Exception {
        Path votes = Scenarios.write(dir, "votes.csv", """
                item,delegation,vote,note
                left-text,L1,yes,
                left-text,L2,yes,extra columns are ignored
                left-text,M,abstain,
                left-text,R1,yes,
                left-text,R2,no,
                """);
        CliTest.Result result = CliTest.plenary("backtest", scenario().toString(), "--votes", votes.toString(),
                "--out", dir.resolve("out").toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode pooled = json.get("pooled");
        assertEquals(5, pooled.get("n").asInt());
        assertEquals(0.8, pooled.get("accuracy").asDouble(), 1e-6);
        assertEquals(11.0 / 16, pooled.get("kappa").asDouble(), 1e-6);
        assertEquals(-Math.log(0.01) / 5, pooled.get("log_loss").asDouble(), 1e-6);
        assertEquals(0.6, pooled.get("baseline_majority").asDouble(), 1e-6);
        assertEquals(0.4, pooled.get("baseline_bloc").asDouble(), 1e-6);
        assertEquals("left-text", json.get("items").get(0).get("item").asText());

        Path run;
        try (var runs = Files.list(dir.resolve("out/ballots"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<CSVRecord> rows;
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(run.resolve("backtest.csv")))) {
            assertEquals(List.of("item", "delegation", "observed", "p_yes", "p_no", "p_abstain", "predicted"),
                    parser.getHeaderNames());
            rows = parser.getRecords();
        }
        assertEquals(5, rows.size());
        CSVRecord r1 = rows.get(3);
        assertEquals(List.of("left-text", "R1", "yes", "0", "1", "0", "no"), r1.toList());
        JsonNode detail = new ObjectMapper().readTree(run.resolve("backtest.json").toFile());
        assertEquals(1, detail.get("pooled").get("confusion_observed_by_predicted").get("yes").get("no").asInt());
        assertEquals("R1", detail.get("worst").get(0).get("delegation").asText());
        assertTrue(Files.exists(run.resolve("charts/backtest-scores.png")));
        assertTrue(Files.exists(run.resolve("charts/backtest-confusion.png")));
    }

    /** An earlier roll call of left-text: L1 yes, L2 no, M abstain, R1 yes; R2 absent. */
    private Path previousLeftText() {
        return Scenarios.write(dir, "previous.csv", """
                item,delegation,vote
                left-text,L1,yes
                left-text,L2,no
                left-text,M,abstain
                left-text,R1,yes
                """);
    }

    private Path observedLeftText() {
        return Scenarios.write(dir, "votes.csv", """
                item,delegation,vote
                left-text,L1,yes
                left-text,L2,yes
                left-text,M,abstain
                left-text,R1,yes
                left-text,R2,no
                """);
    }

    /**
     * The votes of scoresWritesFilesAndPrintsJson. Brier: the model is certain and wrong only on R1
     * ((0 - 1)^2 + (1 - 0)^2 = 2), so 2/5. Persistence, from an earlier roll call L1 yes, L2 no,
     * M abstain, R1 yes and R2 absent (so the earlier majority, yes): right on L1, M, R1 (3/5),
     * wrong on L2 and R2; log-loss 2 ln 100 / 5, Brier 4/5; predicted shares yes 3/5, no 1/5,
     * abstain 1/5 against observed 3/5, 1/5, 1/5: p_e = 11/25, kappa = (15 - 11)/(25 - 11) = 2/7.
     * Reliability of "yes": p_yes = 1 for L1, L2 (both yes: observed 1); p_yes = 0 for M, R1, R2
     * (R1 voted yes: observed 1/3).
     */
    @Test
    void persistenceBaselineBrierScoreAndReliability() throws Exception {
        Path previous = previousLeftText();
        CliTest.Result result = CliTest.plenary("backtest", scenario().toString(), "--votes",
                observedLeftText().toString(), "--previous", previous.toString(), "--out", dir.resolve("out").toString(),
                "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode pooled = new ObjectMapper().readTree(result.out()).get("pooled");
        assertEquals(0.4, pooled.get("brier").asDouble(), 1e-6);
        JsonNode persistence = pooled.get("persistence");
        assertEquals(0.6, persistence.get("accuracy").asDouble(), 1e-6);
        assertEquals(2.0 / 7, persistence.get("kappa").asDouble(), 1e-6);
        assertEquals(-2 * Math.log(0.01) / 5, persistence.get("log_loss").asDouble(), 1e-6);
        assertEquals(0.8, persistence.get("brier").asDouble(), 1e-6);

        Path run;
        try (var runs = Files.list(dir.resolve("out/ballots"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode reliability = new ObjectMapper().readTree(run.resolve("backtest.json").toFile()).get("reliability");
        JsonNode low = reliability.get(0);
        JsonNode high = reliability.get(1);
        assertEquals("yes", low.get("vote").asText());
        assertEquals(3, low.get("n").asInt());
        assertEquals(0.0, low.get("mean_predicted").asDouble(), 1e-9);
        assertEquals(1.0 / 3, low.get("observed").asDouble(), 1e-6);
        assertEquals(2, high.get("n").asInt());
        assertEquals(1.0, high.get("observed").asDouble(), 1e-9);
        assertTrue(Files.exists(run.resolve("charts/backtest-reliability.png")));

        CliTest.Result text = CliTest.plenary("backtest", scenario().toString(), "--votes",
                observedLeftText().toString(), "--previous", previous.toString(), "--out", dir.resolve("out2").toString());
        assertTrue(text.out().contains("persistence baseline"), text.out());
    }

    /**
     * decision.logit.history with alpha 0 and every repeat weight ln 8: the model's (certain) probabilities
     * are ignored and each delegation repeats its earlier vote with 8 / (8 + 1 + 1) = 0.8, the other votes
     * 0.1 each; R2, absent then, gets 1/3 each. Against the earlier roll call of the test above, right on
     * L1, M, R1 (0.8 each), L2 switched from no (0.1), R2 voted no (1/3): log-loss
     * (3 ln 1.25 + ln 10 + ln 3) / 5. Without --previous nothing is pooled.
     */
    @Test
    void theModelPooledWithThePreviousVoteByTheScenariosHistoryWeights() throws Exception {
        Path previous = previousLeftText();
        double rho = Math.log(8);
        Path file = Scenarios.write(dir, "history.yaml", Scenarios.BALLOTS.replace("abstention_band: 0.05}",
                "abstention_band: 0.05, logit: {history: {alpha: 0, repeat: {yes: " + rho + ", no: " + rho
                        + ", abstain: " + rho + "}}}}"));
        CliTest.Result result = CliTest.plenary("backtest", file.toString(), "--votes", observedLeftText().toString(),
                "--previous", previous.toString(), "--out", dir.resolve("out").toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode pooled = new ObjectMapper().readTree(result.out()).get("pooled").get("with_previous_vote");
        assertEquals((3 * Math.log(1.25) + Math.log(10) + Math.log(3)) / 5, pooled.get("log_loss").asDouble(), 1e-6);
        assertEquals(0.6, pooled.get("accuracy").asDouble(), 1e-6);
        CliTest.Result without = CliTest.plenary("backtest", file.toString(), "--votes", observedLeftText().toString(),
                "--out", dir.resolve("out2").toString(), "--json");
        assertFalse(new ObjectMapper().readTree(without.out()).get("pooled").has("with_previous_vote"));
        CliTest.Result misspelt = CliTest.plenary("backtest", Scenarios.write(dir, "bad.yaml",
                Files.readString(file).replace("repeat: {yes", "repeat: {yse")).toString(), "--votes",
                observedLeftText().toString(), "--out", dir.resolve("out3").toString());
        assertEquals(2, misspelt.exitCode());
        assertTrue(misspelt.err().contains("bad.yaml") && misspelt.err().contains("decision.logit.history.repeat.yse")
                && misspelt.err().contains("expected one of: yes, no, abstain"), misspelt.err());
        assertFalse(Files.exists(dir.resolve("out3")), "nothing written");
    }

    @Test
    void aPreviousRollCallMustCoverEveryScoredItem() {
        Path previous = Scenarios.write(dir, "previous.csv", "item,delegation,vote\ndrafted,L1,yes\n");
        CliTest.Result result = CliTest.plenary("backtest", scenario().toString(), "--votes",
                observedLeftText().toString(), "--previous", previous.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("previous.csv") && result.err().contains("has no ballots on 'left-text'"),
                result.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void theReferenceFormatNamesItemsByTheirUnSymbol() throws Exception {
        Path file = Scenarios.write(dir, "un.yaml", Scenarios.BALLOTS.replace("left-text", "A-RES-73-27"));
        Path votes = Scenarios.write(dir, "un.csv", """
                resolution,date,iso3,vote
                A/RES/73/27,2018-12-05,L1,yes
                A/RES/73/27,2018-12-05,R2,no
                """);
        CliTest.Result result = CliTest.plenary("backtest", file.toString(), "--votes", votes.toString(),
                "--out", dir.resolve("out").toString(), "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1.0, new ObjectMapper().readTree(result.out()).get("pooled").get("accuracy").asDouble());
    }

    @Test
    void badVotesFilesExitTwoWithFileLineAndFieldAndWriteNothing() {
        Path votes = Scenarios.write(dir, "bad.csv", """
                item,delegation,vote
                left-txt,L1,yes
                left-text,L3,yes
                left-text,M,maybe
                left-text,R1,no
                left-text,R1,yes
                """);
        CliTest.Result result = CliTest.plenary("backtest", scenario().toString(), "--votes", votes.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, result.exitCode());
        String err = result.err();
        assertTrue(err.contains("bad.csv:2: item: unknown agenda item 'left-txt' (did you mean 'left-text'?)"), err);
        assertTrue(err.contains("bad.csv:3: delegation: unknown delegation 'L3' (did you mean 'L1'?)"), err);
        assertTrue(err.contains("bad.csv:4: vote: must be yes, no or abstain, got 'maybe'"), err);
        assertTrue(err.contains("bad.csv:6: delegation: duplicate ballot of 'R1' on 'left-text' (first on line 5)"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    /** Like a run's: a manifest that says how to remake it, and a report that 'plenary report' can rewrite. */
    @Test
    void writesAManifestAndAReportThatPlenaryReportRewrites() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Result result = CliTest.plenary("backtest", scenario().toString(), "--votes",
                observedLeftText().toString(), "--out", out.toString(), "--seed", "11", "--threads", "1");
        assertEquals(0, result.exitCode(), result.err());
        Path run;
        try (var runs = Files.list(out.resolve("ballots"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals("ballots", manifest.get("scenario_name").asText());
        assertEquals(11, manifest.get("master_seed").asLong());
        assertEquals(1, manifest.get("threads").asInt());
        int replications = manifest.get("parameters").get("replications").asInt();
        assertEquals(replications, manifest.get("replication_seeds").size());
        assertEquals(org.plenary.sim.Seeds.forReplication(11, 0, 1),
                manifest.get("replication_seeds").get(0).get("seed").asLong(), "the seed replication 1 ran with");
        assertTrue(manifest.get("command_line").toString().contains("--votes"), manifest.toString());

        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Plenary backtest: ballots"), report);
        assertTrue(report.contains("<td>pooled</td><td class=\"num\">5</td><td class=\"num\">0.800</td><td class=\"num\">0.688</td>"), "accuracy 4/5, kappa"
                + " 11/16 (see scoresWritesFilesAndPrintsJson)");
        assertTrue(report.contains("backtest confusion") && report.contains("master_seed"), report);

        Files.delete(run.resolve("report.html"));
        CliTest.Result rewritten = CliTest.plenary("report", run.toString());
        assertEquals(0, rewritten.exitCode(), rewritten.err());
        assertEquals(report, Files.readString(run.resolve("report.html")), "rebuilt from the saved files alone");

        CliTest.Result compare = CliTest.plenary("compare", run.toString(), run.toString(),
                "--out", dir.resolve("cmp").toString());
        assertEquals(2, compare.exitCode());
        assertTrue(compare.err().contains("is a backtest directory"), compare.err());
    }

    @Test
    void aVoteInTheWrongCaseAndAnUnknownStateGetShortHints() {
        Path votes = Scenarios.write(dir, "votes.csv", """
                resolution,iso3,vote
                A/RES/73/27,USA,Yes
                A/RES/73/27,FRA,maybe
                A/RES/73/27,GBX,no
                """);
        CliTest.Result result = CliTest.plenary("backtest", "scenarios/unga-ict-2018.yaml", "--votes",
                votes.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, result.exitCode());
        String err = result.err();
        assertTrue(err.contains("votes.csv:2: vote: must be yes, no or abstain, got 'Yes' (did you mean 'yes'?)"), err);
        assertTrue(err.contains("votes.csv:3: vote: must be yes, no or abstain, got 'maybe' (leave out delegations"
                + " that were absent)"), err);
        String unknown = err.lines().filter(line -> line.contains("unknown delegation 'GBX'")).findFirst().orElseThrow();
        assertTrue(unknown.contains("did you mean 'GBR'"), unknown);

        Path far = Scenarios.write(dir, "far.csv", "resolution,iso3,vote\nA/RES/73/27,QQQQQ,no\n");
        String farErr = CliTest.plenary("backtest", "scenarios/unga-ict-2018.yaml", "--votes", far.toString(),
                "--out", dir.resolve("out").toString()).err();
        String line = farErr.lines().filter(l -> l.contains("unknown delegation 'QQQQQ'")).findFirst().orElseThrow();
        assertTrue(line.contains("(closest of 194: "), line);
        assertEquals(8, line.substring(line.indexOf("closest of")).split(",").length, "8 codes, not 194: " + line);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void anItemThatIsNeverVotedOnIsRefused() {
        Path file = Scenarios.write(dir, "consensus.yaml",
                Scenarios.BALLOTS.replace("rule: vote,", "rule: consensus, fallback: fail,"));
        Path votes = Scenarios.write(dir, "votes.csv", "item,delegation,vote\nleft-text,L1,yes\n");
        CliTest.Result result = CliTest.plenary("backtest", file.toString(), "--votes", votes.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("votes.csv:2: item: 'left-text' can never be put to a vote"), result.err());
    }

    @Test
    void aTabledTextMustGiveExactlyTheWeightedDimensions() {
        List<String> problems = Scenarios.problems(dir, Scenarios.BALLOTS.replace("text: {a: 0.2}", "text: {a: 1.5}"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("agenda[left-text].text.a")), problems.toString());
    }
}
