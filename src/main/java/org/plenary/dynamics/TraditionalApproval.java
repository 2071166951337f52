package org.plenary.dynamics;

import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * ITU-T's traditional approval process (WTSA Resolution 1, section 9), for an item marked {@code approval: tap}
 * in an {@code itu-t-aap} body, docs/ODD.md 7.13. The study group <em>determines</em> a text it agrees on (as
 * consent, 7.7 with the tolerated share); the Director announces it and consults the Member States until the
 * next study-group meeting, {@code consultation} rounds later, the text frozen. At that meeting:
 * <pre>
 *   proceeds  when  no Member State replies, or  10 x supporting &gt;= 7 x replies      (9.4.5-9.4.6)
 *   approved  when  it proceeds, a Member State takes part  and  none sustains an objection  (9.5.3, unopposed)
 * </pre>
 * Every Member State taking part replies; it supports consideration unless its hurt exceeds its own threshold
 * (a written reply needs no standing). At the meeting only a sustained objection (7.7, with standing) is an
 * opposition; sector members neither reply nor decide. A text not approved is reopened (the chair accommodates
 * again, 7.6) until the next determination; a determination in the deadline's round comes too late for a
 * consultation, and a text not approved at a meeting on or after the deadline fails.
 */
final class TraditionalApproval {
    private static final int MEMBER_STATE = Scenario.Procedure.ITU_T_AAP.roleCode("member-state");

    private final DecisionMaking decisions;
    private final int consultation;

    TraditionalApproval(DecisionMaking decisions, int consultation) {
        this.decisions = decisions;
        this.consultation = consultation;
    }

    ItemState decide(Assembly a, int m, double share) {
        int meeting = a.lastCallEnds[m];
        if (meeting > 0) {
            if (a.round() < meeting) {
                return ItemState.OPEN;
            }
            a.lastCallEnds[m] = 0;
            if (proceeds(a, m) && unopposed(a, m)) {
                return ItemState.CONSENSUS;
            }
        } else if (determines(a, m, share, a.objecting)) {
            a.lastCallEnds[m] = a.round() + consultation;
            return ItemState.OPEN;
        }
        return a.round() >= a.deadline[m] ? ItemState.FAILED : ItemState.OPEN;
    }

    /** The study group would determine the text now, early enough to consult the Member States before the deadline. */
    private boolean determines(Assembly a, int m, double share, boolean[] objecting) {
        return a.round() < a.deadline[m] && decisions.agreed(a, m, share, objecting);
    }

    /** What the body would take (forum shifting, closed rules): a determination, with a Member State there to decide. */
    boolean accepts(Assembly a, int m, double share, boolean[] objecting) {
        return determines(a, m, share, objecting) && anyMemberState(a, m);
    }

    private static boolean anyMemberState(Assembly a, int m) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m) && a.roleFor(i, m) == MEMBER_STATE) {
                return true;
            }
        }
        return false;
    }

    /** The consultation's outcome: no reply, or at least 70 per cent of the Member States' replies in support. */
    private boolean proceeds(Assembly a, int m) {
        int replies = 0;
        int supporting = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m) && a.roleFor(i, m) == MEMBER_STATE) {
                replies++;
                if (!decisions.hurtBeyondThreshold(a, i)) {
                    supporting++;
                }
            }
        }
        return proceeds(supporting, replies);
    }

    /** Resolution 1, 9.4.5: "70 per cent or more of the replies ... (or if there are no replies)". */
    static boolean proceeds(int supporting, int replies) {
        return replies == 0 || 10 * supporting >= 7 * replies;
    }

    /**
     * Resolution 1, 9.5.3: the delegations' decision "must be unopposed"; only Member States decide, so a meeting
     * without a Member State taking part (sector members alone) approves nothing.
     */
    private static boolean unopposed(Assembly a, int m) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.objecting[m * a.delegations + i] && a.takesPart(i, m) && a.roleFor(i, m) == MEMBER_STATE) {
                return false;
            }
        }
        return anyMemberState(a, m);
    }
}
