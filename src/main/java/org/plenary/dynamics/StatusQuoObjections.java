package org.plenary.dynamics;

import java.util.function.IntPredicate;
import org.plenary.model.Assembly;

/**
 * v1's rule (docs/ODD.md 7.7): loss_i = D_i(x_i, draft) - D_i(x_i, status quo), from the current
 * position; a bloc measures from its common position against the status quo.
 */
final class StatusQuoObjections implements ObjectionRule {

    @Override
    public double loss(Assembly a, int i, int m) {
        double toDraft = Distances.toText(a, i, m, a.draft);
        if (Double.isNaN(toDraft)) {
            return Double.NaN;
        }
        return toDraft - Distances.toText(a, i, m, a.statusQuo);
    }

    @Override
    public double blocViewpoint(Assembly a, int m, int k, IntPredicate members) {
        return Distances.commonPosition(a, k, members);
    }

    @Override
    public double blocReference(Assembly a, int m, int k, IntPredicate members) {
        return a.statusQuo[m * a.dimensions + k];
    }
}
