package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * Bloc discipline in votes (docs/ODD.md 7.12). A bloc's line on an item is the sign of its present
 * members' capability-weighted sincere intentions, L_g = sign(sum_i c_i v_i) (0: the bloc abstains).
 * A member of blocs with cohesion follows the line of its most cohesive bloc (the first declared on a
 * tie) with probability kappa_g, one draw per member and vote; otherwise it votes its own intention
 * v_i, except that a cross-pressured member (v_i = -L_g) abstains when {@code cross_pressured: abstain}.
 * Members of no cohesive bloc vote sincerely and draw nothing.
 */
final class BlocDisciplineBallot implements Ballot {
    private final boolean crossPressuredAbstain;
    private int[] intention = new int[0];
    private int[] line = new int[0];
    private int[] disciplinedBy = new int[0];

    BlocDisciplineBallot(Scenario.CrossPressure crossPressured) {
        crossPressuredAbstain = crossPressured == Scenario.CrossPressure.ABSTAIN;
    }

    @Override
    public void prepare(Assembly a, int m, double band) {
        if (intention.length != a.delegations || line.length != a.groups) {
            intention = new int[a.delegations];
            disciplinedBy = new int[a.delegations];
            line = new int[a.groups];
        }
        double[] weighted = new double[a.groups];
        for (int i = 0; i < a.delegations; i++) {
            disciplinedBy[i] = -1;
            if (!a.takesPart(i, m)) {
                continue;
            }
            intention[i] = DecisionMaking.voteIntention(a, i, m, band);
            for (int g = 0; g < a.groups; g++) {
                if (a.isMember(i, g) && a.cohesion[g] > 0) {
                    weighted[g] += a.capability[i] * intention[i];
                    if (disciplinedBy[i] < 0 || a.cohesion[g] > a.cohesion[disciplinedBy[i]]) {
                        disciplinedBy[i] = g;
                    }
                }
            }
        }
        for (int g = 0; g < a.groups; g++) {
            line[g] = (int) Math.signum(weighted[g]);
        }
    }

    @Override
    public int cast(Assembly a, int i, int m, double band, MersenneTwisterFast random) {
        int g = disciplinedBy[i];
        if (g < 0) {
            return intention[i];
        }
        if (random.nextDouble() < a.cohesion[g]) {
            return line[g];
        }
        return crossPressuredAbstain && intention[i] == -line[g] && line[g] != 0 ? 0 : intention[i];
    }
}
