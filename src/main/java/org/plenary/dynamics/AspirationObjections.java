package org.plenary.dynamics;

import java.util.function.IntPredicate;
import org.plenary.model.Assembly;

/**
 * Objections against aspirations (docs/ODD.md 7.9): delegation i's shortfall on item m is
 * <pre>
 *   loss_i = D_i(A_i, draft) - D_i(A_i, r_im(t))
 * </pre>
 * measured from its aspiration point A_i: how much farther the draft is from what i pushes for
 * than i's current demand r_im(t) ({@link AspirationConcession}). A bloc measures from its
 * members' common aspiration against their common demand (capability x salience weighted).
 */
final class AspirationObjections implements ObjectionRule {

    @Override
    public double loss(Assembly a, int i, int m) {
        int d = a.dimensions;
        double toDraft = Distances.between(a, i, m, a.aspiration, i * d, a.draft, m * d);
        if (Double.isNaN(toDraft)) {
            return Double.NaN;
        }
        return toDraft - Distances.between(a, i, m, a.aspiration, i * d, a.demand, (m * a.delegations + i) * d);
    }

    @Override
    public double blocViewpoint(Assembly a, int m, int k, IntPredicate members) {
        return Distances.commonPoint(a, k, members, a.aspiration, 0);
    }

    @Override
    public double blocReference(Assembly a, int m, int k, IntPredicate members) {
        return Distances.commonPoint(a, k, members, a.demand, m * a.delegations * a.dimensions);
    }
}
