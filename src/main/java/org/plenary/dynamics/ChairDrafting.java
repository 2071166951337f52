package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * The chair's draft of every open item (docs/ODD.md, 7.6 Chair drafting):
 * <pre>
 *   compromise_k = sum_i c_i s_ik x_ik / sum_i c_i s_ik      over delegations taking part
 *   if the last decision round had sustained objections:
 *     target_k     = sum_o c_o s_ok x*_ok / sum_o c_o s_ok   over the objectors still taking part
 *     concession_k = concession_k + alpha (target_k - draft_k)
 *   draft_k = clamp(compromise_k + concession_k, 0, 1)
 * </pre>
 * on the dimensions the item weights. Concessions accumulate: compromise language bought with time.
 */
public final class ChairDrafting implements Mechanism {
    private final double accommodation;

    public ChairDrafting(double accommodation) {
        this.accommodation = accommodation;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int d = a.dimensions;
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed() || a.tabled[m]) {
                continue; // a tabled text is voted as it stands
            }
            for (int k = 0; k < d; k++) {
                int mk = m * d + k;
                if (a.itemWeights[mk] <= 0) {
                    continue;
                }
                double target = weightedMean(a, m, k, true, a.ideal);
                if (!Double.isNaN(target)) {
                    a.concession[mk] += accommodation * (target - a.draft[mk]);
                }
                double compromise = weightedMean(a, m, k, false, a.position);
                double base = Double.isNaN(compromise) ? a.statusQuo[mk] : compromise;
                a.draft[mk] = Math.min(1, Math.max(0, base + a.concession[mk]));
            }
        }
    }

    /**
     * Capability x salience weighted mean of {@code points} on dimension k over the delegations
     * taking part in item m (only its current objectors when {@code objectorsOnly}); NaN when
     * nobody qualifies. Falls back to capability weights when no one has salience there.
     */
    private static double weightedMean(Assembly a, int m, int k, boolean objectorsOnly, double[] points) {
        int d = a.dimensions;
        double weighted = 0;
        double weight = 0;
        double byCapability = 0;
        double capability = 0;
        boolean any = false;
        for (int i = 0; i < a.delegations; i++) {
            if (!a.takesPart(i, m) || (objectorsOnly && !a.objecting[m * a.delegations + i])) {
                continue;
            }
            any = true;
            double w = a.capability[i] * a.activeSalience[i * d + k];
            weighted += w * points[i * d + k];
            weight += w;
            byCapability += a.capability[i] * points[i * d + k];
            capability += a.capability[i];
        }
        if (!any) {
            return Double.NaN;
        }
        if (weight > 0) {
            return weighted / weight;
        }
        return capability > 0 ? byCapability / capability : Double.NaN;
    }
}
