package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * Aspirations conceded over time (docs/ODD.md 7.9), the time-dependent tactics of Faratin,
 * Sierra and Jennings (1998) with kappa = 0. On every open item m with deadline T_m, at round t,
 * delegation i demands
 * <pre>
 *   alpha_im(t) = min(1, t / T_m)^(1 / e_i)
 *   r_imk(t)    = A_ik + alpha_im(t) (q_mk - A_ik)
 * </pre>
 * from its aspiration A_i toward its reservation, the status quo q_m (what it gets without an
 * agreement). e &lt; 1 is Boulware (holds out until the deadline), e = 1 linear, e &gt; 1 a conceder.
 * Draws nothing.
 */
public final class AspirationConcession implements Mechanism {

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int d = a.dimensions;
        int n = a.delegations;
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                continue;
            }
            double time = Math.min(1.0, (double) a.round() / a.deadline[m]);
            double lastExponent = Double.NaN;
            double lastAlpha = Double.NaN;
            for (int i = 0; i < n; i++) {
                // Most delegations share an exponent (1 by default): one pow per run of equal exponents.
                double e = a.concessionExponent[i];
                if (e != lastExponent) {
                    lastExponent = e;
                    lastAlpha = e == 1.0 ? time : Math.pow(time, 1.0 / e);
                }
                double alpha = lastAlpha;
                int at = (m * n + i) * d;
                for (int k = 0; k < d; k++) {
                    if (a.itemWeights[m * d + k] > 0) {
                        double aspiration = a.aspiration[i * d + k];
                        a.demand[at + k] = aspiration + alpha * (a.statusQuo[m * d + k] - aspiration);
                    }
                }
            }
        }
    }
}
