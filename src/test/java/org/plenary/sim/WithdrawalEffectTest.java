package org.plenary.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.results.RunAggregate;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Whole runs of the schedule on assemblies small enough to follow by hand, with no influence and no
 * noise: positions stay at the ideal points, so every draft is a number computed in the comments.
 */
class WithdrawalEffectTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /**
     * X (capability 2, at 0) objects to every draft above the status quo 0.2; Y (at 1) and Z (at 0.6) never
     * do. The item is voted at round 6; the chair accommodates at 0.2; X withdraws at round 3.
     */
    private static final String ASSEMBLY = """
            name: hand
            seed: 3
            rounds: 6
            dimensions: [{id: a}]
            delegations:
              - {id: X, position: {a: 0.0}, salience: {a: 1}, capability: 2, objection_threshold: 0}
              - {id: Y, position: {a: 1.0}, salience: {a: 1}, capability: 1, objection_threshold: 1}
              - {id: Z, position: {a: 0.6}, salience: {a: 1}, capability: 1, objection_threshold: 1}
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.2}, deadline: 6}
            decision: {rule: vote}
            chair: {accommodation: 0.2}
            influence: {model: none, anchor: 0, noise: 0}
            events:
              - {round: 3, type: withdraw, delegation: X}
            """;

    private ReplicationRecord run(String... sets) throws Exception {
        Scenario scenario = Scenarios.load(dir, ASSEMBLY, sets);
        return Experiment.replicate(scenario, 0, 1);
    }

    @Test
    void objectionsReachTheDraftOneRoundLaterAndTheWithdrawnObjectorsPullEndsAtOnce() throws Exception {
        ReplicationRecord record = run();
        // Round 1: compromise (2 x 0 + 1 + 0.6) / 4 = 0.4; X loses 0.4 - 0.2 > 0 and objects.
        assertEquals(0.4, record.draft(1, 0, 0), EPS);
        assertTrue(record.objecting(1, 0, 0));
        assertEquals(2.0 / 4, record.objectingShare(1, 0), EPS);
        // Round 2: the chair answers round 1's objection: 0.4 + 0.2 (0 - 0.4) = 0.32. X still objects.
        assertEquals(0.32, record.draft(2, 0, 0), EPS);
        assertTrue(record.objecting(2, 0, 0));
        // Round 3: X has withdrawn; by default (drop) the draft is Y and Z's compromise, 0.8, at once.
        assertEquals(0.8, record.draft(3, 0, 0), EPS);
        assertFalse(record.objecting(3, 0, 0));
        assertEquals(0.8, record.draft(5, 0, 0), EPS);
        // Round 6: Y and Z vote yes (0.8 is closer to both than 0.2); X is not counted.
        assertEquals(ItemState.VOTE_ADOPTED, record.finalState(0));
        assertEquals(2, record.vote(0, 0));
        assertEquals(0, record.vote(0, 1));
        assertEquals(0.8, record.textInForce(0, 0), EPS);
    }

    @Test
    void keepingOrDecayingTheConcessionLeavesTheTextWhereTheObjectorHadPulledIt() throws Exception {
        ReplicationRecord kept = run("chair.concessions_on_withdrawal=keep");
        assertEquals(0.8 - 0.08, kept.draft(3, 0, 0), EPS, "the round-2 concession 0.2 (0 - 0.4) stays");
        assertEquals(0.72, kept.textInForce(0, 0), EPS);
        ReplicationRecord decayed = run("chair.concessions_on_withdrawal=decay", "chair.concession_decay=0.5");
        assertEquals(0.8 - 0.04, decayed.draft(3, 0, 0), EPS);
        assertEquals(0.8 - 0.02, decayed.draft(4, 0, 0), EPS);
        assertEquals(0.8 - 0.005, decayed.textInForce(0, 0), EPS, "0.08 halved at rounds 3, 4, 5 and 6");
    }

    @Test
    void summariesReportTheObjectingShareWhenDecidedAndTheTextInForce() throws Exception {
        // Without the withdrawal, X objects up to the vote at round 6, which adopts the text 2-1 over it.
        // With a deadline of 3 and a two-thirds majority, the vote fails to adopt and the status quo stays.
        Scenario scenario = Scenarios.load(dir, ASSEMBLY, "events=[]", "agenda.m.deadline=3", "rounds=6",
                "decision.majority=0.75");
        RunAggregate aggregate = new RunAggregate(scenario);
        ReplicationRecord record = Experiment.replicate(scenario, 0, 1);
        aggregate.add(record);
        assertEquals(ItemState.VOTE_REJECTED, record.finalState(0), "2 yes of 3 is short of 3/4");
        assertEquals(3, record.decidedRound(0));
        assertEquals(0.0, record.objectingShare(6, 0), "flags of a closed item are cleared afterwards");
        assertEquals(0.5, aggregate.objectingShareAtDecision(0).getMean(), EPS, "X's share when it was decided");
        assertEquals(0.2, aggregate.textInForce(0, 0).getMean(), EPS, "rejected: the status quo stays in force");
        assertEquals(0, aggregate.adoptedText(0, 0).getN(), "nothing was adopted");
    }
}
