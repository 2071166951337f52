package org.plenary.dynamics;

import java.util.Arrays;
import org.plenary.model.Assembly;
import org.plenary.model.VoteIntentions;

/**
 * The sincere intentions {@link DecisionMaking} works out while it weighs each open item's draft, kept
 * for observers behind the read-only {@link VoteIntentions}: each item's intentions carry the round and
 * the draft they were found for, and are reported only while both still hold.
 */
final class SincereIntentions implements VoteIntentions {
    private final int n;
    private final int d;
    private final int[] intention;
    private final int[] round;
    private final double[] draft;

    SincereIntentions(Assembly a) {
        n = a.delegations;
        d = a.dimensions;
        intention = new int[a.items * n];
        round = new int[a.items];
        Arrays.fill(round, -1);
        draft = new double[a.items * d];
    }

    /** Starts item m's intentions for this round's draft: every delegation's unknown until {@link #record}ed. */
    void begin(Assembly a, int m) {
        Arrays.fill(intention, m * n, (m + 1) * n, UNKNOWN);
        System.arraycopy(a.draft, m * d, draft, m * d, d);
        round[m] = a.round();
    }

    void record(int m, int i, int value) {
        intention[m * n + i] = value;
    }

    @Override
    public int intention(Assembly a, int m, int i) {
        return holds(a, m) ? intention[m * n + i] : UNKNOWN;
    }

    @Override
    public boolean holds(Assembly a, int m) {
        return round[m] == a.round() && Arrays.equals(draft, m * d, (m + 1) * d, a.draft, m * d, (m + 1) * d);
    }
}
