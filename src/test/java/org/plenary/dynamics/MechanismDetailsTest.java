package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * The corners of each mechanism that the review found untested: default affinity, Deffuant's
 * capability weights and anchor, two blocs, the accommodation target's fallback, concessions after
 * their objector withdraws, the tolerated objecting share, the abstention band's edge, salience set
 * while disengaged, and the order of a round's steps. Every expected value is computed by hand.
 */
class MechanismDetailsTest extends HandComputedCase {
    MechanismDetailsTest() {
        super("name: hand\nrounds: 10\ndimensions: [{id: a}, {id: b}]\n", 7);
    }

    private static final String ITEM_A = "agenda:\n  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}\n";

    @Test
    void theDefaultAffinityDoublesTheWeightOfBlocPartners() throws Exception {
        // Defaults: affinity 1, so self and bloc partners weigh 2, others 1. Rate 1, openness 1, no
        // anchor or resistance: each delegation moves all the way to its weighted mean.
        Scenario s = scenario("""
                delegation_defaults: {tolerance: 1, openness: 1}
                delegations:
                  - {id: X, groups: [G], position: {a: 0.0, b: 0}, salience: {a: 1, b: 1}}
                  - {id: Y, groups: [G], position: {a: 0.3, b: 0}, salience: {a: 1, b: 1}}
                  - {id: Z, position: {a: 0.6, b: 0}, salience: {a: 1, b: 1}}
                influence: {rate: 1, anchor: 0, salience_resistance: 0}
                """);
        Assembly a = new Assembly(s);
        new HegselmannKrause(1, 0, s.influence().affinity(), 0).step(a, random);
        assertEquals(1.0, s.influence().affinity());
        assertEquals((2 * 0.0 + 2 * 0.3 + 0.6) / 5, a.position[0], EPS, "X: partners Y and itself weigh 2");
        assertEquals((0.0 + 0.3 + 2 * 0.6) / 4, a.position[4], EPS, "Z: only itself weighs 2");
    }

    @Test
    void deffuantWeighsTheSpeakersCapabilityAndThenAnchors() throws Exception {
        Scenario s = scenario("""
                delegation_defaults: {tolerance: 1, openness: 1}
                delegations:
                  - {id: X, position: {a: 0.0, b: 0}, salience: {a: 1, b: 0}, capability: 3}
                  - {id: Y, position: {a: 1.0, b: 0}, salience: {a: 1, b: 0}, capability: 1}
                """);
        Assembly a = new Assembly(s);
        // meetings 0.5 x 2 delegations = one meeting of X and Y, in either order.
        new Deffuant(0.5, 0.1, 0, 0.5).step(a, random);
        // X hears the lighter Y at weight min(1, 2 x 1 / 4) = 0.5: 0 + 0.5 x 0.5 x 1 = 0.25, anchored 0.25 - 0.025.
        assertEquals(0.225, a.position[0], EPS);
        // Y hears the heavier X at weight min(1, 2 x 3 / 4) = 1: 1 - 0.5 = 0.5, anchored 0.5 + 0.05.
        assertEquals(0.55, a.position[2], EPS);
        assertEquals(0.0, a.position[1], EPS, "no one has salience on b: nobody moves there");
    }

    @Test
    void aMemberOfTwoBlocsMovesTowardEachInTurn() throws Exception {
        Scenario s = scenario("""
                delegation_defaults: {openness: 1}
                delegations:
                  - {id: X, groups: [G, H], position: {a: 0.5, b: 0}, salience: {a: 1, b: 1}}
                  - {id: Y, groups: [G], position: {a: 0.0, b: 0}, salience: {a: 1, b: 1}}
                  - {id: Z, groups: [H], position: {a: 1.0, b: 0}, salience: {a: 1, b: 1}}
                blocs: [{id: G, cohesion: 0.5}, {id: H, cohesion: 0.5}]
                """);
        Assembly a = new Assembly(s);
        new BlocCoordination().step(a, random);
        // G first: common (0.5 + 0) / 2 = 0.25; X to 0.5 + 0.5 (0.25 - 0.5) = 0.375, Y to 0.125.
        // Then H: common (0.375 + 1) / 2 = 0.6875; X to 0.375 + 0.5 (0.6875 - 0.375) = 0.53125.
        assertEquals(0.53125, a.position[0], EPS);
        assertEquals(0.125, a.position[2], EPS);
        assertEquals(0.84375, a.position[4], EPS, "Z: 1 + 0.5 (0.6875 - 1)");
    }

