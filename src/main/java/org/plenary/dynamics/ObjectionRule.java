package org.plenary.dynamics;

import java.util.function.IntPredicate;
import org.plenary.model.Assembly;

/**
 * What an objection is measured against (docs/ODD.md 7.7 and 7.9): a delegation's loss from the
 * draft, and the viewpoint and reference text of a bloc's coordinated objection. Chosen by
 * {@code decision.objections}.
 */
interface ObjectionRule {

    /** Delegation i's loss from item m's draft; NaN when it has no salience on the item's dimensions. */
    double loss(Assembly a, int i, int m);

    /** The bloc's common viewpoint on dimension k, over the members {@code members} selects. */
    double blocViewpoint(Assembly a, int m, int k, IntPredicate members);

    /** The text the bloc compares the draft with on dimension k. */
    double blocReference(Assembly a, int m, int k, IntPredicate members);
}
