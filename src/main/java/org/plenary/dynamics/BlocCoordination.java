package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * Blocs form a common position, the capability x salience weighted mean of their active members,
 * and each member moves toward it by cohesion x openness (docs/ODD.md, 7.2). Blocs are
 * processed in the order of the assembly's groups (declared blocs first); a member of two blocs
 * moves twice.
 */
public final class BlocCoordination implements Mechanism {
    private double[] common = new double[0];
    /** Scratch sums for {@link Distances#commonPosition}. */
    private double[] weighted = new double[0];
    private double[] weight = new double[0];

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int d = a.dimensions;
        if (common.length != d) {
            common = new double[d];
            weighted = new double[d];
            weight = new double[d];
        }
        for (int g = 0; g < a.groups; g++) {
            double kappa = a.cohesion[g];
            if (kappa <= 0 || !commonPosition(a, g, common)) {
                continue;
            }
            for (int i = 0; i < a.delegations; i++) {
                if (a.isActive(i) && a.isMember(i, g)) {
                    double step = kappa * a.openness[i];
                    for (int k = 0; k < d; k++) {
                        a.position[i * d + k] += step * (common[k] - a.position[i * d + k]);
                    }
                }
            }
        }
    }

    /** Fills the bloc's common position; false when the bloc has no active member. */
    private boolean commonPosition(Assembly a, int g, double[] out) {
        return Distances.commonPosition(a, i -> a.isActive(i) && a.isMember(i, g), out, weighted, weight);
    }
}