    @Test
    void theAccommodationTargetFallsBackToCapabilityWeightsWhereObjectorsHaveNoSalience() throws Exception {
        Scenario s = scenario("""
                delegations:
                  - {id: X, position: {a: 0.2, b: 0.0}, salience: {a: 0, b: 1}}
                  - {id: Y, position: {a: 1.0, b: 1.0}, salience: {a: 1, b: 1}}
                agenda:
                  - {id: m, weights: {a: 1, b: 1}, status_quo: {a: 0.5, b: 0.5}}
                chair: {accommodation: 0.5}
                """);
        Assembly a = new Assembly(s);
        a.objecting[0] = true; // X objected (through dimension b, where it has salience)
        new ChairDrafting(s.chair()).step(a, random);
        // a: no objector weighs in, so the target is X's position 0.2 by capability; the draft was the
        // status quo 0.5: concession 0.5 (0.2 - 0.5) = -0.15 on the compromise 1.0 (Y alone weighs in).
        assertEquals(0.85, a.draft[0], EPS);
        // b: target 0.0; concession 0.5 (0 - 0.5) = -0.25 on the compromise (0 + 1) / 2.
        assertEquals(0.25, a.draft[1], EPS);
    }

    /** X objects, the chair concedes to it, X withdraws: what the text then owes X, by policy. */
    private double[] draftsAfterObjectorWithdraws(String policy) throws Exception {
        Scenario s = scenario("""
                delegations:
                  - {id: X, position: {a: 0.0, b: 0}, salience: {a: 1, b: 0}}
                  - {id: Y, position: {a: 1.0, b: 0}, salience: {a: 1, b: 0}}
                """ + ITEM_A, "chair.accommodation=0.5", "chair.concessions_on_withdrawal=" + policy,
                "chair.concession_decay=0.25");
        Assembly a = new Assembly(s);
        ChairDrafting chair = new ChairDrafting(s.chair());
        chair.step(a, random); // compromise 0.5
        a.objecting[0] = true;
        chair.step(a, random); // concession 0.5 (0 - 0.5) = -0.25: draft 0.25
        a.objecting[0] = false;
        a.withdrawn[0] = true; // compromise now Y alone: 1.0
        double[] drafts = new double[3];
        drafts[0] = a.draft[0];
        chair.step(a, random);
        drafts[1] = a.draft[0];
        chair.step(a, random);
        drafts[2] = a.draft[0];
        return drafts;
    }

    @Test
    void concessionsToAWithdrawnObjectorAreKeptDroppedOrDecayed() throws Exception {
        double[] kept = draftsAfterObjectorWithdraws("keep");
        assertEquals(0.25, kept[0], EPS);
        assertEquals(0.75, kept[1], EPS, "1.0 - 0.25: the language bought for X stays");
        assertEquals(0.75, kept[2], EPS);
        double[] dropped = draftsAfterObjectorWithdraws("drop");
        assertEquals(1.0, dropped[1], EPS, "the compromise of those still in the room");
        assertEquals(1.0, dropped[2], EPS);
        double[] decayed = draftsAfterObjectorWithdraws("decay");
        assertEquals(1.0 - 0.25 * 0.75, decayed[1], EPS, "a quarter of the concession taken back");
        assertEquals(1.0 - 0.25 * 0.75 * 0.75, decayed[2], EPS, "and a quarter of the rest");
    }

