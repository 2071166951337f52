package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;

/** v1's votes: each delegation votes its own intention ({@link DecisionMaking#voteIntention}); draws nothing. */
final class SincereBallot implements Ballot {

    @Override
    public int cast(Assembly a, int i, int m, double band, MersenneTwisterFast random) {
        return DecisionMaking.voteIntention(a, i, m, band);
    }
}
