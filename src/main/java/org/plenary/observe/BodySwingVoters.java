package org.plenary.observe;

import java.util.Arrays;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * The swing voters of an ISO/IEC ballot or a 3GPP vote (docs/ODD.md 7.7 "pivotal delegations", 7.13), as
 * {@link PivotalVoters} finds them in the plenary's vote: a delegation on the winning side whose ballot alone,
 * moved to abstain or to the other side, reverses the body's outcome under that body's rule. In an ISO/IEC
 * ballot P- and O-members differ (an O-member's vote counts only in the negative quarter), so each is tried on
 * its own; a 3GPP observer casts no counted vote and is never pivotal. Ballots as cast in the round of the vote,
 * else the sincere ballots a vote on the current draft would see. Reads the assembly only; draws nothing.
 */
final class BodySwingVoters {
    private static final int P_MEMBER = Scenario.Procedure.ISO_IEC.roleCode("P");

    private BodySwingVoters() {
    }

    static boolean holdsBallot(Scenario.Procedure procedure) {
        return procedure == Scenario.Procedure.ISO_IEC || procedure == Scenario.Procedure.THREE_GPP;
    }

    /** As {@link PivotalVoters#mark}, under the rule of item m's body. */
    static int mark(Assembly a, int m, double band, boolean[] pivotal, int offset, int[] ballots) {
        int n = a.delegations;
        Arrays.fill(pivotal, offset, offset + n, false);
        if (a.decidedRound[m] == a.round() && a.votes[3 * m] >= 0) {
            System.arraycopy(a.ballots, m * n, ballots, 0, n);
        } else {
            DecisionMaking.tally(a, m, band, ballots, a.voteIntentions());
        }
        boolean iso = a.bodyProcedure[a.itemBody[m]] == Scenario.Procedure.ISO_IEC;
        int[] count = new int[4]; // yes_P, no_P, yes, no
        for (int i = 0; i < n; i++) {
            add(count, ballots[i], iso && a.roleFor(i, m) == P_MEMBER, 1);
        }
        if (count[2] + count[3] == 0) {
            return 0;
        }
        boolean adopted = adopts(a, m, count);
        int winningSide = adopted ? 1 : -1;
        int swings = 0;
        for (int i = 0; i < n; i++) {
            if (ballots[i] != winningSide) {
                continue;
            }
            boolean p = iso && a.roleFor(i, m) == P_MEMBER;
            add(count, winningSide, p, -1);
            boolean abstaining = adopts(a, m, count);
            add(count, -winningSide, p, 1);
            boolean switching = adopts(a, m, count);
            add(count, -winningSide, p, -1);
            add(count, winningSide, p, 1);
            if (abstaining != adopted || switching != adopted) {
                pivotal[offset + i] = true;
                swings++;
            }
        }
        return swings;
    }

    private static boolean adopts(Assembly a, int m, int[] count) {
        return DecisionMaking.bodyAdopts(a, m, count[0], count[1], count[2], count[3]);
    }

    /** Adds {@code delta} ballots of value {@code ballot} (+1 yes, -1 no; others are not votes cast). */
    private static void add(int[] count, int ballot, boolean pMember, int delta) {
        if (ballot == 1 || ballot == -1) {
            int side = ballot == 1 ? 0 : 1;
            count[2 + side] += delta;
            if (pMember) {
                count[side] += delta;
            }
        }
    }
}
