package org.plenary.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.model.Ballot;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** Ballots come from the model's own vote: hand-derived on a tabled text, and consistent with the tallies. */
class BallotsTest {
    @TempDir
    Path dir;

    @Test
    void theVoteRecordsEachDelegationsBallot() throws Exception {
        Scenario scenario = Scenarios.load(dir, Scenarios.BALLOTS);
        ReplicationRecord record = Experiment.replicate(scenario, 0, 1);
        Ballot[] expected = {Ballot.YES, Ballot.YES, Ballot.ABSTAIN, Ballot.NO, Ballot.NO, Ballot.ABSENT, null};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], record.ballot(0, i), scenario.delegations().get(i).id());
        }
        assertEquals(2, record.vote(0, 0));
        assertEquals(2, record.vote(0, 1));
        assertEquals(1, record.vote(0, 2));
        assertEquals("vote-rejected", record.finalState(0).label());
        assertEquals(3, record.decidedRound(0));
        for (int t = 0; t <= scenario.rounds(); t++) {
            assertEquals(0.2, record.draft(t, 0, 0), 1e-12, "a tabled text is never redrafted (round " + t + ")");
        }
        assertTrue(record.draft(4, 1, 0) != 0.5, "the chair drafts the other item");
    }

    @Test
    void ballotsCsvAgreesWithVotesCsvAtTheSmallestKeepLevel() throws Exception {
        Path file = Scenarios.write(dir, "ballots.yaml", Scenarios.BALLOTS);
        int code = Main.commandLine().execute("run", file.toString(), "--keep", "none", "--out", dir.resolve("out").toString());
        assertEquals(0, code);
        Path run;
        try (var runs = Files.list(dir.resolve("out/ballots"))) {
            run = runs.findFirst().orElseThrow();
        }
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Ballots by bloc"), "the report splits ballots by bloc");
        // Group L (L1, L2) votes yes twice on left-text in every replication; R (R1, R2) no twice.
        assertTrue(report.contains("<td>left-text</td><td>L</td><td class=\"num\">2</td><td class=\"num\">2.000</td>"
                + "<td class=\"num\">0.000</td>"), report);
        assertTrue(report.contains("<td>left-text</td><td>R</td><td class=\"num\">2</td><td class=\"num\">0.000</td>"
                + "<td class=\"num\">2.000</td>"), report);
        List<CSVRecord> ballots = read(run.resolve("ballots.csv"));
        List<CSVRecord> votes = read(run.resolve("votes.csv"));
        assertEquals(2 * 3, votes.size(), "two items voted in three replications");
        assertEquals(2 * 3 * 6, ballots.size(), "six voting delegations per vote; S has no ballot");
        Map<String, int[]> counted = new HashMap<>();
        for (CSVRecord ballot : ballots) {
            int[] tally = counted.computeIfAbsent(ballot.get("replication") + "/" + ballot.get("item") + "/"
                    + ballot.get("round"), key -> new int[4]);
            tally[List.of("yes", "no", "abstain", "absent").indexOf(ballot.get("vote"))]++;
            assertTrue(!ballot.get("delegation").equals("W") || ballot.get("vote").equals("absent"));
        }
        for (CSVRecord vote : votes) {
            int[] tally = counted.get(vote.get("replication") + "/" + vote.get("item") + "/" + vote.get("round"));
            assertEquals(Integer.parseInt(vote.get("yes")), tally[0], vote.toString());
            assertEquals(Integer.parseInt(vote.get("no")), tally[1], vote.toString());
            assertEquals(Integer.parseInt(vote.get("abstain")), tally[2], vote.toString());
            assertEquals(1, tally[3], "W is absent");
        }
    }

    @Test
    void anItemNeverVotedOnHasNoBallots() throws Exception {
        Scenario scenario = Scenarios.load(dir, Scenarios.BALLOTS.replace("rule: vote,", "rule: consensus, fallback: fail,"));
        ReplicationRecord record = Experiment.replicate(scenario, 0, 1);
        for (int i = 0; i < scenario.delegations().size(); i++) {
            assertNull(record.ballot(0, i));
        }
    }

    static List<CSVRecord> read(Path file) throws Exception {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }
}