    @Test
    void aToleratedObjectingShareAllowsConsensusUpToItsLimit() throws Exception {
        // X (capability 1 of 4) objects: loss |0 - 0.8| - |0 - 0.5| = 0.3 > 0.2.
        String body = """
                delegations:
                  - {id: X, position: {a: 0.0, b: 0}, salience: {a: 1, b: 0}, objection_threshold: 0.2}
                  - {id: Y, position: {a: 0.8, b: 0}, salience: {a: 1, b: 0}, capability: 3, objection_threshold: 1}
                """ + ITEM_A;
        assertEquals(ItemState.CONSENSUS, decideAtDraft(body, 0.8, "decision.max_objecting_share=0.25"),
                "an objecting share of exactly 0.25 is tolerated");
        assertEquals(ItemState.OPEN, decideAtDraft(body, 0.8, "decision.max_objecting_share=0.24"));
    }

    private ItemState decideAtDraft(String body, double draft, String... sets) throws Exception {
        Scenario s = scenario(body, sets);
        Assembly a = new Assembly(s);
        a.setRound(1);
        a.draft[0] = draft;
        new DecisionMaking(s.decision()).step(a, random);
        return a.itemState[0];
    }

    @Test
    void aVoteExactlyAtTheAbstentionBandsEdgeIsAnAbstention() throws Exception {
        Scenario s = scenario("""
                delegations:
                  - {id: E, position: {a: 0.6875, b: 0}, salience: {a: 1, b: 0}}
                  - {id: Y, position: {a: 0.71875, b: 0}, salience: {a: 1, b: 0}}
                  - {id: N, position: {a: 0.25, b: 0}, salience: {a: 1, b: 0}}
                """ + ITEM_A, "decision.abstention_band=0.125");
        Assembly a = new Assembly(s);
        a.draft[0] = 0.75;
        // E: 0.0625 from the draft, 0.1875 from the status quo: closer by exactly the band, so abstains.
        assertEquals(0, DecisionMaking.voteIntention(a, 0, 0, 0.125));
        // Y: 0.03125 against 0.21875, closer by 0.1875 > 0.125: yes.
        assertEquals(1, DecisionMaking.voteIntention(a, 1, 0, 0.125));
        // N: 0.5 against 0.25, farther by 0.25 > 0.125: no; with a band of 0.25 it abstains.
        assertEquals(-1, DecisionMaking.voteIntention(a, 2, 0, 0.125));
        assertEquals(0, DecisionMaking.voteIntention(a, 2, 0, 0.25));
    }

    @Test
    void aSalienceSetWhileDisengagedWaitsForReengagement() throws Exception {
        Scenario s = scenario("""
                delegations:
                  - {id: X, position: {a: 0.2, b: 0.2}, salience: {a: 0.4, b: 0.4}}
                events:
                  - {round: 1, type: disengage, delegation: X, dimensions: [a]}
                  - {round: 2, type: set, delegation: X, attribute: salience.a, value: 0.9}
                  - {round: 3, type: reengage, delegation: X, dimensions: [a]}
                """);
        Assembly a = new Assembly(s);
        EventSchedule events = new EventSchedule(s.events());
        double[] inForce = new double[4];
        for (int round = 1; round <= 3; round++) {
            a.setRound(round);
            events.step(a, random);
            inForce[round] = a.activeSalience[0];
        }
        assertEquals(0.0, inForce[1]);
        assertEquals(0.0, inForce[2], "still disengaged: the new salience waits");
        assertEquals(0.9, a.salience[0]);
        assertEquals(0.9, inForce[3], "back at the table with its new instructions");
    }

    @Test
    void aRoundRunsEventsBlocsInfluenceNoiseCoalitionsDraftingThenDecision() throws Exception {
        Scenario s = scenario("delegations:\n  - {id: X, position: {a: 0.2, b: 0.2}}\n");
        List<String> names = Mechanisms.forScenario(s, 1).stream().map(Mechanisms.Step::name).toList();
        assertEquals(List.of("events", "bloc-coordination", "social-influence", "position-noise", "coalitions",
                "drafting", "decision"), names);
        Scenario quiet = scenario("delegations:\n  - {id: X, position: {a: 0.2, b: 0.2}}\n", "influence.noise=0");
        assertEquals(List.of("events", "bloc-coordination", "social-influence", "coalitions", "drafting", "decision"),
                Mechanisms.forScenario(quiet, 1).stream().map(Mechanisms.Step::name).toList());
    }
}
