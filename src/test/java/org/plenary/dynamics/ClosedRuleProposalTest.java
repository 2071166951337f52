package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * The closed-rule proposer and the recognition exponent (docs/ODD.md, 7.6b) on one-dimensional cases
 * whose optimal proposals and recognition shares are computed by hand.
 */
class ClosedRuleProposalTest {
    /** The bisection keeps the accepted end: within 2^-30 of the segment's length past the boundary. */
    private static final double BISECTION = Math.scalb(1.0, -AgendaSetting.BISECTIONS);

    @TempDir
    Path dir;

    // P (bloc Lo, the only coalition) at 0.1, Q at 0.6, R at 0.9; status quo 0.5; capability and salience 1,
    // so standing is 1 and D_i is |x_i - z|. Thresholds 0.5, 0.1, 0.2. Objections to a text z in [0.1, 0.6]:
    //   P: (z - 0.1) - 0.4 > 0.5 never;  Q: (0.6 - z) - 0.1 > 0.1 iff z < 0.4;  R: (0.9 - z) - 0.4 > 0.2 iff z < 0.3.
    // The chair's first draft is the compromise (0.1 + 0.6 + 0.9) / 3 = 0.5333, accepted; P's own text 0.1 is not.
    // The accepted text nearest P on [0.1, 0.5333] is 0.4.
    private static final String THREE = """
            name: proposer
            rounds: 6
            replications: 1
            dimensions: [{id: a}]
            influence: {model: none, anchor: 0, noise: 0}
            delegation_defaults: {salience: 1, capability: 1}
            delegations:
              - {id: P, groups: [Lo], position: {a: 0.1}, objection_threshold: 0.5}
              - {id: Q, position: {a: 0.6}, objection_threshold: 0.1}
              - {id: R, position: {a: 0.9}, objection_threshold: 0.2}
            blocs: [{id: Lo, cohesion: 0.5}]
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 5}
            decision: {rule: consensus, fallback: vote, abstention_band: 0}
            chair: {accommodation: 0}
            agenda_setting: {model: tabling, proposers: 1, compromise: 0.5}
            """;

    private Scenario scenario(String body, String... sets) throws Exception {
        return Scenarios.load(dir, body, sets);
    }

