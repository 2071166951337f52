package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/** No persuasion between delegations; only the anchor pulls positions back to the ideal points. */
public final class NoInfluence implements Mechanism {
    private final double anchor;

    public NoInfluence(double anchor) {
        this.anchor = anchor;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.isActive(i)) {
                for (int ik = i * a.dimensions; ik < (i + 1) * a.dimensions; ik++) {
                    a.position[ik] += anchor * (a.ideal[ik] - a.position[ik]);
                }
            }
        }
    }
}
