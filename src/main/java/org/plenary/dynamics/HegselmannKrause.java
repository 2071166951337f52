package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * Synchronous bounded-confidence influence after Hegselmann &amp; Krause (2002), extended with
 * capability, bloc affinity, salience and an anchor (docs/ODD.md, "Social influence"):
 * <pre>
 *   N_i   = { j active : d_i(x_i, x_j) &lt;= eps_i }            (i included)
 *   w_ijk = c_j (1 + a [i = j or i, j share a bloc]) s_jk
 *   m_ik  = sum_j w_ijk x_jk / sum_j w_ijk                   (x_ik when the sum is 0)
 *   x_ik' = x_ik + o_i mu (1 - rho s_ik) (m_ik - x_ik) + lambda (x*_ik - x_ik)
 * </pre>
 * a weighted average of x_ik, m_ik and x*_ik, since scenarios are validated to have mu o_i + lambda &lt;= 1:
 * positions stay in [0, 1] with no clamp.
 * With c = 1, s = 1, a = 0, o = 1, mu = 1, rho = 0, lambda = 0 it is the pure model.
 */
public final class HegselmannKrause implements Mechanism {
    /** 2^600: squared, it lifts the smallest positive double above 1, so a clamp to [0, 1] is a step. */
    private static final double LIFT = 0x1p600;

    private final double rate;
    private final double anchor;
    private final double affinity;
    private final double salienceResistance;
    private double[] next = new double[0];
    private double[] viewWeights = new double[0];
    private final SortedAxis axisOrder = new SortedAxis();
    /** Active delegations in sorted order; below, "listener c" and "speaker cj" are positions in it. */
    private int[] active = new int[0];
    /** Group memberships as 1 or 0, one array per group, in sorted order. */
    private double[][] members = new double[0][0];
    private double[][] coordinates = new double[0][0];
    /** Listener c's weight of each dimension in its view of distance. */
    private double[][] listenerWeights = new double[0][0];
    private double[][] pull = new double[0][0];
    private double[][] pullTimesPosition = new double[0][0];
    private double[] reachSquared = new double[0];
    /** Listener c's window [from, to) of speakers; blocks of four from its start, then a tail from tailStart. */
    private int[] from = new int[0];
    private int[] to = new int[0];
    private int[] tailStart = new int[0];
    /** The listeners whose windows may hold speaker cj: firstListener[cj] to lastListener[cj], inclusive. */
    private int[] firstListener = new int[0];
    private int[] lastListener = new int[0];
    /** The listeners that have speaker cj in their tail: tailListeners[tailListenersStart[cj] ...]. */
    private int[] tailListenersStart = new int[0];
    private int[] tailListeners = new int[0];
    private double[] distance = new double[0];
    private double[] factor = new double[0];
    /**
     * Each listener's running sums for its weighted means, by speaker index mod 4 rather than by offset
     * from the window's start, so that a speaker adds to the same array for every listener: entry
     * [4 k + r][c] sums f_cj w_jk x_jk (weighted) or f_cj w_jk (weights) over speakers cj = r mod 4.
     */
    private double[][] weighted = new double[0][0];
    private double[][] weights = new double[0][0];

    public HegselmannKrause(double rate, double anchor, double affinity, double salienceResistance) {
        this.rate = rate;
        this.anchor = anchor;
        this.affinity = affinity;
        this.salienceResistance = salienceResistance;
    }

