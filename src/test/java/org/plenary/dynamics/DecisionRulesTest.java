package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * Decisions (docs/ODD.md 7.7) on the second of two items, at the edges of each rule: a loss exactly at the
 * threshold, a majority exactly met, the round of the deadline, bloc pooling that must not reach outsiders.
 * On b the status quo is 0.5 and the draft 0.75: a delegation at 0.25 with salience 1 loses exactly
 * 0.5 - 0.25 = 0.25.
 */
class DecisionRulesTest extends HandComputedCase {
    DecisionRulesTest() {
        super("""
                name: rules
                rounds: 9
                dimensions: [{id: a}, {id: b}]
                agenda:
                  - {id: first, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 9}
                  - {id: second, weights: {b: 1}, status_quo: {b: 0.5}, deadline: 3}
                delegations:
                """, 1);
    }

    private static Assembly atDraft(Scenario s) {
        Assembly a = new Assembly(s);
        a.draft[1 * 2 + 1] = 0.75;
        return a;
    }

    /**
     * X, Y in bloc G and W outside it lose 0.25 each, over their thresholds 0.15; Big (capability 7) gains.
     * Mean capability 10/4 = 2.5; with standing exponent 1, alone each weighs 0.25 x 1/2.5 = 0.1 &lt; 0.15.
     * Pooled, X and Y weigh 0.25 x 2/2.5 = 0.2 &gt; 0.15 with cohesion 1; with W as well it would be 0.3.
     */
    private static final String POOL = """
              - {id: Big, position: {a: 0.5, b: 0.75}, salience: 1, capability: 7}
              - {id: X, groups: [G], position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.15}
              - {id: Y, groups: [G], position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.15}
              - {id: W, groups: [H], position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.15}
            blocs: [{id: G, cohesion: 1}, {id: H, cohesion: 1}]
            """;

    @Test
    void aBlocLendsStandingToItsHurtMembersAndToNoOneElse() throws Exception {
        Scenario s = scenario(POOL, "decision.standing_exponent=1");
        Assembly a = atDraft(s);
        a.setRound(1);
        new DecisionMaking(s.decision()).step(a, random);
        assertArrayEquals(new boolean[] {false, true, true, false}, Arrays.copyOfRange(a.objecting, 4, 8),
                "X and Y object together; W, alone in H, cannot");
        assertEquals(0.2, a.objectingShare[1], EPS, "2 of 10 capability");
        assertEquals(ItemState.OPEN, a.itemState[1]);
        assertEquals(ItemState.CONSENSUS, a.itemState[0], "nobody loses on the first item");
        assertEquals(0, a.objectingShare[0]);
    }

    @Test
    void pooledPressureExactlyAtTheMeanThresholdIsNotEnough() throws Exception {
        // Thresholds 0.2: pooled 0.25 x 2/2.5 = 0.2, not above 0.2.
        Scenario s = scenario(POOL.replace("0.15", "0.2"), "decision.standing_exponent=1");
        Assembly a = atDraft(s);
        a.setRound(1);
        new DecisionMaking(s.decision()).step(a, random);
        assertEquals(0, a.objectingShare[1]);
        assertEquals(ItemState.CONSENSUS, a.itemState[1]);
    }

    @Test
    void aLossExactlyAtTheThresholdIsTolerated() throws Exception {
        // Equal capabilities: standing 1. X loses 0.25 against its threshold 0.25; Y, 0.25 against 0.24.
        Scenario s = scenario("""
                  - {id: X, position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.25}
                  - {id: Y, position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.24}
                """);
        Assembly a = atDraft(s);
        a.setRound(1);
        DecisionMaking decision = new DecisionMaking(s.decision());
        decision.step(a, random);
        assertArrayEquals(new boolean[] {false, true}, Arrays.copyOfRange(a.objecting, 2, 4));
        assertEquals(0.5, a.objectingShare[1], EPS);
        // The chair's next draft no longer hurts Y: its objection of last round is not kept.
        a.draft[1 * 2 + 1] = 0.5;
        a.setRound(2);
        decision.step(a, random);
        assertArrayEquals(new boolean[] {false, false}, Arrays.copyOfRange(a.objecting, 2, 4));
        assertEquals(ItemState.CONSENSUS, a.itemState[1]);
        assertEquals(2, a.decidedRound[1]);
    }

