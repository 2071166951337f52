package org.plenary.dynamics;

import org.plenary.model.Assembly;

/** Expected outcomes and linear utilities of the exchange of support (docs/ODD.md 7.10), transcribed for tests. */
final class ExchangeOutcomes {
    private ExchangeOutcomes() {
    }

    /** O_k: capability x salience weighted mean position per dimension, over delegations with a vote. */
    static double[] outcomes(Assembly a) {
        double[] o = new double[a.dimensions];
        for (int k = 0; k < a.dimensions; k++) {
            double w = 0;
            for (int i = 0; i < a.delegations; i++) {
                if (a.voting[i] && !a.withdrawn[i]) {
                    double wi = a.capability[i] * a.activeSalience[i * a.dimensions + k];
                    o[k] += wi * a.position[i * a.dimensions + k];
                    w += wi;
                }
            }
            o[k] /= w;
        }
        return o;
    }

    /** Linear utility of the outcomes for i: minus its salience-weighted distance from its ideal point. */
    static double utility(Assembly a, int i, double[] o) {
        double u = 0;
        for (int k = 0; k < a.dimensions; k++) {
            u -= a.salience[i * a.dimensions + k] * Math.abs(a.ideal[i * a.dimensions + k] - o[k]);
        }
        return u;
    }
}
