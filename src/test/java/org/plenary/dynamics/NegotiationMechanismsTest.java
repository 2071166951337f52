package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.dynamics.ExchangeOutcomes.outcomes;
import static org.plenary.dynamics.ExchangeOutcomes.utility;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/** The model v2 mechanisms of docs/ODD.md 7.9-7.12, each on a case small enough to compute by hand. */
class NegotiationMechanismsTest extends HandComputedCase {
    NegotiationMechanismsTest() {
        super("""
                name: hand
                rounds: 10
                dimensions: [{id: a}, {id: b}]
                """, 1);
    }

    // ---- 7.9 aspirations and concession ----------------------------------------------------

    /** X wants 0.7 and cares; Y wants 0.3 but tolerates anything; the status quo 0.5 is their compromise. */
    private static final String PUSHER = """
            delegations:
              - {id: X, position: {a: 0.7, b: 0.5}, salience: {a: 1, b: 1}, objection_threshold: 0.05}
              - {id: Y, position: {a: 0.3, b: 0.5}, salience: {a: 1, b: 1}, objection_threshold: 100}
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 10}
            influence: {model: none, anchor: 0, noise: 0}
            chair: {accommodation: 0.5}
            """;

    @Test
    void aDelegationPushingForMoreObjectsAndTheChairMovesTheTextTowardIt() throws Exception {
        Scenario s = scenario(PUSHER, "decision.objections=aspiration");
        Assembly a = new Assembly(s);
        a.setRound(1);
        new ChairDrafting(s.chair()).step(a, random);
        assertEquals(0.5, a.draft[0], EPS, "the compromise of 0.7 and 0.3 is the status quo");
        new AspirationConcession().step(a, random);
        // alpha = (1/10)^(1/1) = 0.1; X demands 0.7 + 0.1 (0.5 - 0.7) = 0.68
        assertEquals(0.68, a.demand[(0 * a.delegations + 0) * a.dimensions], EPS);
        DecisionMaking decision = new DecisionMaking(s.decision(), new AspirationObjections(), new SincereBallot());
        decision.step(a, random);
        // loss_X = |0.7 - 0.5| - |0.7 - 0.68| = 0.18; pressure 0.18 * 1 * 1 > 0.05
        assertTrue(a.objecting[0], "X falls 0.18 short of its aspiration");
        assertFalse(a.objecting[1]);
        assertEquals(ItemState.OPEN, a.itemState[0]);
        a.setRound(2);
        new ChairDrafting(s.chair()).step(a, random);
        // concession = 0.5 (0.7 - 0.5) = 0.1 toward X
        assertEquals(0.6, a.draft[0], EPS);
    }

