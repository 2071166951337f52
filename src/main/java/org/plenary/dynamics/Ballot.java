package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/** How a delegation taking part casts its vote on an item (docs/ODD.md 7.7 and 7.12); chosen by {@code voting}. */
interface Ballot {

    /** Called once per vote, before the ballots of item m are cast. */
    default void prepare(Assembly a, int m, double band) {
    }

    /** +1 yes, -1 no, 0 abstain. */
    int cast(Assembly a, int i, int m, double band, MersenneTwisterFast random);
}
