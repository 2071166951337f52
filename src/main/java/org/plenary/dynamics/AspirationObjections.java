package org.plenary.dynamics;

import org.plenary.model.Assembly;

/**
 * Objections against aspirations (docs/ODD.md 7.9): delegation i's shortfall on item m is
 * <pre>
 *   loss_i = D_i(A_i, draft) - D_i(A_i, r_im(t))
 * </pre>
 * measured from its aspiration point A_i: how much farther the draft is from what i pushes for
 * than i's current demand r_im(t) ({@link AspirationConcession}). Blocs pool the standing of
 * members hurt by their shortfall as under the status-quo rule (7.7).
 */
final class AspirationObjections implements ObjectionRule {

    @Override
    public double loss(Assembly a, int i, int m, double[] texts) {
        int d = a.dimensions;
        double toDraft = Distances.between(a, i, m, a.aspiration, i * d, texts, m * d);
        if (Double.isNaN(toDraft)) {
            return Double.NaN;
        }
        return toDraft - Distances.between(a, i, m, a.aspiration, i * d, a.demand, (m * a.delegations + i) * d);
    }
}