    /**
     * The order of additions is that of a listener's pass over its window in four running sums (blocks
     * of four speakers from the window's start, a tail of up to three added to the first sum, the sums
     * combined (s0 + s1) + (s2 + s3)), kept bit for bit; the pass itself runs speaker by speaker over
     * all listeners at once, so that its loops are flat and vectorise.
     */
    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int n = a.delegations;
        int d = a.dimensions;
        if (next.length != n * d || members.length != a.groups) {
            allocate(a);
        }
        double[] x = a.position;
        double[] s = a.activeSalience;
        Distances.viewWeights(a, viewWeights);
        axisOrder.sort(a);
        int count = axisOrder.count;
        for (int c = 0; c < count; c++) {
            int j = axisOrder.order[c];
            for (int k = 0; k < d; k++) {
                coordinates[k][c] = x[j * d + k];
                listenerWeights[k][c] = viewWeights[j * d + k];
                // A speaker's weight on a dimension is c_j s_jk.
                pull[k][c] = a.capability[j] * s[j * d + k];
                pullTimesPosition[k][c] = pull[k][c] * x[j * d + k];
            }
            for (int g = 0; g < a.groups; g++) {
                members[g][c] = a.isMember(j, g) ? 1 : 0;
            }
            active[c] = j;
        }
        windows(a, count);
        for (double[] sums : weighted) {
            java.util.Arrays.fill(sums, 0, count, 0);
        }
        for (double[] sums : weights) {
            java.util.Arrays.fill(sums, 0, count, 0);
        }
        for (int cj = 0; cj < count; cj++) {
            addToBlocks(a, cj);
        }
        for (int c = 0; c < count; c++) {
            addTail(a, c);
        }
        for (int c = 0; c < count; c++) {
            int i = active[c];
            int bi = i * d;
            double step = a.openness[i] * rate;
            for (int k = 0; k < d; k++) {
                double weightedSum = combined(weighted, k, c);
                double weightSum = combined(weights, k, c);
                int ik = bi + k;
                double mean = weightSum > 0 ? weightedSum / weightSum : x[ik];
                next[ik] = x[ik] + step * (1 - salienceResistance * s[ik]) * (mean - x[ik])
                        + anchor * (a.ideal[ik] - x[ik]);
            }
        }
        for (int c = 0; c < count; c++) {
            System.arraycopy(next, active[c] * d, x, active[c] * d, d);
        }
    }

    private void allocate(Assembly a) {
        int n = a.delegations;
        int d = a.dimensions;
        next = new double[n * d];
        viewWeights = new double[n * d];
        active = new int[n];
        members = new double[a.groups][n];
        coordinates = new double[d][n];
        listenerWeights = new double[d][n];
        pull = new double[d][n];
        pullTimesPosition = new double[d][n];
        reachSquared = new double[n];
        from = new int[n];
        to = new int[n];
        tailStart = new int[n];
        firstListener = new int[n];
        lastListener = new int[n];
        tailListenersStart = new int[n + 1];
        tailListeners = new int[3 * n];
        distance = new double[n];
        factor = new double[n];
        weighted = new double[4 * d][n];
        weights = new double[4 * d][n];
    }

    /**
     * Each listener's window of speakers on the sorted axis: within its tolerance, w_axis diff_axis^2
     * &lt;= eps^2, so only that window can be in reach (with a margin far above rounding: a speaker in
     * reach is always in the window). For each speaker, the range of listeners whose windows may hold
     * it, and the listeners that have it in their tails.
     */
    private void windows(Assembly a, int count) {
        for (int c = 0; c < count; c++) {
            int i = active[c];
            reachSquared[c] = a.tolerance[i] * a.tolerance[i];
            double axisWeight = listenerWeights[axisOrder.axis][c];
            from[c] = 0;
            to[c] = count;
            if (axisWeight > 0) {
                double reach = a.tolerance[i] / Math.sqrt(axisWeight);
                from[c] = axisOrder.from(coordinates[axisOrder.axis][c] - reach);
                to[c] = axisOrder.to(coordinates[axisOrder.axis][c] + reach);
            }
            tailStart[c] = from[c] + (to[c] - from[c]) / 4 * 4;
        }
        // A window holds its own listener; one before speaker cj holds cj when it ends after cj, one
        // after cj when it starts at or before cj: running maxima of the ends, minima of the starts.
        int first = 0;
        int furthestEnd = count == 0 ? 0 : to[0];
        for (int cj = 0; cj < count; cj++) {
            while (furthestEnd <= cj) {
                furthestEnd = Math.max(furthestEnd, to[++first]);
            }
            firstListener[cj] = first;
        }
        int last = count - 1;
        int earliestStart = count == 0 ? 0 : from[count - 1];
        for (int cj = count - 1; cj >= 0; cj--) {
            while (earliestStart > cj) {
                earliestStart = Math.min(earliestStart, from[--last]);
            }
            lastListener[cj] = last;
        }
        java.util.Arrays.fill(tailListenersStart, 0, count + 1, 0);
        for (int c = 0; c < count; c++) {
            for (int cj = tailStart[c]; cj < to[c]; cj++) {
                tailListenersStart[cj + 1]++;
            }
        }
        for (int cj = 0; cj < count; cj++) {
            tailListenersStart[cj + 1] += tailListenersStart[cj];
        }
        for (int c = 0; c < count; c++) {
            for (int cj = tailStart[c]; cj < to[c]; cj++) {
                tailListeners[tailListenersStart[cj]++] = c;
            }
        }
        for (int cj = count; cj > 0; cj--) {
            tailListenersStart[cj] = tailListenersStart[cj - 1];
        }
        tailListenersStart[0] = 0;
    }

    /**
     * Speaker cj's terms in the blocks of every listener whose window holds it, each added to the
     * listener's running sum for cj mod 4. Branch-free, so the loops over listeners vectorise: a factor
     * of 0 (out of reach, or cj in the listener's tail) adds +0, which leaves a sum of non-negative
     * terms unchanged.
     */
    private void addToBlocks(Assembly a, int cj) {
        int d = a.dimensions;
        int lo = firstListener[cj];
        int hi = lastListener[cj] + 1;
        if (d == 1) {
            java.util.Arrays.fill(distance, lo, hi, 0);
        }
        for (int k = 0; k < d - 1; k++) {
            double[] column = coordinates[k];
            double[] weight = listenerWeights[k];
            double speaker = column[cj];
            if (k == 0) {
                for (int c = lo; c < hi; c++) {
                    double diff = speaker - column[c];
                    distance[c] = weight[c] * diff * diff;
                }
            } else {
                for (int c = lo; c < hi; c++) {
                    double diff = speaker - column[c];
                    distance[c] += weight[c] * diff * diff;
                }
            }
        }
        kinship(a, cj, lo, hi);
        // The last dimension's distance and the factor in one pass.
        double[] column = coordinates[d - 1];
        double[] weight = listenerWeights[d - 1];
        double speaker = column[cj];
        for (int c = lo; c < hi; c++) {
            double diff = speaker - column[c];
            double squared = distance[c] + weight[c] * diff * diff;
            // eps^2 - distance has the sign of the exact difference; adding the smallest double makes 0
            // positive, lifting makes any positive value at least 1: the clamp is 1 in reach, 0 not.
            double inReach = ((reachSquared[c] - squared) + Double.MIN_VALUE) * LIFT * LIFT;
            factor[c] = (1 + affinity * factor[c]) * Math.max(0, Math.min(1, inReach));
        }
        for (int t = tailListenersStart[cj]; t < tailListenersStart[cj + 1]; t++) {
            factor[tailListeners[t]] = 0;
        }
        int r = cj & 3;
        for (int k = 0; k < d; k++) {
            accumulate(weighted[4 * k + r], weights[4 * k + r], pullTimesPosition[k][cj], pull[k][cj], lo, hi);
        }
    }

    /** Into {@link #factor}: 1 for listeners that share a group with speaker cj or are cj, 0 for others. */
    private void kinship(Assembly a, int cj, int lo, int hi) {
        java.util.Arrays.fill(factor, lo, hi, 0);
        int j = active[cj];
        for (int g = 0; g < a.groups; g++) {
            if (a.isMember(j, g)) {
                double[] member = members[g];
                for (int c = lo; c < hi; c++) {
                    factor[c] = Math.max(factor[c], member[c]);
                }
            }
        }
        factor[cj] = 1;
    }

    private void accumulate(double[] weightedSums, double[] weightSums, double termTimesPosition, double term,
                            int lo, int hi) {
        for (int c = lo; c < hi; c++) {
            weightedSums[c] += factor[c] * termTimesPosition;
            weightSums[c] += factor[c] * term;
        }
    }

    /** Listener c's tail, the speakers after its last block of four, added in order to its first running sum. */
    private void addTail(Assembly a, int c) {
        int d = a.dimensions;
        int r = from[c] & 3;
        for (int cj = tailStart[c]; cj < to[c]; cj++) {
            double squared = 0;
            for (int k = 0; k < d; k++) {
                double diff = coordinates[k][cj] - coordinates[k][c];
                squared += listenerWeights[k][c] * diff * diff;
            }
            if (squared <= reachSquared[c]) {
                double f = cj == c || a.shareGroup(active[c], active[cj]) ? 1 + affinity : 1;
                for (int k = 0; k < d; k++) {
                    weighted[4 * k + r][c] += f * pullTimesPosition[k][cj];
                    weights[4 * k + r][c] += f * pull[k][cj];
                }
            }
        }
    }

    /** Listener c's four running sums on dimension k, in window order, combined pairwise. */
    private double combined(double[][] sums, int k, int c) {
        int r = from[c];
        return (sums[4 * k + (r & 3)][c] + sums[4 * k + ((r + 1) & 3)][c])
                + (sums[4 * k + ((r + 2) & 3)][c] + sums[4 * k + ((r + 3) & 3)][c]);
    }
}
