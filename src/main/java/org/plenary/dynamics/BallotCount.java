package org.plenary.dynamics;

import java.util.function.IntUnaryOperator;
import org.plenary.model.Assembly;

/**
 * Yes and no ballots on an item, by membership role: the counts the bodies' counting rules take (and the
 * explorer shows beside an outcome).
 */
public final class BallotCount {
    private BallotCount() {
    }

    /** Any role: every member of the item's body. */
    public static final int ANY_ROLE = 0;

    /**
     * {yes, no} among the members of item m's body with role {@code role} (or any, {@link #ANY_ROLE}),
     * each ballot from {@code ballotOf}: +1 yes, -1 no; anything else (abstain, absent, no ballot) is not a vote cast.
     */
    public static int[] of(Assembly a, int m, int role, IntUnaryOperator ballotOf) {
        int yes = 0;
        int no = 0;
        for (int i = 0; i < a.delegations; i++) {
            int held = a.roleFor(i, m);
            if (held == 0 || (role != ANY_ROLE && held != role)) {
                continue;
            }
            int ballot = ballotOf.applyAsInt(i);
            if (ballot == 1) {
                yes++;
            } else if (ballot == -1) {
                no++;
            }
        }
        return new int[] {yes, no};
    }

    /** The ballots item m's latest vote recorded in the assembly. */
    public static IntUnaryOperator recorded(Assembly a, int m) {
        return i -> a.ballots[m * a.delegations + i];
    }

    /** The sincere intention on item m's text in {@code texts} of each delegation taking part; abstention otherwise. */
    static IntUnaryOperator sincere(Assembly a, int m, double band, double[] texts) {
        return i -> a.takesPart(i, m) ? DecisionMaking.voteIntention(a, i, m, band, texts) : 0;
    }
}
