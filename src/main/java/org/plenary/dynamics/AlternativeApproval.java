package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;

/**
 * ITU-T's alternative approval process (Recommendation ITU-T A.8), docs/ODD.md 7.13. The study group
 * <em>consents</em> to a text when it agrees (no sustained objection, or a tolerated share, as 7.7); a
 * <em>last call</em> of {@code lastCall} rounds follows, the text frozen. At its end, a member state or
 * sector member taking part whose loss, weighed by its salience, exceeds its own threshold comments, no
 * standing needed; without comments the text is approved ({@code consensus}). A comment reopens it:
 * comment resolution (the chair accommodates again, 7.6) until the study group consents anew, and a
 * further review, modelled as another last call. A text consented in the deadline's round is approved at
 * that study-group meeting; one without consent by then fails, as does one whose last call, ending past
 * the deadline, drew comments. An item marked {@code approval: tap} follows the traditional approval process
 * instead ({@link TraditionalApproval}), its consultation as long as a last call.
 */
final class AlternativeApproval implements DecisionProcedure {
    private final DecisionMaking decisions;
    private final int lastCall;
    private final TraditionalApproval traditional;

    AlternativeApproval(DecisionMaking decisions, int lastCall) {
        this.decisions = decisions;
        this.lastCall = lastCall;
        this.traditional = new TraditionalApproval(decisions, lastCall);
    }

    @Override
    public ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random) {
        if (a.traditionalApproval[m]) {
            return traditional.decide(a, m, share);
        }
        int ends = a.lastCallEnds[m];
        if (ends > 0) {
            if (a.round() < ends) {
                return ItemState.OPEN;
            }
            a.lastCallEnds[m] = 0;
            if (!anyComment(a, m)) {
                return ItemState.CONSENSUS;
            }
            return a.round() >= a.deadline[m] ? ItemState.FAILED : ItemState.OPEN;
        }
        if (decisions.agreed(a, m, share, a.objecting)) {
            if (a.round() >= a.deadline[m]) {
                return ItemState.CONSENSUS;
            }
            a.lastCallEnds[m] = a.round() + lastCall;
            return ItemState.OPEN;
        }
        return a.round() >= a.deadline[m] ? ItemState.FAILED : ItemState.OPEN;
    }

    /** Whether any member taking part in item m comments on its text (objections just marked for it). */
    private boolean anyComment(Assembly a, int m) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m) && decisions.hurtBeyondThreshold(a, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A proposal is accepted when the study group would consent to it (the last call is still ahead), or under
     * TAP determine it with a Member State taking part (the consultation and the meeting are still ahead).
     */
    @Override
    public boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        return a.traditionalApproval[m] ? traditional.accepts(a, m, share, objecting)
                : decisions.agreed(a, m, share, objecting);
    }
}
