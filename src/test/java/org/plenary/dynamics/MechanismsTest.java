package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/** Each mechanism on a case small enough to compute by hand. */
class MechanismsTest extends HandComputedCase {
    MechanismsTest() {
        super("""
                name: hand
                rounds: 10
                dimensions: [{id: a}]
                """, 1);
    }

    private Assembly assembly(String body, String... sets) throws Exception {
        return new Assembly(scenario(body, sets));
    }

    /** A chair accommodating negotiating positions that keeps concessions owed to withdrawn delegations. */
    static Scenario.Chair keepingChair(double accommodation) {
        return new Scenario.Chair(accommodation, Scenario.AccommodationTarget.POSITION,
                Scenario.ConcessionsOnWithdrawal.KEEP, 0.2);
    }

    private static final String ONE_ITEM = """
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
            """;

    @Test
    void compromiseDraftIsTheCapabilityTimesSalienceWeightedMean() throws Exception {
        Assembly a = assembly("""
                delegations:
                  - {id: X, position: {a: 0.2}, salience: {a: 0.5}, capability: 3}
                  - {id: Y, position: {a: 0.8}, salience: {a: 1.0}, capability: 1}
                """ + ONE_ITEM);
        new ChairDrafting(keepingChair(0.2)).step(a, random);
        assertEquals((1.5 * 0.2 + 1.0 * 0.8) / 2.5, a.draft[0], EPS);
    }

    @Test
    void aDelegationOutsideToleranceIsNotInfluenced() throws Exception {
        Assembly a = assembly("""
                delegation_defaults: {tolerance: 0.1, openness: 1}
                delegations:
                  - {id: X, position: {a: 0.10}, salience: {a: 1}}
                  - {id: Y, position: {a: 0.15}, salience: {a: 1}}
                  - {id: Z, position: {a: 0.90}, salience: {a: 1}}
                """);
        new HegselmannKrause(1.0, 0.0, 0.0, 0.0).step(a, random);
        assertEquals(0.125, a.position[0], EPS);
        assertEquals(0.125, a.position[1], EPS);
        assertEquals(0.90, a.position[2], EPS, "Z hears nobody within 0.1 and nobody hears Z");
    }

    @Test
    void influenceMovesByOpennessRateAndSalienceResistanceAndTheAnchorPullsBack() throws Exception {
        Assembly a = assembly("""
                delegation_defaults: {tolerance: 1, openness: 0.5}
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 0.5}}
                  - {id: Y, position: {a: 1.0}, salience: {a: 0.5}}
                """);
        new HegselmannKrause(0.4, 0.1, 0.0, 0.5).step(a, random);
        // mean 0.5; step = 0.5 * 0.4 * (1 - 0.5 * 0.5) * 0.5 = 0.075; anchor pulls 0.1 * (0 - 0) = 0.
        assertEquals(0.075, a.position[0], EPS);
        assertEquals(0.925, a.position[1], EPS);
    }

    @Test
    void disengagingFromADimensionStopsPersuasionThere() throws Exception {
        Scenario s = scenario("""
                delegation_defaults: {tolerance: 1, openness: 1}
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 1}}
                  - {id: Y, position: {a: 1.0}, salience: {a: 1}}
                events:
                  - {round: 1, type: disengage, delegation: Y, dimensions: [a]}
                """);
        Assembly a = new Assembly(s);
        a.setRound(1);
        new EventSchedule(s.events()).step(a, random);
        assertEquals(0.0, a.activeSalience[1]);
        new HegselmannKrause(1.0, 0.0, 0.0, 0.0).step(a, random);
        assertEquals(0.0, a.position[0], EPS, "Y carries no weight on a dimension it left");
        assertEquals(0.0, a.position[1], EPS, "Y itself still listens to X");
    }

    @Test
    void deffuantMeetingMovesBothToTheMidpointWithConvergenceOneHalf() throws Exception {
        Assembly a = assembly("""
                delegation_defaults: {tolerance: 0.5, openness: 1}
                delegations:
                  - {id: X, position: {a: 0.3}, salience: {a: 1}}
                  - {id: Y, position: {a: 0.5}, salience: {a: 1}}
                """);
        new Deffuant(0.5, 0.0, 0.0, 0.5).step(a, random);
        assertEquals(0.4, a.position[0], EPS);
        assertEquals(0.4, a.position[1], EPS);
    }

