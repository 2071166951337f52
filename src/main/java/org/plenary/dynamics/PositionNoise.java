package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * Unmodelled day-to-day drift of negotiating positions (corridor talks, new instructions): each
 * active delegation's position on each dimension gets independent Gaussian noise of standard
 * deviation sigma, kept within [0, 1]. This is what makes replications differ under the
 * otherwise deterministic Hegselmann-Krause model.
 */
public final class PositionNoise implements Mechanism {
    private final double sigma;

    public PositionNoise(double sigma) {
        this.sigma = sigma;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.isActive(i)) {
                for (int ik = i * a.dimensions; ik < (i + 1) * a.dimensions; ik++) {
                    a.position[ik] = Math.min(1, Math.max(0, a.position[ik] + sigma * random.nextGaussian()));
                }
            }
        }
    }
}
