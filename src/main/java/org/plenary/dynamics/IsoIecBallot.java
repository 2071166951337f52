package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.function.IntUnaryOperator;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * ISO/IEC Directives, Part 1, enquiry (DIS) and approval (FDIS) stages, docs/ODD.md 7.13: the
 * committee (its P- and O-members taking part) drafts until no objection is sustained; that round the
 * draft goes to the ballot of the members. It is approved when
 * <pre>
 *   3 yes_P &gt;= 2 (yes_P + no_P)   and   4 no_all &lt;= yes_all + no_all     (abstentions excluded)
 * </pre>
 * (at least two-thirds of the P-members' votes cast in favour, at most a quarter of all votes cast
 * negative; O-members' votes count only in the second), else rejected; a ballot without a P-member's
 * vote is not approved. A committee without consensus by the deadline fails (the project is cancelled).
 */
final class IsoIecBallot implements DecisionProcedure {
    private static final int P_MEMBER = Scenario.Procedure.ISO_IEC.roleCode("P");

    private final DecisionMaking decisions;

    IsoIecBallot(DecisionMaking decisions) {
        this.decisions = decisions;
    }

    @Override
    public ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random) {
        if (!decisions.agreed(a, m, share, a.objecting)) {
            return a.round() >= a.deadline[m] ? ItemState.FAILED : ItemState.OPEN;
        }
        decisions.castBallots(a, m, random);
        return approved(a, m, BallotCount.recorded(a, m)) ? ItemState.VOTE_ADOPTED : ItemState.VOTE_REJECTED;
    }

    @Override
    public boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        return decisions.agreed(a, m, share, objecting)
                && approved(a, m, BallotCount.sincere(a, m, decisions.abstentionBand(), texts));
    }

    private static boolean approved(Assembly a, int m, IntUnaryOperator ballotOf) {
        int[] p = BallotCount.of(a, m, P_MEMBER, ballotOf);
        int[] all = BallotCount.of(a, m, BallotCount.ANY_ROLE, ballotOf);
        return approves(p[0], p[1], all[0], all[1]);
    }

    /**
     * The DIS/FDIS counting rule on votes cast (abstentions already excluded): P-members' yes and no,
     * and all members' yes and no.
     */
    static boolean approves(int yesP, int noP, int yesAll, int noAll) {
        return yesP + noP > 0 && 3 * yesP >= 2 * (yesP + noP) && 4 * noAll <= yesAll + noAll;
    }
}