    @Test
    void blocMembersMoveTowardTheirCommonPosition() throws Exception {
        Assembly a = assembly("""
                delegation_defaults: {openness: 0.5}
                delegations:
                  - {id: X, groups: [G], position: {a: 0.0}, salience: {a: 1}, capability: 3}
                  - {id: Y, groups: [G], position: {a: 1.0}, salience: {a: 1}, capability: 1}
                  - {id: Z, position: {a: 1.0}}
                blocs: [{id: G, cohesion: 0.4}]
                """);
        new BlocCoordination().step(a, random);
        // common position 0.25; step kappa * openness = 0.2
        assertEquals(0.05, a.position[0], EPS);
        assertEquals(0.85, a.position[1], EPS);
        assertEquals(1.0, a.position[2], EPS);
    }

    @Test
    void aSingleObjectorAboveItsThresholdBlocksConsensus() throws Exception {
        String delegations = """
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 1}, objection_threshold: %s}
                  - {id: Y, position: {a: 0.8}, salience: {a: 1}, objection_threshold: 1}
                """;
        Assembly blocked = assembly(delegations.formatted("0.2") + ONE_ITEM);
        blocked.setRound(1);
        blocked.draft[0] = 0.8;
        new DecisionMaking(scenario(delegations.formatted("0.2") + ONE_ITEM).decision()).step(blocked, random);
        // X's loss: |0 - 0.8| - |0 - 0.5| = 0.3 > 0.2, with standing (1 / 1)^0.5 = 1
        assertEquals(ItemState.OPEN, blocked.itemState[0]);
        assertEquals(List.of("X"), blocked.objectors(0));
        assertEquals(0.5, blocked.objectingShare[0], EPS);

        Assembly passes = assembly(delegations.formatted("0.35") + ONE_ITEM);
        passes.setRound(1);
        passes.draft[0] = 0.8;
        new DecisionMaking(scenario(delegations.formatted("0.35") + ONE_ITEM).decision()).step(passes, random);
        assertEquals(ItemState.CONSENSUS, passes.itemState[0]);
        assertEquals(1, passes.decidedRound[0]);
    }

    @Test
    void aBlocLendsStandingOnlyToMembersHurtBeyondTheirThresholds() throws Exception {
        // Draft 0.8 against status quo 0.5. S1, S2 (at 0) lose 0.3 each, above their threshold 0.2; M (at 0.6)
        // loses 0.2 - 0.1 = 0.1, below it. Mean capability (2 + 2 + 2 + 14) / 4 = 5.
        String body = """
                delegations:
                  - {id: S1, groups: [G], position: {a: 0.0}, salience: {a: 1}, capability: 2, objection_threshold: 0.2}
                  - {id: S2, groups: [G], position: {a: 0.0}, salience: {a: 1}, capability: 2, objection_threshold: 0.2}
                  - {id: M, groups: [G], position: {a: 0.6}, salience: {a: 1}, capability: 2, objection_threshold: 0.2}
                  - {id: B, position: {a: 0.8}, salience: {a: 1}, capability: 14, objection_threshold: 1}
                blocs: [{id: G, cohesion: %s}]
                """ + ONE_ITEM;
        // Alone: 0.3 * sqrt(2 / 5) = 0.190 < 0.2. Pooled, S1 and S2: kappa * 0.3 * sqrt(4 / 5) = kappa * 0.268.
        assertEquals(List.of(), objectorsAtDraft(body.formatted("0"), 0.8));
        assertEquals(List.of("S1", "S2"), objectorsAtDraft(body.formatted("1"), 0.8),
                "the hurt members object together; M, hurt less than its threshold, does not");
        assertEquals(List.of(), objectorsAtDraft(body.formatted("0.7"), 0.8), "0.7 * 0.268 = 0.188 < 0.2");
    }

    @Test
    void aLargeBlocDoesNotBlockOnLossesBelowItsMembersThresholds() throws Exception {
        // Ten heavy members at 0.45 each lose 0.07 - 0.05 = 0.02 on a draft at 0.52: below their 0.05.
        StringBuilder body = new StringBuilder("delegations:\n");
        for (int i = 0; i < 10; i++) {
            body.append("  - {id: M").append(i).append(", groups: [G], position: {a: 0.45}, salience: {a: 1},"
                    + " capability: 10, objection_threshold: 0.05}\n");
        }
        body.append("  - {id: B, position: {a: 0.6}, salience: {a: 1}, capability: 1}\n");
        body.append("blocs: [{id: G, cohesion: 1}]\n").append(ONE_ITEM);
        assertEquals(List.of(), objectorsAtDraft(body.toString(), 0.52));
    }

    private List<String> objectorsAtDraft(String body, double draft) throws Exception {
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        a.setRound(1);
        a.draft[0] = draft;
        new DecisionMaking(s.decision()).step(a, random);
        return a.objectors(0);
    }

