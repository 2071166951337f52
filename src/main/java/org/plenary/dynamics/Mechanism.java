package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/**
 * One mechanism of a negotiation round (bloc coordination, influence, drafting, ...). The
 * simulation runs the scenario's mechanisms in a fixed order every round; a mechanism that needs
 * randomness draws only from the replication's generator it is handed.
 */
@FunctionalInterface
public interface Mechanism {
    void step(Assembly assembly, MersenneTwisterFast random);
}
