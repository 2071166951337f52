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
    private final double rate;
    private final double anchor;
    private final double affinity;
    private final double salienceResistance;
    private double[] next = new double[0];
    private double[] viewWeights = new double[0];
    private long[] blocs = new long[0];
    private final SortedAxis axisOrder = new SortedAxis();
    private int[] active = new int[0];
    /** Group masks in the order of {@link #active}, so the pair loop reads them sequentially. */
    private long[] activeBlocs = new long[0];
    private double[][] coordinates = new double[0][0];
    private double[][] pull = new double[0][0];
    private double[][] pullTimesPosition = new double[0][0];
    private double[] distance = new double[0];
    private double[] factor = new double[0];

    public HegselmannKrause(double rate, double anchor, double affinity, double salienceResistance) {
        this.rate = rate;
        this.anchor = anchor;
        this.affinity = affinity;
        this.salienceResistance = salienceResistance;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int n = a.delegations;
        int d = a.dimensions;
        if (next.length != n * d) {
            next = new double[n * d];
            viewWeights = new double[n * d];
            blocs = new long[n];
            active = new int[n];
            activeBlocs = new long[n];
            coordinates = new double[d][n];
            pull = new double[d][n];
            pullTimesPosition = new double[d][n];
            distance = new double[n];
            factor = new double[n];
        }
        double[] x = a.position;
        double[] s = a.activeSalience;
        Distances.viewWeights(a, viewWeights);
        boolean masks = GroupMasks.fill(a, blocs);
        // Active delegations in sorted order along the widest axis, one array per dimension (structure
        // of arrays), so pair loops run flat over a window of those within reach on that axis.
        axisOrder.sort(a);
        int count = axisOrder.count;
        for (int c = 0; c < count; c++) {
            int j = axisOrder.order[c];
            for (int k = 0; k < d; k++) {
                coordinates[k][c] = x[j * d + k];
                // A speaker's weight on a dimension is c_j s_jk.
                pull[k][c] = a.capability[j] * s[j * d + k];
                pullTimesPosition[k][c] = pull[k][c] * x[j * d + k];
            }
            activeBlocs[c] = blocs[j];
            active[c] = j;
        }
        for (int c = 0; c < count; c++) {
            int i = active[c];
            int bi = i * d;
            double epsSquared = a.tolerance[i] * a.tolerance[i];
            // Within i's tolerance, w_i,axis * diff_axis^2 <= eps^2: only that window can be in reach.
            double axisWeight = viewWeights[bi + axisOrder.axis];
            int from = 0;
            int to = count;
            if (axisWeight > 0) {
                double reach = a.tolerance[i] / Math.sqrt(axisWeight);
                from = axisOrder.from(coordinates[axisOrder.axis][c] - reach);
                to = axisOrder.to(coordinates[axisOrder.axis][c] + reach);
            }
            java.util.Arrays.fill(distance, from, to, 0);
            for (int k = 0; k < d; k++) {
                double weight = viewWeights[bi + k];
                double own = coordinates[k][c];
                double[] column = coordinates[k];
                for (int cj = from; cj < to; cj++) {
                    double diff = column[cj] - own;
                    distance[cj] += weight * diff * diff;
                }
            }
            long own = activeBlocs[c];
            for (int cj = from; cj < to; cj++) {
                boolean kin = cj == c || (masks ? (own & activeBlocs[cj]) != 0 : a.shareGroup(i, active[cj]));
                factor[cj] = distance[cj] > epsSquared ? 0 : kin ? 1 + affinity : 1;
            }
            double step = a.openness[i] * rate;
            for (int k = 0; k < d; k++) {
                double weightedSum = dot(factor, pullTimesPosition[k], from, to);
                double weightSum = dot(factor, pull[k], from, to);
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

    /**
     * The dot product of entries {@code from} (inclusive) to {@code to} (exclusive), over four
     * partial sums: one running sum waits on each addition's latency, four keep the pipeline full
     * (the hot spot of this step).
     */
    private static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < to; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