    @Test
    void theChairAccommodatesSustainedObjectors() throws Exception {
        Assembly a = assembly("""
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 1}}
                  - {id: Y, position: {a: 1.0}, salience: {a: 1}}
                """ + ONE_ITEM);
        ChairDrafting chair = new ChairDrafting(keepingChair(0.5));
        chair.step(a, random);
        assertEquals(0.5, a.draft[0], EPS);
        a.objecting[0] = true; // X objected in the last decision round
        chair.step(a, random);
        // concession = 0.5 * (0 - 0.5) = -0.25, added to the unchanged compromise 0.5
        assertEquals(-0.25, a.concession[0], EPS);
        assertEquals(0.25, a.draft[0], EPS);
        a.objecting[0] = false;
        chair.step(a, random);
        assertEquals(0.25, a.draft[0], EPS, "concessions persist once made");
    }

    @Test
    void votesCountOneDelegationOneVoteWithMajorityAndQuorum() throws Exception {
        String body = """
                delegations:
                  - {id: X, position: {a: 0.9}, capability: 100}
                  - {id: Y, position: {a: 0.8}}
                  - {id: Z, position: {a: 0.0}}
                """ + ONE_ITEM;
        Assembly a = assembly(body);
        a.draft[0] = 0.8; // X and Y prefer the draft to the status quo 0.5; Z prefers the status quo
        assertEquals(ItemState.VOTE_ADOPTED, new DecisionMaking(scenario(body).decision()).vote(a, 0));
        assertArrayEquals(new int[] {2, 1, 0}, java.util.Arrays.copyOf(a.votes, 3), "yes, no, abstain");
        assertEquals(ItemState.VOTE_REJECTED,
                new DecisionMaking(scenario(body, "decision.majority=0.75").decision()).vote(a, 0));
        a.forumDisengaged[0 * a.forums + a.itemForum[0]] = true;
        a.forumDisengaged[1 * a.forums + a.itemForum[0]] = true;
        assertEquals(ItemState.NO_QUORUM, new DecisionMaking(scenario(body).decision()).vote(a, 0),
                "1 present of 3 accredited is below a quorum of one half");
    }

