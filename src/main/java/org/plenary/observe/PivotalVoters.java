package org.plenary.observe;

import java.util.Arrays;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * Which delegations are pivotal on an agenda item in a round: the swing voters of the vote that
 * would be held on the current draft, under the model's own rule ({@link DecisionMaking#tally}: the
 * abstention band, those taking part, the quorum and the majority). A delegation is pivotal when it
 * is on the winning side (yes when the text would be adopted, no when rejected) and changing its
 * ballot alone, to either other choice, would reverse the outcome: Banzhaf's swing, in the realised
 * profile of ballots rather than over every coalition. No one is pivotal when the quorum fails
 * (ballots do not change who is present). In the round an item is put to the vote, the ballots are
 * those cast (vote discipline included, as in ballots.csv); in other rounds, the sincere ballots a
 * vote on the current draft would see (those the decision step found this round, through the read-only
 * {@link Assembly#voteIntentions}, else measured here). Reads the assembly only; draws nothing.
 */
public final class PivotalVoters {
    private PivotalVoters() {
    }

    /**
     * Whether pivotality is recorded for item m now: it is open, or was decided this round, in a body that
     * decides by a vote: the plenary's, an ISO/IEC ballot or a 3GPP vote ({@link BodySwingVoters}), each swing
     * measured against that body's rule. IETF rough consensus and ITU-T approval hold no vote: no swing voters.
     */
    public static boolean applies(Assembly a, int m) {
        Scenario.Procedure procedure = a.bodyProcedure[a.itemBody[m]];
        return (a.itemState[m] == ItemState.OPEN || a.decidedRound[m] == a.round())
                && (procedure == Scenario.Procedure.ITU_PLENARY || BodySwingVoters.holdsBallot(procedure));
    }

    /**
     * Marks in {@code pivotal[offset + i]} the swing voters on item m, writes every delegation's
     * ballot to {@code ballots} (as cast, or as {@link DecisionMaking#tally} would write it) and
     * returns how many swing voters there are.
     */
    public static int mark(Assembly a, int m, Scenario.Decision rule, boolean[] pivotal, int offset, int[] ballots) {
        if (BodySwingVoters.holdsBallot(a.bodyProcedure[a.itemBody[m]])) {
            return BodySwingVoters.mark(a, m, rule.abstentionBand(), pivotal, offset, ballots);
        }
        int n = a.delegations;
        Arrays.fill(pivotal, offset, offset + n, false);
        int[] tally;
        ItemState outcome;
        if (a.decidedRound[m] == a.round() && a.votes[3 * m] >= 0) {
            System.arraycopy(a.ballots, m * n, ballots, 0, n);
            tally = new int[] {a.votes[3 * m], a.votes[3 * m + 1]};
            outcome = a.itemState[m];
        } else {
            tally = DecisionMaking.tally(a, m, rule.abstentionBand(), ballots, a.voteIntentions());
            outcome = DecisionMaking.outcome(rule, tally);
        }
        if (outcome == ItemState.NO_QUORUM) {
            return 0;
        }
        int winningSide = outcome == ItemState.VOTE_ADOPTED ? 1 : -1;
        if (!swings(rule.majority(), tally, winningSide)) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (ballots[i] == winningSide) {
                pivotal[offset + i] = true;
                count++;
            }
        }
        return count;
    }

    /**
     * Whether one ballot of the winning side (+1 yes, -1 no), moved to abstain or to the other side,
     * reverses the outcome. Every voter on that side is alike, so this holds for all of them or none.
     */
    static boolean swings(double majority, int[] tally, int winningSide) {
        int yes = tally[0];
        int no = tally[1];
        boolean adopted = winningSide > 0;
        if (adopted) {
            return !DecisionMaking.adopts(majority, yes - 1, no) || !DecisionMaking.adopts(majority, yes - 1, no + 1);
        }
        return DecisionMaking.adopts(majority, yes, no - 1) || DecisionMaking.adopts(majority, yes + 1, no - 1);
    }
}
