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

    /**
     * One dimension, no influence and no noise, so positions stay at the ideal points. On the tabled
     * text 0.2 against the status quo 0.6 (abstention band 0.05): L1 (0.1) is 0.1 from the text and
     * 0.5 from the status quo, yes; L2 (0.2) yes; M (0.4) is 0.2 from both, abstains; R1 (0.8) and
     * R2 (0.9) are closer to the status quo, no; W withdrew at round 2, absent; S has no vote, no
     * ballot. Tally 2-2-1: not adopted (yes must exceed no).
     */
    static final String SCENARIO = """
            name: ballots
            seed: 7
            rounds: 4
            replications: 3
            dimensions: [{id: a}]
            delegations:
              - {id: L1, groups: [L], position: {a: 0.1}}
              - {id: L2, groups: [L], position: {a: 0.2}}
              - {id: M, position: {a: 0.4}}
              - {id: R1, groups: [R], position: {a: 0.8}}
              - {id: R2, groups: [R], position: {a: 0.9}}
              - {id: W, position: {a: 0.15}}
              - {id: S, position: {a: 0.1}, votes: false}
            agenda:
              - {id: left-text, weights: {a: 1}, status_quo: {a: 0.6}, text: {a: 0.2}, deadline: 3}
              - {id: drafted, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
            decision: {rule: vote, majority: 0.5, quorum: 0.5, abstention_band: 0.05}
            influence: {model: none, noise: 0}
            events: [{round: 2, type: withdraw, delegation: W}]
            """;

    @Test
    void theVoteRecordsEachDelegationsBallot() throws Exception {
        Scenario scenario = Scenarios.load(dir, SCENARIO);
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
        Path file = Scenarios.write(dir, "ballots.yaml", SCENARIO);
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
        Scenario scenario = Scenarios.load(dir, SCENARIO.replace("rule: vote,", "rule: consensus, fallback: fail,"));
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