    @Test
    void aWithdrawnDelegationHasNoWeightInDraftsObjectionsVotesOrQuorum() throws Exception {
        String body = """
                delegations:
                  - {id: BIG, position: {a: 0.0}, salience: {a: 1}, capability: 30, objection_threshold: 0}
                  - {id: Y, position: {a: 0.8}, salience: {a: 1}}
                  - {id: Z, position: {a: 0.6}, salience: {a: 1}}
                events:
                  - {round: 1, type: withdraw, delegation: BIG}
                """ + ONE_ITEM;
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        a.setRound(1);
        new EventSchedule(s.events()).step(a, random);
        assertTrue(a.withdrawn[0]);
        new ChairDrafting(keepingChair(0.5)).step(a, random);
        assertEquals(0.7, a.draft[0], EPS, "the compromise of Y and Z alone");
        new DecisionMaking(s.decision()).step(a, random);
        assertFalse(a.objecting[0]);
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);
        // A vote with BIG withdrawn and Z out of the forum: Y alone, present, prefers the draft.
        a.forumDisengaged[2 * a.forums + a.itemForum[0]] = true;
        assertEquals(ItemState.VOTE_ADOPTED, new DecisionMaking(s.decision()).vote(a, 0),
                "1 present of 2 accredited meets the quorum of one half: BIG does not count");
    }

    @Test
    void eventsChangeAttributesBlocsAndEngagement() throws Exception {
        Scenario s = scenario("""
                delegations:
                  - {id: X, groups: [G], position: {a: 0.2}}
                blocs: [{id: G, cohesion: 0.1}]
                events:
                  - {round: 1, type: set, delegation: X, attribute: capability, value: 7}
                  - {round: 1, type: set, delegation: X, attribute: position.a, value: 0.9}
                  - {round: 1, type: set, bloc: G, attribute: cohesion, value: 0.8}
                  - {round: 1, type: leave, delegation: X, bloc: G}
                  - {round: 1, type: join, delegation: X, bloc: H}
                  - {round: 1, type: disengage, delegation: X, forums: [plenary]}
                  - {round: 2, type: reengage, delegation: X}
                """);
        Assembly a = new Assembly(s);
        EventSchedule events = new EventSchedule(s.events());
        a.setRound(1);
        events.step(a, random);
        assertEquals(7.0, a.capability[0]);
        assertArrayEquals(new double[] {0.9}, a.ideal, EPS);
        assertEquals(0.8, a.cohesion[a.groupIndex("G")]);
        assertFalse(a.isMember(0, a.groupIndex("G")));
        assertTrue(a.isMember(0, a.groupIndex("H")));
        assertEquals("disengaged", a.statusLabel(0));
        a.setRound(2);
        events.step(a, random);
        assertEquals("active", a.statusLabel(0));
    }

    @Test
    void atTheLargestValidStepInfluenceIsAnAverageOfNeighboursAndIdealPoint() throws Exception {
        Assembly a = assembly("""
                delegation_defaults: {tolerance: 1, openness: 1}
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 1}}
                  - {id: Y, position: {a: 1.0}, salience: {a: 1}}
                """);
        a.ideal[0] = 1.0; // X's capital now wants the far end: influence and anchor both pull up
        new HegselmannKrause(0.5, 0.5, 0.0, 0.0).step(a, random);
        // mu o + lambda = 1: x' = 0.5 x (mean of X and Y) + 0.5 x* = 0.5 * 0.5 + 0.5 * 1, no overshoot.
        assertEquals(0.75, a.position[0], EPS);
        assertEquals(0.75, a.position[1], EPS, "Y: 0.5 * 0.5 + 0.5 * 1");
    }

    @Test
    void underAVoteRuleTheItemIsVotedAtItsDeadlineWhateverTheFallback() throws Exception {
        String body = """
                delegations:
                  - {id: X, position: {a: 0.9}}
                  - {id: Y, position: {a: 0.8}}
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 2}
                decision: {rule: vote, fallback: fail}
                """;
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        a.draft[0] = 0.85;
        DecisionMaking decision = new DecisionMaking(s.decision());
        a.setRound(1);
        decision.step(a, random);
        assertEquals(ItemState.OPEN, a.itemState[0], "no consensus is sought under a vote rule");
        a.setRound(2);
        decision.step(a, random);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
    }

    @Test
    void aClosedItemKeepsItsLastObjectorsOnlyForTheRoundItClosed() throws Exception {
        String body = """
                delegations:
                  - {id: X, position: {a: 0.0}, salience: {a: 1}, objection_threshold: 0}
                  - {id: Y, position: {a: 0.8}, salience: {a: 1}}
                  - {id: Z, position: {a: 0.9}, salience: {a: 1}}
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 1}
                """;
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        a.draft[0] = 0.8;
        DecisionMaking decision = new DecisionMaking(s.decision());
        a.setRound(1);
        decision.step(a, random);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
        assertEquals(List.of("X"), a.objectors(0));
        a.setRound(2);
        decision.step(a, random);
        assertTrue(a.objectors(0).isEmpty());
        assertEquals(0.0, a.objectingShare[0]);
    }

    @Test
    void aNonVotingParticipantPersuadesButHasNoSayInDecisions() throws Exception {
        String body = """
                delegation_defaults: {tolerance: 1, openness: 1}
                delegations:
                  - {id: SECTOR, votes: false, position: {a: 0.0}, salience: {a: 1}, capability: 100, objection_threshold: 0}
                  - {id: Y, position: {a: 0.8}, salience: {a: 1}}
                  - {id: Z, position: {a: 0.9}, salience: {a: 1}}
                """ + ONE_ITEM;
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        a.setRound(1);
        new ChairDrafting(keepingChair(0)).step(a, random);
        assertEquals(0.85, a.draft[0], EPS, "no weight in the draft");
        new DecisionMaking(s.decision()).step(a, random);
        assertFalse(a.objecting[0], "no standing to object");
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);
        a.itemState[0] = ItemState.OPEN;
        assertEquals(ItemState.VOTE_ADOPTED, new DecisionMaking(s.decision()).vote(a, 0));
        assertArrayEquals(new int[] {2, 0, 0}, java.util.Arrays.copyOf(a.votes, 3), "not among the voters");
        new HegselmannKrause(1.0, 0.0, 0.0, 0.0).step(a, random);
        assertTrue(a.position[1] < 0.1, "but it persuades: Y moves toward the heavy SECTOR, to " + a.position[1]);
    }

    @Test
    void anItemWhoseForumEveryoneLeftIsNotAgreedButFailsForWantOfQuorum() throws Exception {
        String body = """
                delegations:
                  - {id: X, position: {a: 0.2}}
                  - {id: Y, position: {a: 0.8}}
                agenda:
                  - {id: m, forum: ad-hoc, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 2}
                """;
        Scenario s = scenario(body);
        Assembly a = new Assembly(s);
        java.util.Arrays.fill(a.forumDisengaged, true);
        DecisionMaking decision = new DecisionMaking(s.decision());
        a.setRound(1);
        decision.step(a, random);
        assertEquals(ItemState.OPEN, a.itemState[0], "no consensus among nobody");
        a.setRound(2);
        decision.step(a, random);
        assertEquals(ItemState.NO_QUORUM, a.itemState[0], "no quorum at the deadline");
    }
}
