package org.plenary.dynamics;

import java.util.Arrays;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/**
 * The landscape of the coalition game (docs/ODD.md 7.4b): the symmetric propensities
 * p_ij = 1 + beta sum_g kappa_g [i, j in g] - D2_ij / r^2 on the ideal points, and, per coalition slot of
 * the item in hand, running sums from which a delegation's utility in a coalition costs O(D + its
 * blocs) instead of a loop over the members:
 * <pre>
 *   sum_j c_j D2_ij = sum_k (w_mk / W_m) s_ik (x_ik^2 S_k - 2 x_ik M_k + Q_k)
 *   S_k = sum_j c_j s_jk,  M_k = sum_j c_j s_jk x_jk,  Q_k = sum_j c_j s_jk x_jk^2   (x the ideal points)
 * </pre>
 */
final class AllianceLandscape {
    private final double inverseReach;
    private final double blocAffinity;
    /** Each delegation's coordinating groups (member, cohesion above 0) this round, CSR by delegation. */
    private int[] groupStart = new int[0];
    private int[] groupList = new int[0];
    /** Per coalition slot of the item in hand: sum c_j, then per dimension S_k, M_k and Q_k. */
    private double[] mass = new double[0];
    private double[] salienceSum = new double[0];
    private double[] positionSum = new double[0];
    private double[] squareSum = new double[0];
    /** Per coalition slot, per group: the capability of the members in the group. */
    private double[] groupMass = new double[0];
    /** The item's dimension weights w_mk / W_m. */
    private double[] itemShare = new double[0];

    AllianceLandscape(Scenario.Formation rule) {
        this.inverseReach = 1.0 / (rule.reach() * rule.reach());
        this.blocAffinity = rule.blocAffinity();
    }

    void allocate(Assembly a) {
        int n = a.delegations;
        int d = a.dimensions;
        groupStart = new int[n + 1];
        groupList = new int[n * a.groups];
        mass = new double[n];
        salienceSum = new double[n * d];
        positionSum = new double[n * d];
        squareSum = new double[n * d];
        groupMass = new double[n * a.groups];
        itemShare = new double[d];
    }

    void coordinatingGroups(Assembly a) {
        int count = 0;
        for (int i = 0; i < a.delegations; i++) {
            groupStart[i] = count;
            for (int g = 0; g < a.groups; g++) {
                if (a.isMember(i, g) && a.cohesion[g] > 0) {
                    groupList[count++] = g;
                }
            }
        }
        groupStart[a.delegations] = count;
    }

    void shares(Assembly a, int m) {
        int d = a.dimensions;
        double total = 0;
        for (int k = 0; k < d; k++) {
            total += a.itemWeights[m * d + k];
        }
        for (int k = 0; k < d; k++) {
            itemShare[k] = a.itemWeights[m * d + k] / total;
        }
    }

    /** U_i(A) = sum_{j in A} c_j p_ij / C, from the sums of slot s (which must not hold i). */
    double utility(Assembly a, CoalitionActors actors, int m, int s, int i) {
        int d = a.dimensions;
        double total = actors.itemCapability[m];
        if (total <= 0) {
            return 0;
        }
        double affinity = 0;
        for (int x = groupStart[i]; x < groupStart[i + 1]; x++) {
            int g = groupList[x];
            affinity += a.cohesion[g] * groupMass[s * a.groups + g];
        }
        double distance = 0;
        for (int k = 0; k < d; k++) {
            double share = itemShare[k];
            if (share > 0) {
                double xi = a.ideal[i * d + k];
                int sk = s * d + k;
                distance += share * a.activeSalience[i * d + k]
                        * (xi * xi * salienceSum[sk] - 2 * xi * positionSum[sk] + squareSum[sk]);
            }
        }
        return (mass[s] + blocAffinity * affinity - inverseReach * distance) / total;
    }

    /** p_ij = 1 + beta sum_g kappa_g [i, j in g] - D2_ij / r^2 on the item in hand. */
    double propensity(Assembly a, int i, int j) {
        int d = a.dimensions;
        double affinity = 0;
        for (int x = groupStart[i]; x < groupStart[i + 1]; x++) {
            int g = groupList[x];
            if (a.isMember(j, g)) {
                affinity += a.cohesion[g];
            }
        }
        double distance = 0;
        for (int k = 0; k < d; k++) {
            if (itemShare[k] > 0) {
                double diff = a.ideal[i * d + k] - a.ideal[j * d + k];
                distance += itemShare[k] * a.activeSalience[i * d + k] * a.activeSalience[j * d + k] * diff * diff;
            }
        }
        return 1 + blocAffinity * affinity - inverseReach * distance;
    }

    void load(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s)) {
                clear(a, s);
            }
        }
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf[m * n + i];
            if (s != CoalitionActors.NONE) {
                add(a, s, i, 1);
            }
        }
    }

    void clear(Assembly a, int s) {
        int d = a.dimensions;
        mass[s] = 0;
        Arrays.fill(salienceSum, s * d, s * d + d, 0);
        Arrays.fill(positionSum, s * d, s * d + d, 0);
        Arrays.fill(squareSum, s * d, s * d + d, 0);
        Arrays.fill(groupMass, s * a.groups, s * a.groups + a.groups, 0);
    }

    /** Adds (sign 1) or removes (sign -1) delegation i's terms to or from slot s's sums. */
    void add(Assembly a, int s, int i, int sign) {
        int d = a.dimensions;
        double c = sign * a.capability[i];
        mass[s] += c;
        for (int k = 0; k < d; k++) {
            double w = c * a.activeSalience[i * d + k];
            double x = a.ideal[i * d + k];
            salienceSum[s * d + k] += w;
            positionSum[s * d + k] += w * x;
            squareSum[s * d + k] += w * x * x;
        }
        for (int x = groupStart[i]; x < groupStart[i + 1]; x++) {
            groupMass[s * a.groups + groupList[x]] += c;
        }
    }

    /**
     * Item-weighted Euclidean distance between two coalitions' interests on item m: the capability x
     * salience weighted means of their members' ideal points (from the sums), on the item's dimensions
     * where both have salience.
     */
    double interestDistance(Assembly a, int m, int s, int t) {
        int d = a.dimensions;
        double sum = 0;
        double total = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[m * d + k];
            if (w > 0 && salienceSum[s * d + k] > 0 && salienceSum[t * d + k] > 0) {
                double diff = positionSum[s * d + k] / salienceSum[s * d + k] - positionSum[t * d + k] / salienceSum[t * d + k];
                sum += w * diff * diff;
                total += w;
            }
        }
        return total > 0 ? Math.sqrt(sum / total) : Double.POSITIVE_INFINITY;
    }
}
