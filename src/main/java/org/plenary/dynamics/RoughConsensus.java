package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;

/**
 * IETF rough consensus (RFC 2418 3.3, RFC 7282), docs/ODD.md 7.13: no vote, ever. The chair addresses
 * objections by accommodating them (the drafting step); objections still sustained are judged "in the
 * rough" when the objectors are few: at most a share {@code rough} of the participants taking part,
 * counted by heads, since participants are individuals:
 * <pre>
 *   consensus  when  objectors &lt;= rough x participants   (participants &gt; 0)
 * </pre>
 * The headcount is this model's reading: RFC 7282 stresses that the chair judges whether issues were
 * addressed, not how many object. Without rough consensus by the deadline the item fails.
 */
final class RoughConsensus implements DecisionProcedure {
    private final double rough;

    RoughConsensus(double rough) {
        this.rough = rough;
    }

    @Override
    public ItemState decide(Assembly a, int m, double share, MersenneTwisterFast random) {
        if (accepts(a, m, share, a.objecting, a.draft)) {
            return ItemState.CONSENSUS;
        }
        return a.round() >= a.deadline[m] ? ItemState.FAILED : ItemState.OPEN;
    }

    @Override
    public boolean accepts(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        int participants = 0;
        int objectors = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m)) {
                participants++;
                if (objecting[m * a.delegations + i]) {
                    objectors++;
                }
            }
        }
        // A share met exactly is in the rough: the tolerance keeps 29 of 50 at 0.58 (28.999999999999996) in.
        return participants > 0 && objectors <= rough * participants + 1e-9;
    }
}
