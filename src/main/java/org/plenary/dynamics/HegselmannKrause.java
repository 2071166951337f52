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
 *   x_ik' = clamp(x_ik + o_i mu (1 - rho s_ik) (m_ik - x_ik) + lambda (x*_ik - x_ik), 0, 1)
 * </pre>
 * With c = 1, s = 1, a = 0, o = 1, mu = 1, rho = 0, lambda = 0 it is the pure model.
 */
public final class HegselmannKrause implements Mechanism {
    private final double rate;
    private final double anchor;
    private final double affinity;
    private final double salienceResistance;
    private double[] next = new double[0];
    private double[] weightedSum = new double[0];
    private double[] weightSum = new double[0];

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
            weightedSum = new double[d];
            weightSum = new double[d];
        }
        double[] x = a.position;
        double[] s = a.activeSalience;
        for (int i = 0; i < n; i++) {
            if (!a.isActive(i)) {
                continue;
            }
            double epsSquared = a.tolerance[i] * a.tolerance[i];
            java.util.Arrays.fill(weightedSum, 0);
            java.util.Arrays.fill(weightSum, 0);
            for (int j = 0; j < n; j++) {
                if (!a.isActive(j) || Distances.squaredFromView(a, i, j) > epsSquared) {
                    continue;
                }
                double w = a.capability[j] * (i == j || a.shareGroup(i, j) ? 1 + affinity : 1);
                for (int k = 0; k < d; k++) {
                    double wk = w * s[j * d + k];
                    weightedSum[k] += wk * x[j * d + k];
                    weightSum[k] += wk;
                }
            }
            double pull = a.openness[i] * rate;
            for (int k = 0; k < d; k++) {
                int ik = i * d + k;
                double mean = weightSum[k] > 0 ? weightedSum[k] / weightSum[k] : x[ik];
                double moved = x[ik] + pull * (1 - salienceResistance * s[ik]) * (mean - x[ik])
                        + anchor * (a.ideal[ik] - x[ik]);
                // Influence and anchor together can overshoot when their rates sum above 1.
                next[ik] = Math.min(1, Math.max(0, moved));
            }
        }
        for (int i = 0; i < n; i++) {
            if (a.isActive(i)) {
                System.arraycopy(next, i * d, x, i * d, d);
            }
        }
    }
}
