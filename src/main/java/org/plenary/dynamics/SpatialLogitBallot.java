package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * The spatial-logit vote (docs/ODD.md 7.7c): an ordered logit on delegation i's utility difference
 * between item m's text t and its status quo q,
 * <pre>
 *   Delta_im = v_m + beta * sum_k w_mk s_ik [(x_ik - q_mk)^2 - (x_ik - t_mk)^2] + gamma * affinity(i, sponsor_m)
 *   P(yes) = L(Delta - tau_m),  P(no) = L(-Delta - tau_m),  P(abstain) = 1 - P(yes) - P(no)
 * </pre>
 * with L the logistic function, tau_m = max(0, tau + tau_shift_m) item m's cut-point, s_ik i's active salience and affinity 1 when i is the sponsor, belongs
 * to the sponsoring group or shares a group with the sponsoring delegation, else 0; or, with
 * {@code logit.affinity}, i's past voting agreement with the sponsor (read with the scenario). One uniform draw
 * from the replication's generator per ballot; the probabilities go to {@link Assembly#ballotChance}.
 */
final class SpatialLogitBallot implements Ballot {
    private final Scenario.Logit logit;

    SpatialLogitBallot(Scenario.Logit logit) {
        this.logit = logit;
    }

    @Override
    public int cast(Assembly a, int i, int m, double band, MersenneTwisterFast random) {
        int slot = 3 * (m * a.delegations + i);
        probabilities(a, logit, i, m, a.ballotChance, slot);
        double u = random.nextDouble();
        if (u < a.ballotChance[slot]) {
            return 1;
        }
        return u < a.ballotChance[slot] + a.ballotChance[slot + 1] ? -1 : 0;
    }

    /** Writes P(yes), P(no), P(abstain) of i on m's current draft to {@code out[at..at+2]}. */
    static void probabilities(Assembly a, Scenario.Logit logit, int i, int m, double[] out, int at) {
        double delta = utilityDifference(a, logit, i, m);
        double tau = logit.tau(m);
        out[at] = logistic(delta - tau);
        out[at + 1] = logistic(-delta - tau);
        out[at + 2] = Math.max(0, 1 - out[at] - out[at + 1]);
    }

    /** Delta_im: what i gains from m's current draft over the status quo. */
    static double utilityDifference(Assembly a, Scenario.Logit logit, int i, int m) {
        int d = a.dimensions;
        double spatial = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[m * d + k] * a.activeSalience[i * d + k];
            if (w > 0) {
                double fromQuo = a.position[i * d + k] - a.statusQuo[m * d + k];
                double fromText = a.position[i * d + k] - a.draft[m * d + k];
                spatial += w * (fromQuo * fromQuo - fromText * fromText);
            }
        }
        double affinity = logit.affinity() == null ? affinity(a, i, logit.sponsor()[m])
                : logit.affinity()[m * a.delegations + i];
        return logit.valence()[m] + logit.beta() * spatial + logit.gamma() * affinity;
    }

    /** 1 when i is the sponsor, a member of the sponsoring group or shares a group with the sponsoring delegation. */
    static double affinity(Assembly a, int i, String sponsor) {
        if (sponsor == null) {
            return 0;
        }
        for (int s = 0; s < a.delegations; s++) {
            if (a.delegationIds[s].equals(sponsor)) {
                return s == i || sharesGroup(a, i, s) ? 1 : 0;
            }
        }
        return a.isMember(i, a.groupIndex(sponsor)) ? 1 : 0;
    }

    private static boolean sharesGroup(Assembly a, int i, int j) {
        for (int g = 0; g < a.groups; g++) {
            if (a.isMember(i, g) && a.isMember(j, g)) {
                return true;
            }
        }
        return false;
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
