package org.plenary.dynamics;

import org.plenary.model.Assembly;

/**
 * What an objection is measured against (docs/ODD.md 7.7 and 7.9): a delegation's loss from the
 * draft. Chosen by {@code decision.objections}; blocs pool the standing of members hurt by it (7.7).
 */
interface ObjectionRule {

    /**
     * Delegation i's loss from item m's text in {@code texts} (indexed like the drafts: the draft, or a
     * proposal being weighed); NaN when it has no salience on the item's dimensions.
     */
    double loss(Assembly a, int i, int m, double[] texts);

    /**
     * As {@link #loss(Assembly, int, int, double[])}, given i's distances to the text and to the status quo
     * ({@link Distances#toText}; both NaN without salience on the item), which the caller has measured anyway.
     */
    default double loss(Assembly a, int i, int m, double[] texts, double toText, double toStatusQuo) {
        return loss(a, i, m, texts);
    }

    /**
     * Whether the loss is made of i's distances to the text and to the status quo, so that a caller who
     * wants those distances too (the sincere vote intentions) gets them at no extra cost.
     */
    default boolean measuresTextAndStatusQuo() {
        return false;
    }
}