    /**
     * Round 0 (seeding coalitions), round 1 (the first draft) and round 2 (recognition and proposals)
     * of the coalitions' leaders and agenda-setting, in {@link Mechanisms}' order; the decision step runs
     * only in round 2 (when {@code decide}), so that round 1's draft stays on the table.
     */
    private static Assembly twoRounds(Scenario s, MersenneTwisterFast random, boolean decide) {
        Assembly a = new Assembly(s);
        CoalitionFormation leaders = new CoalitionFormation(s.formation(), s.blocs(), false);
        DecisionMaking decision = new DecisionMaking(s.decision());
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), s.chair(), s.agenda(), decision);
        leaders.step(a, random);
        for (int t = 1; t <= 2; t++) {
            a.setRound(t);
            a.actors().startRound();
            leaders.step(a, random);
            agenda.step(a, random);
        }
        if (decide) {
            decision.step(a, random);
        }
        return a;
    }

    private static Assembly twoRounds(Scenario s, MersenneTwisterFast random) {
        return twoRounds(s, random, true);
    }

    private static double tabledBy(Assembly a, String sponsor) {
        List<CoalitionActors.Proposal> tabled = a.actors().proposals().stream()
                .filter(p -> p.sponsor().equals(sponsor)).toList();
        assertEquals(1, tabled.size(), "one text tabled by " + sponsor + " in round 2");
        return tabled.get(0).text()[0];
    }

    @Test
    void theRecognisedProposerTablesTheAcceptedTextNearestItAndTheDecisionStepAgrees() throws Exception {
        Assembly a = twoRounds(scenario(THREE, "agenda_setting.proposal=closed-rule"), new MersenneTwisterFast(1));
        double proposal = tabledBy(a, "Lo@m");
        assertTrue(proposal >= 0.4 && proposal - 0.4 <= BISECTION * (0.5333333333 - 0.1) + 1e-15,
                "0.4 by hand, on its accepted side: " + proposal);
        // An accepted proposal is taken up over the chair's broader-supported compromise (Q and R prefer
        // 0.5333 to the status quo, only P prefers 0.4), goes to the decision as it stands, and closes it.
        assertEquals(proposal, a.draft[0], 0);
        assertEquals("Lo@m", a.actors().penHolder(0, a.delegationIds));
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);

        // Today's rule: Lo tables its text 0.1, which only P prefers to the status quo; the chair keeps its
        // compromise 0.5333 (Q and R), which is consensual too: P is 0.4333 from the text instead of 0.3.
        Assembly coalitionText = twoRounds(scenario(THREE), new MersenneTwisterFast(1));
        assertEquals(0.1, tabledBy(coalitionText, "Lo@m"), 1e-12);
        assertEquals(1.6 / 3, coalitionText.draft[0], 1e-12);
        assertEquals("chair", coalitionText.actors().penHolder(0, coalitionText.delegationIds));
    }

    // Q at 0.4 with threshold 0.5 and R's threshold at 0.05: only R objects, to z < 0.45 ((0.9 - z) - 0.4 > 0.05).
    // From the deadline on, a text the sincere vote adopts is accepted too (abstention band 0): for z in
    // [0.1, 0.5) P votes yes, R no, and Q yes iff |0.4 - z| < 0.1, i.e. z > 0.3: adopted 2 to 1 on (0.3, 0.5).
    @Test
    void atTheDeadlineATextTheVoteAdoptsIsAcceptedToo() throws Exception {
        String[] sets = {"agenda_setting.proposal=closed-rule", "delegations.Q.position.a=0.4",
                "delegations.Q.objection_threshold=0.5", "delegations.R.objection_threshold=0.05"};
        // First draft (0.1 + 0.4 + 0.9) / 3 = 0.4667: R's loss 0.0333 is below 0.05, accepted.
        Assembly beforeDeadline = twoRounds(scenario(THREE, sets), new MersenneTwisterFast(1));
        double consensual = tabledBy(beforeDeadline, "Lo@m");
        assertTrue(consensual >= 0.45 && consensual - 0.45 <= BISECTION, "consensus boundary 0.45: " + consensual);
        assertEquals(ItemState.CONSENSUS, beforeDeadline.itemState[0]);

        String[] atDeadline = java.util.stream.Stream.concat(java.util.Arrays.stream(sets),
                java.util.stream.Stream.of("agenda.m.deadline=2")).toArray(String[]::new);
        Assembly voted = twoRounds(scenario(THREE, atDeadline), new MersenneTwisterFast(1));
        double adopted = tabledBy(voted, "Lo@m");
        assertTrue(adopted > 0.3 && adopted - 0.3 <= BISECTION, "vote boundary 0.3 (exclusive): " + adopted);
        assertEquals(ItemState.VOTE_ADOPTED, voted.itemState[0], "R objects, so the fallback vote adopts it");
        assertEquals(2, voted.votes[0]);
        assertEquals(1, voted.votes[1]);
    }

    // With the status quo at 0.8, R objects to the first draft 0.5333 ((0.9 - 0.5333) - 0.1 = 0.2667 > 0.2)
    // and, farther from it, to every text between P's 0.1 and the draft: none is accepted.
    @Test
    void whenNotEvenTheDraftIsAcceptedTheProposerTablesItsOwnTextAndTheChairDraftsAsToday() throws Exception {
        String[] quo = {"agenda.m.status_quo.a=0.8"};
        Assembly closed = twoRounds(scenario(THREE, "agenda_setting.proposal=closed-rule", quo[0]),
                new MersenneTwisterFast(1));
        Assembly today = twoRounds(scenario(THREE, quo), new MersenneTwisterFast(1));
        assertEquals(0.1, tabledBy(closed, "Lo@m"), 1e-12);
        assertEquals(today.draft[0], closed.draft[0], 0);
        assertEquals(today.actors().penHolder(0, today.delegationIds), closed.actors().penHolder(0, closed.delegationIds));
        assertEquals(ItemState.OPEN, closed.itemState[0]);
    }

    // P (capability 1, bloc Lo) at 0.1, Q1 and Q2 (0.25 each, bloc Hi) at 0.9, N (2, no bloc) at 0.6; status quo
    // 0.5, first draft (0.1 + 0.225 + 0.225 + 1.2) / 3.5 = 0.5, mean capability 0.875, beta 0.5, theta_Q = 0.1.
    // Alone each Q objects when (0.5 - z) sqrt(0.25 / 0.875) > 0.1, z < 0.5 - 0.1 sqrt(3.5) = 0.31292; the two,
    // hurt beyond 0.1 (z < 0.4), object together when kappa (0.5 - z) sqrt(0.5 / 0.875) > 0.1, with kappa = 1
    // z < 0.5 - 0.1 sqrt(1.75) = 0.36771. P and N (threshold 1) never object on [0.1, 0.5].
    private static final String JOINT = """
            name: joint
            rounds: 6
            replications: 1
            dimensions: [{id: a}]
            influence: {model: none, anchor: 0, noise: 0}
            delegation_defaults: {salience: 1}
            delegations:
              - {id: P, groups: [Lo], position: {a: 0.1}, capability: 1, objection_threshold: 1}
              - {id: Q1, groups: [Hi], position: {a: 0.9}, capability: 0.25, objection_threshold: 0.1}
              - {id: Q2, groups: [Hi], position: {a: 0.9}, capability: 0.25, objection_threshold: 0.1}
              - {id: N, position: {a: 0.6}, capability: 2, objection_threshold: 1}
            blocs: [{id: Lo, cohesion: 0.5}, {id: Hi, cohesion: 1}]
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 5}
            chair: {accommodation: 0}
            agenda_setting: {model: tabling, proposers: 2, proposal: closed-rule}
            """;

    @Test
    void theProposalAnticipatesTheBlocsJointObjection() throws Exception {
        double joint = tabledBy(twoRounds(scenario(JOINT), new MersenneTwisterFast(1), false), "Lo@m");
        assertTrue(joint >= 0.5 - 0.1 * Math.sqrt(1.75) && joint - (0.5 - 0.1 * Math.sqrt(1.75)) <= BISECTION,
                "joint boundary 0.36771: " + joint);
        // With cohesion 0.01 the pooled standing never suffices: only the individual boundary remains.
        double alone = tabledBy(twoRounds(scenario(JOINT, "blocs.Hi.cohesion=0.01"), new MersenneTwisterFast(1), false),
                "Lo@m");
        assertTrue(alone >= 0.5 - 0.1 * Math.sqrt(3.5) && alone - (0.5 - 0.1 * Math.sqrt(3.5)) <= BISECTION,
                "individual boundary 0.31292: " + alone);
    }

    // Rivals H (capability 5), M (2) and L (1), each its own bloc; S (capability 100, bloc Big) sponsors and
    // keeps the pen, so one of the three rivals is recognised per round: capability^rho / sum.
    private static final String RIVALS = """
            name: recognition
            rounds: 3
            replications: 1
            dimensions: [{id: a}]
            influence: {model: none, anchor: 0, noise: 0}
            delegation_defaults: {salience: 1}
            delegations:
              - {id: S, groups: [Big], position: {a: 0.45}, capability: 100}
              - {id: H, groups: [Hi], position: {a: 0.9}, capability: 5}
              - {id: M, groups: [Md], position: {a: 0.2}, capability: 2}
              - {id: L, groups: [Lw], position: {a: 0.3}, capability: 1}
            blocs: [{id: Big, cohesion: 0.5}, {id: Hi, cohesion: 0.5}, {id: Md, cohesion: 0.5}, {id: Lw, cohesion: 0.5}]
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, sponsor: Big}
            agenda_setting: {model: tabling, proposers: 1}
            """;

    /** How often each rival is recognised in round 2, over replications with seeds 1..seeds. */
    private Map<String, Integer> recognitions(double rho, int seeds) throws Exception {
        Scenario s = scenario(RIVALS, "agenda_setting.recognition_exponent=" + rho);
        Map<String, Integer> counts = new TreeMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            Assembly a = twoRounds(s, new MersenneTwisterFast(seed), false);
            List<String> rivals = a.actors().proposals().stream().map(CoalitionActors.Proposal::sponsor)
                    .filter(sponsor -> !sponsor.equals("Big@m")).toList();
            assertEquals(1, rivals.size(), "one rival recognised in round 2");
            counts.merge(rivals.get(0), 1, Integer::sum);
        }
        return counts;
    }

    /** Share within 4 binomial standard deviations sqrt(p (1 - p) / n) of p (two-sided, about 6e-5 each). */
    private static void assertShare(double p, Integer count, int n, String who) {
        double share = (count == null ? 0 : count) / (double) n;
        double sd = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, share, 4 * sd, who + " recognised in " + share + " of " + n + " replications, expected " + p);
    }

    @Test
    void recognitionIsProportionalToCapabilityToTheRho() throws Exception {
        int n = 4000;
        Map<String, Integer> equal = recognitions(0, n);
        assertShare(1 / 3.0, equal.get("Hi@m"), n, "H (rho 0)");
        assertShare(1 / 3.0, equal.get("Md@m"), n, "M (rho 0)");
        assertShare(1 / 3.0, equal.get("Lw@m"), n, "L (rho 0)");
        Map<String, Integer> proportional = recognitions(1, n);
        assertShare(5 / 8.0, proportional.get("Hi@m"), n, "H (rho 1)");
        assertShare(2 / 8.0, proportional.get("Md@m"), n, "M (rho 1)");
        assertShare(1 / 8.0, proportional.get("Lw@m"), n, "L (rho 1)");
        Map<String, Integer> squared = recognitions(2, n);
        assertShare(25 / 30.0, squared.get("Hi@m"), n, "H (rho 2)");
        assertShare(4 / 30.0, squared.get("Md@m"), n, "M (rho 2)");
        assertShare(1 / 30.0, squared.get("Lw@m"), n, "L (rho 2)");
    }

    @Test
    void closedRuleProposalsDrawNothingBeyondTheRecognitionLottery() throws Exception {
        MersenneTwisterFast closed = new MersenneTwisterFast(9);
        MersenneTwisterFast today = new MersenneTwisterFast(9);
        twoRounds(scenario(THREE, "agenda_setting.proposal=closed-rule"), closed);
        twoRounds(scenario(THREE), today);
        assertEquals(today.nextLong(), closed.nextLong(), "the generators are in the same state afterwards");
    }
}