    @Test
    void theFallbackComesInTheDeadlineRoundNotBefore() throws Exception {
        Scenario s = scenario("""
                  - {id: X, position: {a: 0.5, b: 0.25}, salience: 1, objection_threshold: 0.1}
                  - {id: Y, position: {a: 0.5, b: 0.9}, salience: 1}
                  - {id: Z, position: {a: 0.5, b: 0.9}, salience: 1}
                """);
        Assembly a = atDraft(s);
        DecisionMaking decision = new DecisionMaking(s.decision());
        a.setRound(2);
        decision.step(a, random);
        assertEquals(ItemState.OPEN, a.itemState[1], "X objects and the deadline is round 3");
        a.setRound(3);
        decision.step(a, random);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[1], "Y and Z against X: 2 to 1");
        assertEquals(3, a.decidedRound[1]);
        assertArrayEquals(new int[] {2, 1, 0}, Arrays.copyOfRange(a.votes, 3, 6));
        assertArrayEquals(new int[] {-1, 1, 1}, Arrays.copyOfRange(a.ballots, 3, 6));
        // Closed: the next round clears its objectors.
        a.setRound(4);
        decision.step(a, random);
        assertArrayEquals(new boolean[] {false, false, false}, Arrays.copyOfRange(a.objecting, 3, 6));
    }

    @Test
    void closingOneItemLeavesAnotherItemsObjectorsOnRecord() throws Exception {
        // X objects to the first item (its draft 0.75 on a, status quo 0.5); the second item closed earlier.
        Scenario s = scenario("""
                  - {id: X, position: {a: 0.25, b: 0.5}, salience: 1, objection_threshold: 0.1}
                  - {id: Y, position: {a: 0.75, b: 0.5}, salience: 1}
                """);
        Assembly a = new Assembly(s);
        a.draft[0] = 0.75;
        a.itemState[1] = ItemState.CONSENSUS;
        a.setRound(1);
        new DecisionMaking(s.decision()).step(a, random);
        assertEquals(java.util.List.of("X"), a.objectors(0));
        assertEquals(ItemState.OPEN, a.itemState[0]);
    }

    @Test
    void aRoomWhereNobodyTakesPartHasNoObjectingShare() throws Exception {
        Scenario s = scenario("""
                  - {id: X, position: {a: 0.5, b: 0.25}, salience: 1}
                """);
        Assembly a = atDraft(s);
        a.withdrawn[0] = true;
        a.setRound(1);
        new DecisionMaking(s.decision()).step(a, random);
        assertEquals(0.0, a.objectingShare[1]);
        assertEquals(ItemState.OPEN, a.itemState[1], "an empty room agrees to nothing");
    }

    @Test
    void aMajorityExactlyMetAdoptsAndTheQuorumCountsEveryonePresent() {
        assertTrue(DecisionMaking.adopts(0.75, 3, 1), "3 >= 0.75 x 4");
        assertFalse(DecisionMaking.adopts(0.75, 2, 1), "2 < 0.75 x 3");
        assertFalse(DecisionMaking.adopts(0.5, 2, 2), "a tie is not adopted");
        Scenario.Decision rule = new Scenario.Decision(Scenario.Rule.VOTE, Scenario.Fallback.VOTE, 0.5, 0.5, 0, 0.5, 0.02,
                Scenario.VoteModel.THRESHOLD, null);
        // Present 1 + 1 + 1 = 3 of 6 accredited meets the quorum 0.5 exactly.
        assertEquals(ItemState.VOTE_REJECTED, DecisionMaking.outcome(rule, new int[] {1, 1, 1, 6}));
        assertEquals(ItemState.NO_QUORUM, DecisionMaking.outcome(rule, new int[] {1, 1, 0, 5}), "2 of 5 present");
        assertEquals(ItemState.VOTE_ADOPTED, DecisionMaking.outcome(rule, new int[] {2, 1, 0, 6}));
        assertEquals(ItemState.NO_QUORUM, DecisionMaking.outcome(rule, new int[] {0, 0, 0, 0}), "nobody accredited");
    }
}
