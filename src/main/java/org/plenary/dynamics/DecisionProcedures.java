package org.plenary.dynamics;

import org.plenary.scenario.Scenario;

/** The decision procedure of each kind of standards body (docs/ODD.md 7.13). */
final class DecisionProcedures {
    private DecisionProcedures() {
    }

    static DecisionProcedure of(Scenario.Body body, DecisionMaking decisions) {
        return switch (body.procedure()) {
            case ITU_PLENARY -> new ItuPlenary(decisions);
            case ISO_IEC -> new IsoIecBallot(decisions);
            case IETF -> new RoughConsensus(body.rough());
            case THREE_GPP -> new ThreeGppVote(decisions, body.majority());
            case ITU_T_AAP -> new AlternativeApproval(decisions, body.lastCall());
        };
    }
}
