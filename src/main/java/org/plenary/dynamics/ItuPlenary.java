package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;

/**
 * The ITU-like assembly of models v1 and v2 (docs/ODD.md 7.7): consensus under the scenario's
 * {@code decision} rule, and at the deadline its fallback, a vote of those taking part or failure.
 * The default procedure, and the one of every scenario without {@code bodies}.
 */
final class ItuPlenary implements DecisionProcedure {
    private final DecisionMaking decisions;

    ItuPlenary(DecisionMaking decisions) {
        this.decisions = decisions;
    }

    @Override
    public ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random) {
        if (decisions.consensus(a, m, share, a.objecting)) {
            return ItemState.CONSENSUS;
        }
        if (a.round() >= a.deadline[m]) {
            return decisions.votesAtDeadline() ? decisions.vote(a, m, random) : ItemState.FAILED;
        }
        return ItemState.OPEN;
    }

    @Override
    public boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        return decisions.acceptsByRule(a, m, share, objecting, texts);
    }
}
