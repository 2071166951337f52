package org.plenary.dynamics;

import org.plenary.model.Assembly;

/** v1's rule (docs/ODD.md 7.7): loss_i = D_i(x_i, draft) - D_i(x_i, status quo), from the current position. */
final class StatusQuoObjections implements ObjectionRule {

    @Override
    public double loss(Assembly a, int i, int m, double[] texts) {
        double toDraft = Distances.toText(a, i, m, texts);
        if (Double.isNaN(toDraft)) {
            return Double.NaN;
        }
        return toDraft - Distances.toText(a, i, m, a.statusQuo);
    }

    @Override
    public double loss(Assembly a, int i, int m, double[] texts, double toText, double toStatusQuo) {
        return toText - toStatusQuo;
    }

    @Override
    public boolean measuresTextAndStatusQuo() {
        return true;
    }
}
