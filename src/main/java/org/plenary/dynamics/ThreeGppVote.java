package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.function.IntUnaryOperator;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * 3GPP Working Procedures (TSG and WG decision making), docs/ODD.md 7.13: consensus (no sustained
 * objection, or a tolerated share); without it by the deadline, a vote of the Individual Members taking
 * part (observers take part in the debate but cast no counted vote), a technical decision needing
 * <pre>
 *   yes &gt;= majority x (yes + no)     (abstentions excluded; majority 0.71 by default)
 * </pre>
 * and at least one vote cast; else rejected.
 */
final class ThreeGppVote implements DecisionProcedure {
    private static final int INDIVIDUAL_MEMBER = Scenario.Procedure.THREE_GPP.roleCode("individual-member");

    private final DecisionMaking decisions;
    private final double majority;

    ThreeGppVote(DecisionMaking decisions, double majority) {
        this.decisions = decisions;
        this.majority = majority;
    }

    @Override
    public ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random) {
        if (decisions.agreed(a, m, share, a.objecting)) {
            return ItemState.CONSENSUS;
        }
        if (a.round() < a.deadline[m]) {
            return ItemState.OPEN;
        }
        decisions.castBallots(a, m, random);
        return carries(a, m, BallotCount.recorded(a, m)) ? ItemState.VOTE_ADOPTED : ItemState.VOTE_REJECTED;
    }

    @Override
    public boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        return decisions.agreed(a, m, share, objecting) || (a.round() >= a.deadline[m]
                && carries(a, m, BallotCount.sincere(a, m, decisions.abstentionBand(), texts)));
    }

    private boolean carries(Assembly a, int m, IntUnaryOperator ballotOf) {
        int[] votes = BallotCount.of(a, m, INDIVIDUAL_MEMBER, ballotOf);
        return carries(majority, votes[0], votes[1]);
    }

    /**
     * Whether {@code yes} of the votes cast reach the super-majority (a share met exactly carries: the
     * tolerance keeps 71 of 100 at 0.71 from failing on the binary fraction's rounding).
     */
    static boolean carries(double majority, int yes, int no) {
        return yes + no > 0 && yes >= majority * (yes + no) - 1e-9;
    }
}
