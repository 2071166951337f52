package org.plenary.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.dynamics.BallotCount;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * The figures an item's outcome is decided by under its body's own rule (docs/ODD.md 7.7 and 7.13), read
 * from the assembly right after a round: the vote's count against its quorum (itu-plenary), the ISO/IEC
 * ballot's P-member share in favour and negative share of all votes cast, the IETF's objectors against
 * the rough share, the 3GPP vote of the Individual Members, the ITU-T last call (or, under TAP, the meeting that ends the
 * Member States' consultation). Taken in the round an
 * item is decided, they stay what decided it: a later withdrawal from the body does not rewrite them.
 */
public final class RuleFigures {
    private static final int P_MEMBER = Scenario.Procedure.ISO_IEC.roleCode("P");
    private static final int INDIVIDUAL_MEMBER = Scenario.Procedure.THREE_GPP.roleCode("individual-member");

    private RuleFigures() {
    }

    /**
     * Item m's figures now: always its procedure, and the counts the procedure decides by; {@code decision}
     * the scenario's rule (the ITU-like assembly's quorum and majority), {@code bodies} its declared bodies.
     */
    public static Map<String, Object> of(Scenario.Decision decision, List<Scenario.Body> bodies, Assembly a, int m) {
        Scenario.Procedure procedure = a.bodyProcedure[a.itemBody[m]];
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("procedure", procedure.label());
        boolean voted = a.itemState[m].isClosed() && a.votes[3 * m] >= 0 && a.decidedRound[m] == a.round();
        switch (procedure) {
            case ITU_PLENARY -> {
                if (voted) {
                    vote(figures, a, m);
                    int accredited = accredited(a, m);
                    figures.put("accredited", accredited);
                    figures.put("quorum", DecisionMaking.quorumCount(decision, accredited));
                    figures.put("majority", decision.majority());
                }
            }
            case ISO_IEC -> {
                if (voted) {
                    int[] p = BallotCount.of(a, m, P_MEMBER, BallotCount.recorded(a, m));
                    int[] all = BallotCount.of(a, m, BallotCount.ANY_ROLE, BallotCount.recorded(a, m));
                    figures.put("pYes", p[0]);
                    figures.put("pNo", p[1]);
                    figures.put("yes", all[0]);
                    figures.put("no", all[1]);
                    figures.put("pInFavour", p[0] + p[1] == 0 ? null : (double) p[0] / (p[0] + p[1]));
                    figures.put("negative", all[0] + all[1] == 0 ? null : (double) all[1] / (all[0] + all[1]));
                }
            }
            case IETF -> {
                int participants = 0;
                int objectors = 0;
                for (int i = 0; i < a.delegations; i++) {
                    if (a.takesPart(i, m)) {
                        participants++;
                        objectors += a.objecting[m * a.delegations + i] ? 1 : 0;
                    }
                }
                figures.put("participants", participants);
                figures.put("objectors", objectors);
                figures.put("rough", bodies.get(a.itemBody[m]).rough());
            }
            case THREE_GPP -> {
                if (voted) {
                    int[] members = BallotCount.of(a, m, INDIVIDUAL_MEMBER, BallotCount.recorded(a, m));
                    figures.put("yes", members[0]);
                    figures.put("no", members[1]);
                    figures.put("majority", bodies.get(a.itemBody[m]).majority());
                }
            }
            case ITU_T_AAP -> {
                // Under TAP the frozen stretch is the Member States' consultation, ended by a meeting, not a last call.
                boolean traditional = a.traditionalApproval[m];
                figures.put("approval", traditional ? "tap" : "aap");
                if (a.lastCallEnds[m] > 0 && a.itemState[m] == ItemState.OPEN) {
                    figures.put(traditional ? "meeting" : "lastCallEnds", a.lastCallEnds[m]);
                }
            }
            default -> throw new IllegalStateException("unhandled procedure " + procedure);
        }
        return figures;
    }

    private static void vote(Map<String, Object> figures, Assembly a, int m) {
        figures.put("yes", a.votes[3 * m]);
        figures.put("no", a.votes[3 * m + 1]);
        figures.put("abstain", a.votes[3 * m + 2]);
        figures.put("present", a.votes[3 * m] + a.votes[3 * m + 1] + a.votes[3 * m + 2]);
    }

    /** Those with a ballot in item m's vote, present or not (the quorum's base, as DecisionMaking.tally counts it). */
    private static int accredited(Assembly a, int m) {
        int accredited = 0;
        for (int i = 0; i < a.delegations; i++) {
            accredited += a.ballots[m * a.delegations + i] != DecisionMaking.NO_BALLOT ? 1 : 0;
        }
        return accredited;
    }
}
