package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;

/**
 * A standards body's decision procedure (docs/ODD.md 7.13): what this round's sustained objections,
 * a ballot and the deadline do to an open item of the body. Chosen per body by the scenario; the
 * objections themselves are marked by {@link DecisionMaking} the same way in every body.
 */
interface DecisionProcedure {

    /**
     * Item m's state after this round's decision, its objectors marked in {@code a.objecting} with
     * capability share {@code share}; {@link ItemState#OPEN} keeps it open. A ballot draws from {@code random}
     * only as the scenario's vote model does.
     */
    ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random);

    /**
     * Whether the body would take {@code texts}' text on item m this round, its would-be objectors marked
     * in {@code objecting} with capability share {@code share}; read-only, draws nothing.
     */
    boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts);
}
