package org.plenary.observe;

import java.util.Arrays;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;

/**
 * Which delegations are pivotal on an agenda item in a round, under the item's voting rule: one
 * delegation one vote among the n delegations taking part in the item's forum, with the quota q of
 * {@link #quota}. Each delegation's vote intention is yes when the current draft is closer to its
 * position than the status quo (salience- and item-weighted, as in the vote, but with no abstention
 * band). With y yes-intentions, a yes voter has a swing (its leaving turns a winning yes-coalition
 * into a losing one) exactly when y &gt;= q and y - 1 &lt; q, that is y = q; then each of the q yes
 * voters is pivotal, with normalised Banzhaf index 1/q within that round's coalition. This closed form
 * of one-vote-per-state games needs no enumeration. Reads the assembly only; draws nothing.
 */
public final class PivotalVoters {
    private PivotalVoters() {
    }

    /**
     * The smallest number of yes votes that adopts a text when all n delegations taking part vote:
     * yes &gt;= majority x n and yes &gt; no = n - yes (DecisionMaking's rule with nobody abstaining).
     */
    public static int quota(double majority, int n) {
        // The tolerance keeps e.g. 2/3 x 9 = 6.000000000000001 at 6.
        int byMajority = (int) Math.ceil(majority * n - 1e-9);
        return Math.max(byMajority, n / 2 + 1);
    }

    /** Whether pivotality is recorded for item m now: it is open, or was decided this round. */
    public static boolean applies(Assembly a, int m) {
        return a.itemState[m] == ItemState.OPEN || a.decidedRound[m] == a.round();
    }

    /**
     * Marks in {@code pivotal[offset + i]} the delegations pivotal on item m and returns how many
     * there are (0 or the quota).
     */
    public static int mark(Assembly a, int m, double majority, boolean[] pivotal, int offset) {
        int n = a.delegations;
        Arrays.fill(pivotal, offset, offset + n, false);
        int takingPart = 0;
        int yes = 0;
        for (int i = 0; i < n; i++) {
            if (a.takesPart(i, m)) {
                takingPart++;
                if (DecisionMaking.voteIntention(a, i, m, 0) > 0) {
                    pivotal[offset + i] = true;
                    yes++;
                }
            }
        }
        if (takingPart > 0 && yes == quota(majority, takingPart)) {
            return yes;
        }
        Arrays.fill(pivotal, offset, offset + n, false);
        return 0;
    }
}
