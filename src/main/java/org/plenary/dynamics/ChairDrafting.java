package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * The chair's draft of every open item (docs/ODD.md, 7.6 Chair drafting):
 * <pre>
 *   compromise_k = sum_i c_i s_ik x_ik / sum_i c_i s_ik      over delegations taking part
 *   if the last decision round had sustained objections:
 *     target_k     = sum_o c_o s_ok p_ok / sum_o c_o s_ok    over the objectors still taking part
 *     concession_k = concession_k + alpha (target_k - draft_k)
 *   draft_k = clamp(compromise_k + concession_k, 0, 1)
 * </pre>
 * on the dimensions the item weights, where p is what objectors argue for: their negotiating
 * positions x (the points their objections are measured from) or, by choice, their ideal points x*.
 * Concessions accumulate: compromise language bought with time. Each round's concession is owed
 * to its objectors in proportion to their weight, c_o s_ok (p_ok - draft_k) / sum_o c_o s_ok; when
 * a delegation withdraws, what the text owes it is kept, dropped at once, or withdrawn by a
 * fraction each round (decay), as the scenario chooses.
 * With agenda-setting on ({@link AgendaSetting}) the chair starts from the text it took up instead:
 * {@code base_k = anchor_k + gamma (compromise_k - anchor_k)}.
 */
public final class ChairDrafting implements Mechanism {
    private final double accommodation;
    private final boolean towardIdeal;
    private final Scenario.ConcessionsOnWithdrawal onWithdrawal;
    private final double decay;
    /** Concession owed to each delegation, {@code [(m * n + i) * d + k]}; tracked unless kept anyway. */
    private double[] owed = new double[0];

    public ChairDrafting(Scenario.Chair chair) {
        this.accommodation = chair.accommodation();
        this.towardIdeal = chair.accommodateToward() == Scenario.AccommodationTarget.IDEAL;
        this.onWithdrawal = chair.concessionsOnWithdrawal();
        this.decay = chair.concessionDecay();
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        for (int m = 0; m < a.items; m++) {
            if (!a.itemState[m].isClosed()) {
                draft(a, m, null, 1);
            }
        }
    }

    /**
     * Drafts item m: settles what is owed to withdrawn delegations, accommodates the objectors, then
     * sets the draft from the compromise, or, when {@code anchor} is given (indexed like the drafts),
     * from the anchor moved a share {@code towardCompromise} of the way to the compromise.
     */
    void draft(Assembly a, int m, double[] anchor, double towardCompromise) {
        if (a.textFixed(m)) {
            return; // a tabled text is voted as it stands; a text in its last call stays as consented
        }
        int d = a.dimensions;
        boolean tracking = onWithdrawal != Scenario.ConcessionsOnWithdrawal.KEEP;
        if (tracking) {
            if (owed.length != a.items * a.delegations * d) {
                owed = new double[a.items * a.delegations * d];
            }
            releaseWithdrawn(a, m);
        }
        double[] argued = towardIdeal ? a.ideal : a.position;
        for (int k = 0; k < d; k++) {
            int mk = m * d + k;
            if (a.itemWeights[mk] <= 0) {
                continue;
            }
            double target = weightedMean(a, m, k, true, argued);
            if (!Double.isNaN(target)) {
                if (tracking) {
                    attribute(a, m, k, argued);
                }
                a.concession[mk] += accommodation * (target - a.draft[mk]);
            }
            double compromise = weightedMean(a, m, k, false, a.position);
            double base = Double.isNaN(compromise) ? a.statusQuo[mk] : compromise;
            if (anchor != null) {
                base = anchor[mk] + towardCompromise * (base - anchor[mk]);
            }
            a.draft[mk] = Math.min(1, Math.max(0, base + a.concession[mk]));
        }
    }

    /** Takes back from item m's concession what it owes delegations withdrawn from it: all of it, or a fraction. */
    private void releaseWithdrawn(Assembly a, int m) {
        int d = a.dimensions;
        double fraction = onWithdrawal == Scenario.ConcessionsOnWithdrawal.DROP ? 1 : decay;
        for (int i = 0; i < a.delegations; i++) {
            if (!withdrawnFrom(a, i, m)) {
                continue;
            }
            int base = (m * a.delegations + i) * d;
            for (int k = 0; k < d; k++) {
                double released = fraction * owed[base + k];
                a.concession[m * d + k] -= released;
                owed[base + k] -= released;
            }
        }
    }

    /**
     * Whether delegation i has withdrawn from item m: altogether, or from the body the item sits in (an event
     * took its declared role there away, docs/ODD.md 7.13). A delegation that was never a member of the item's
     * body has not withdrawn from it: what a moved item owes it travels with the draft (7.14).
     */
    private static boolean withdrawnFrom(Assembly a, int i, int m) {
        int held = i * a.bodies + a.itemBody[m];
        return a.withdrawn[i] || (a.role[held] == 0 && a.declaredRole[held] != 0);
    }

    /**
     * Splits this round's concession on item m, dimension k among its objectors by their share of the
     * target's weight (the same weights and fallback as {@link #weightedMean}).
     */
    private void attribute(Assembly a, int m, int k, double[] argued) {
        int d = a.dimensions;
        int mk = m * d + k;
        double weight = 0;
        double capability = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (isObjector(a, m, i)) {
                weight += a.capability[i] * a.activeSalience[i * d + k];
                capability += a.capability[i];
            }
        }
        boolean bySalience = weight > 0;
        double total = bySalience ? weight : capability;
        if (total <= 0) {
            return;
        }
        for (int i = 0; i < a.delegations; i++) {
            if (isObjector(a, m, i)) {
                double w = bySalience ? a.capability[i] * a.activeSalience[i * d + k] : a.capability[i];
                owed[(m * a.delegations + i) * d + k] += accommodation * w * (argued[i * d + k] - a.draft[mk]) / total;
            }
        }
    }

    private static boolean isObjector(Assembly a, int m, int i) {
        return a.takesPart(i, m) && a.objecting[m * a.delegations + i];
    }

    /**
     * Capability x salience weighted mean of {@code points} on dimension k over the delegations
     * taking part in item m (only its current objectors when {@code objectorsOnly}); NaN when
     * nobody qualifies. Falls back to capability weights when no one has salience there.
     */
    static double weightedMean(Assembly a, int m, int k, boolean objectorsOnly, double[] points) {
        int d = a.dimensions;
        double weighted = 0;
        double weight = 0;
        double byCapability = 0;
        double capability = 0;
        boolean any = false;
        for (int i = 0; i < a.delegations; i++) {
            if (!a.takesPart(i, m) || (objectorsOnly && !a.objecting[m * a.delegations + i])) {
                continue;
            }
            any = true;
            double w = a.capability[i] * a.activeSalience[i * d + k];
            weighted += w * points[i * d + k];
            weight += w;
            byCapability += a.capability[i] * points[i * d + k];
            capability += a.capability[i];
        }
        if (!any) {
            return Double.NaN;
        }
        if (weight > 0) {
            return weighted / weight;
        }
        return capability > 0 ? byCapability / capability : Double.NaN;
    }
}