    @Test
    void underStatusQuoObjectionsTheSameDraftPassesAtOnce() throws Exception {
        Scenario s = scenario(PUSHER);
        assertEquals(Scenario.Objections.STATUS_QUO, s.negotiation().aspirations().objections(), "the default");
        Assembly a = new Assembly(s);
        a.setRound(1);
        new ChairDrafting(s.chair()).step(a, random);
        new DecisionMaking(s.decision()).step(a, random);
        assertFalse(a.objecting[0], "the draft is no worse than the status quo for X");
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);
        assertEquals(0.5, a.draft[0], EPS);
    }

    @Test
    void theWholeRunCarriesXsTextFurtherWithAspirations() throws Exception {
        var v1 = org.plenary.sim.Experiment.replicate(scenario(PUSHER), 0, 1);
        var v2 = org.plenary.sim.Experiment.replicate(scenario(PUSHER, "decision.objections=aspiration"), 0, 1);
        assertEquals(0.5, v1.draft(10, 0, 0), EPS);
        assertTrue(v2.draft(10, 0, 0) > 0.55, "aspiration text " + v2.draft(10, 0, 0));
    }

    @Test
    void boulwareHoldsOutAndConcederGivesWayEarly() throws Exception {
        Assembly a = new Assembly(scenario(PUSHER, "decision.objections=aspiration",
                "delegations.X.concession=0.5", "delegations.Y.concession=2", "delegations.X.aspiration.a=0.9"));
        a.setRound(5);
        new AspirationConcession().step(a, random);
        int n = a.delegations;
        int d = a.dimensions;
        // X: A = 0.9, alpha = 0.5^(1/0.5) = 0.25: 0.9 + 0.25 (0.5 - 0.9) = 0.8
        assertEquals(0.8, a.demand[(0 * n + 0) * d], EPS);
        // Y: A = its ideal 0.3, alpha = 0.5^(1/2) = 0.7071...: 0.3 + 0.7071 (0.5 - 0.3)
        assertEquals(0.3 + Math.sqrt(0.5) * 0.2, a.demand[(0 * n + 1) * d], EPS);
        a.setRound(10);
        new AspirationConcession().step(a, random);
        assertEquals(0.5, a.demand[0], EPS, "at the deadline every demand is the status quo");
        assertEquals(0.5, a.demand[d], EPS);
    }

    @Test
    void aBlocPoolsTheStandingOfMembersHurtByTheirShortfall() throws Exception {
        String body = """
                delegations:
                  - {id: P, groups: [B], position: {a: 0.6, b: 0.5}, salience: {a: 1, b: 1}, aspiration: {a: 0.9},
                     objection_threshold: 0.3}
                  - {id: Q, groups: [B], position: {a: 0.6, b: 0.5}, salience: {a: 1, b: 1}, aspiration: {a: 0.9},
                     objection_threshold: 0.3}
                  - {id: Z, position: {a: 0.3, b: 0.5}, salience: {a: 1, b: 1}, objection_threshold: 100, capability: 4}
                blocs: [{id: B, cohesion: 1}]
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 10}
                """;
        // Round 1: P and Q demand 0.9 + 0.1 (0.5 - 0.9) = 0.86; against the draft 0.5 their shortfall is
        // 0.4 - 0.04 = 0.36 = their hurt (salience 1), above their threshold 0.3. Alone each has standing
        // (1 / 2)^0.5: 0.36 * 0.707 = 0.25 < 0.3. Pooled (capability 2 = the mean): 1 * 0.36 * 1 = 0.36 > 0.3.
        assertArrayEquals(new boolean[] {true, true, false}, objectorsAtRoundOne(body, "decision.objections=aspiration"));
        // With cohesion 0.5 the pooled pressure is 0.18: nobody objects.
        assertArrayEquals(new boolean[] {false, false, false},
                objectorsAtRoundOne(body.replace("cohesion: 1", "cohesion: 0.5"), "decision.objections=aspiration"));
        // Against the status quo the draft costs P and Q nothing (0.6 is as far from 0.5 as from 0.5).
        assertArrayEquals(new boolean[] {false, false, false}, objectorsAtRoundOne(body));
    }

    private boolean[] objectorsAtRoundOne(String body, String... sets) throws Exception {
        Scenario s = scenario(body, sets);
        Assembly a = new Assembly(s);
        a.setRound(1);
        a.draft[0] = 0.5;
        Mechanisms.forScenario(s, 1).stream()
                .filter(step -> step.name().equals("aspirations") || step.name().equals("decision"))
                .forEach(step -> step.mechanism().step(a, random));
        return Arrays.copyOf(a.objecting, a.delegations);
    }

    // ---- 7.10 exchange ----------------------------------------------------------------------

    /** A cares about a, B about b; they sit on opposite sides of the outcome on both. */
    private static final String CROSSED = """
            delegations:
              - {id: A, position: {a: 0.2, b: 0.2}, salience: {a: 0.9, b: 0.1}}
              - {id: B, position: {a: 0.8, b: 0.8}, salience: {a: 0.1, b: 0.9}}
            exchange: {model: stokman}
            """;

    @Test
    void twoDelegationsWithCrossedSaliencesExchangeAndBothGain() throws Exception {
        Assembly a = new Assembly(scenario(CROSSED));
        double[] before = outcomes(a);
        // O_a = 0.9 * 0.2 + 0.1 * 0.8 = 0.26; O_b = 0.1 * 0.2 + 0.9 * 0.8 = 0.74
        assertEquals(0.26, before[0], EPS);
        assertEquals(0.74, before[1], EPS);
        double utilityA = utility(a, 0, before);
        double utilityB = utility(a, 1, before);
        new StokmanExchange(1.0).step(a, random);
        // r = (0.9 + 0.1) / (0.1 + 0.9) = 1; B may move 0.54 on a (shift 0.054), A 0.54 on b (shift 0.054):
        // each moves all the way to the outcome.
        assertEquals(0.26, a.position[1 * 2 + 0], EPS, "B moved on a, toward A");
        assertEquals(0.74, a.position[0 * 2 + 1], EPS, "A moved on b, toward B");
        assertEquals(0.2, a.position[0], EPS, "A kept its position on a");
        assertEquals(0.8, a.position[3], EPS, "B kept its position on b");
        double[] after = outcomes(a);
        // gain = 0.9 * 0.054 - 0.1 * 0.054 = 0.0432 for each
        assertEquals(0.0432, utility(a, 0, after) - utilityA, 1e-12);
        assertEquals(0.0432, utility(a, 1, after) - utilityB, 1e-12);
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.exchanges.toArray(), "A, B, a (A's), b (B's)");
    }

    @Test
    void noExchangeWithoutCrossedSaliencesOrOppositeSides() throws Exception {
        Assembly same = new Assembly(scenario(CROSSED.replace("salience: {a: 0.1, b: 0.9}", "salience: {a: 0.9, b: 0.1}")));
        new StokmanExchange(1.0).step(same, random);
        assertEquals(0, same.exchanges.count(), "equal salience ratios: no exchange makes both gain");
        // Two heavy delegations that care about one dimension each set the outcomes near 0.48 on both
        // (and cannot trade: no salience on the other); A and B are now both below on b.
        Assembly oneSide = new Assembly(scenario(CROSSED.replace("position: {a: 0.8, b: 0.8}", "position: {a: 0.8, b: 0.3}")
                .replace("exchange:", """
                  - {id: C, position: {a: 0.5, b: 0.5}, salience: {a: 1, b: 0}, capability: 10}
                  - {id: D, position: {a: 0.5, b: 0.5}, salience: {a: 0, b: 1}, capability: 10}
                exchange:""")));
        assertTrue(outcomes(oneSide)[1] > 0.3, "O_b = 5.29 / 11");
        new StokmanExchange(1.0).step(oneSide, random);
        assertEquals(0, oneSide.exchanges.count(), "on the same side of b: nothing to trade");
    }

    @Test
    void theRateScalesTheExchange() throws Exception {
        Assembly a = new Assembly(scenario(CROSSED));
        new StokmanExchange(0.5).step(a, random);
        assertEquals(0.8 - 0.27, a.position[2], EPS, "half of B's move of 0.54");
        assertEquals(0.2 + 0.27, a.position[1], EPS);
    }

    // ---- 7.11 attendance ---------------------------------------------------------------------

    private static final String THREE_VOTERS = """
            delegations:
              - {id: X, position: {a: 0.9, b: 0.5}, capability: 0.25}
              - {id: Y, position: {a: 0.8, b: 0.5}}
              - {id: Z, position: {a: 0.0, b: 0.5}}
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
            attendance: {model: capacity, full_capability: 1, exponent: 0.5}
            """;

    @Test
    void capacityIsAPowerOfCapabilityAndIsSharedOverOpenItems() throws Exception {
        CapacityAttendance attendance = new CapacityAttendance(1.0, 0.5);
        assertEquals(0.5, attendance.capacity(0.25), EPS);
        assertEquals(2.0, attendance.capacity(4), EPS);
        // Y and Z have capability 1: capacity 1, one open item, always present, and no draw is made.
        Assembly a = new Assembly(scenario(THREE_VOTERS.replace("capability: 0.25", "capability: 1")));
        MersenneTwisterFast drawn = new MersenneTwisterFast(7);
        attendance.step(a, drawn);
        assertFalse(a.absent[0] || a.absent[a.forums] || a.absent[2 * a.forums]);
        assertEquals(new MersenneTwisterFast(7).nextDouble(), drawn.nextDouble(), "nobody below capacity: no draw");
        // X at capacity 0.5 with one open item attends about half the rounds.
        Assembly b = new Assembly(scenario(THREE_VOTERS));
        int forum = b.itemForum[0];
        int absent = 0;
        for (int round = 0; round < 4000; round++) {
            attendance.step(b, random);
            absent += b.absent[forum] ? 1 : 0;
            assertFalse(b.absent[b.forums + forum]);
        }
        assertEquals(0.5, absent / 4000.0, 0.03);
        // Two open items in the same forum: capability 1 covers each with probability 1/2.
        Assembly c = new Assembly(scenario(THREE_VOTERS.replace("capability: 0.25", "capability: 1")
                .replace("attendance:", "  - {id: n, weights: {b: 1}, status_quo: {b: 0.5}}\nattendance:")));
        int yAbsent = 0;
        for (int round = 0; round < 4000; round++) {
            attendance.step(c, random);
            yAbsent += c.absent[c.forums + forum] ? 1 : 0;
        }
        assertEquals(0.5, yAbsent / 4000.0, 0.03);
    }

    @Test
    void anAbsentDelegationsVoteIsNotCountedAndItDoesNotObject() throws Exception {
        Scenario s = scenario(THREE_VOTERS);
        Assembly a = new Assembly(s);
        a.draft[0] = 0.8; // X and Y prefer the draft, Z the status quo
        DecisionMaking decision = new DecisionMaking(s.decision());
        assertEquals(ItemState.VOTE_ADOPTED, decision.vote(a, 0));
        assertArrayEquals(new int[] {2, 1, 0}, Arrays.copyOf(a.votes, 3));
        a.absent[0 * a.forums + a.itemForum[0]] = true;
        assertEquals(ItemState.VOTE_REJECTED, decision.vote(a, 0), "1 yes, 1 no: not adopted without X");
        assertArrayEquals(new int[] {1, 1, 0}, Arrays.copyOf(a.votes, 3), "X is neither yes, no nor abstaining");
        a.absent[1 * a.forums + a.itemForum[0]] = true;
        assertEquals(ItemState.NO_QUORUM, decision.vote(a, 0), "1 present of 3: below the quorum of one half");
        // Z, who would object to 0.8 with a low threshold, does not object while absent.
        Scenario objecting = scenario(THREE_VOTERS + "delegation_defaults: {objection_threshold: 0.01}\n");
        Assembly b = new Assembly(objecting);
        b.draft[0] = 0.8;
        new DecisionMaking(objecting.decision()).step(b, random);
        assertTrue(b.objecting[2]);
        assertEquals(ItemState.OPEN, b.itemState[0]);
        Assembly c = new Assembly(objecting);
        c.draft[0] = 0.8;
        c.absent[2 * c.forums + c.itemForum[0]] = true;
        new DecisionMaking(objecting.decision()).step(c, random);
        assertFalse(c.objecting[2]);
        assertEquals(ItemState.CONSENSUS, c.itemState[0], "nobody present objects");
    }

    // ---- 7.12 votes ----------------------------------------------------------------------------

    private static final String BLOC = """
            delegations:
              - {id: X, groups: [B], position: {a: 0.9, b: 0.5}, capability: 3}
              - {id: Y, groups: [B], position: {a: 0.1, b: 0.5}}
              - {id: Z, position: {a: 0.1, b: 0.5}}
            blocs: [{id: B, cohesion: 1}]
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
            voting: {discipline: bloc}
            """;

    @Test
    void aMemberFollowsItsBlocsLineWithProbabilityCohesion() throws Exception {
        Scenario s = scenario(BLOC);
        Assembly a = new Assembly(s);
        a.draft[0] = 0.8; // X prefers the draft (yes), Y and Z the status quo (no)
        DecisionMaking sincere = new DecisionMaking(s.decision());
        assertEquals(ItemState.VOTE_REJECTED, sincere.vote(a, 0));
        assertArrayEquals(new int[] {1, 2, 0}, Arrays.copyOf(a.votes, 3));
        // The bloc's line: sign(3 x (+1) + 1 x (-1)) = yes; with cohesion 1, Y votes yes: 2 to 1.
        DecisionMaking disciplined = new DecisionMaking(s.decision(), new StatusQuoObjections(),
                new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN));
        assertEquals(ItemState.VOTE_ADOPTED, disciplined.vote(a, 0, random));
        assertArrayEquals(new int[] {2, 1, 0}, Arrays.copyOf(a.votes, 3));
    }

    @Test
    void aCrossPressuredMemberThatDoesNotFollowAbstainsOrVotesItsOwnWay() throws Exception {
        Scenario s = scenario(BLOC.replace("cohesion: 1", "cohesion: 0.000001"));
        Assembly a = new Assembly(s);
        a.draft[0] = 0.8;
        MersenneTwisterFast draws = new MersenneTwisterFast(3);
        double first = new MersenneTwisterFast(3).nextDouble();
        assertTrue(first > 0.000001, "the seed's first draws do not follow the line");
        DecisionMaking abstaining = new DecisionMaking(s.decision(), new StatusQuoObjections(),
                new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN));
        abstaining.vote(a, 0, draws);
        assertArrayEquals(new int[] {1, 1, 1}, Arrays.copyOf(a.votes, 3), "Y, against the line, abstains");
        DecisionMaking sincere = new DecisionMaking(s.decision(), new StatusQuoObjections(),
                new BlocDisciplineBallot(Scenario.CrossPressure.SINCERE));
        sincere.vote(a, 0, new MersenneTwisterFast(3));
        assertArrayEquals(new int[] {1, 2, 0}, Arrays.copyOf(a.votes, 3), "Y votes its own no");
    }

    @Test
    void theScenarioSwitchesEachMechanismOnInTheSchedule() throws Exception {
        Scenario off = scenario(BLOC);
        Scenario on = scenario(BLOC.replace("voting: {discipline: bloc}", """
                voting: {discipline: bloc}
                exchange: {model: stokman}
                attendance: {model: capacity}
                decision: {objections: aspiration}
                """));
        assertEquals(List.of("events", "bloc-coordination", "social-influence", "position-noise", "coalitions",
                "drafting", "decision"), names(scenario(BLOC.replace("voting: {discipline: bloc}", ""))));
        assertEquals(names(scenario(BLOC.replace("voting: {discipline: bloc}", ""))), names(off));
        assertEquals(List.of("events", "attendance", "bloc-coordination", "social-influence", "position-noise",
                "exchange", "coalitions", "drafting", "aspirations", "decision"), names(on));
    }

    private static List<String> names(Scenario s) {
        return Mechanisms.forScenario(s, 1).stream().map(Mechanisms.Step::name).toList();
    }
}
