package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import org.plenary.model.Assembly;
import org.plenary.reference.Landscape;

/**
 * Coalitions as the two blocs of landscape theory (Axelrod &amp; Bennett 1993) among the active
 * delegations, each of size c_i (its capability), with propensities from their current positions
 * and shared blocs:
 * <pre>
 *   p_ij = 1 - 2 |x_i - x_j| / sqrt(D) + b [i and j share a bloc or group]
 * </pre>
 * (|x_i - x_j| the Euclidean distance over the D dimensions, so the first two terms run from +1 for
 * identical positions to -1 for opposite corners; b the {@code bloc_bonus}). The blocs are the
 * lowest-energy local minimum found by steepest descent from {@code starts} random configurations:
 * exhaustive search is out of reach for a whole assembly. The starts come from a generator of its
 * own, seeded by (replication seed, round), never from the model's: choosing a coalition method
 * must not change the negotiation it observes.
 * When every pair attracts, the minimum is everyone in one bloc, i.e. one coalition. Blocs with fewer
 * than {@code min_members} delegations are not reported as coalitions. A delegation of capability 0
 * weighs nothing in the energy, so its bloc is arbitrary.
 */
public final class LandscapeCoalitions implements Mechanism {
    private final int starts;
    private final double blocBonus;
    private final int minMembers;
    private final long replicationSeed;

    public LandscapeCoalitions(int starts, double blocBonus, int minMembers, long replicationSeed) {
        this.starts = starts;
        this.blocBonus = blocBonus;
        this.minMembers = minMembers;
        this.replicationSeed = replicationSeed;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast modelRandom) {
        MersenneTwisterFast random = new MersenneTwisterFast(new int[] {(int) (replicationSeed >>> 32),
            (int) replicationSeed, a.round()});
        int[] active = new int[a.delegations];
        int count = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (a.isActive(i)) {
                active[count++] = i;
            }
        }
        int[] label = new int[a.delegations];
        if (count > 0) {
            double[] sizes = new double[count];
            double[][] propensities = new double[count][count];
            for (int u = 0; u < count; u++) {
                sizes[u] = a.capability[active[u]];
                for (int v = 0; v < u; v++) {
                    double p = propensity(a, active[u], active[v]);
                    propensities[u][v] = p;
                    propensities[v][u] = p;
                }
            }
            Landscape.Configuration lowest = Landscape.sampledLocalMinima(sizes, propensities, starts, random::nextLong)
                    .get(0);
            labelBloc(label, active, lowest.firstBloc(), 1);
            labelBloc(label, active, lowest.secondBloc(), 2);
        }
        a.setCoalitions(CoalitionList.of(a, label, 2));
    }

    /** p_ij from the current positions and shared blocs (see the class comment). */
    double propensity(Assembly a, int i, int j) {
        int d = a.dimensions;
        double squared = 0;
        for (int k = 0; k < d; k++) {
            double diff = a.position[i * d + k] - a.position[j * d + k];
            squared += diff * diff;
        }
        return 1 - 2 * Math.sqrt(squared / d) + (a.shareGroup(i, j) ? blocBonus : 0);
    }

    private void labelBloc(int[] label, int[] active, int[] bloc, int value) {
        if (bloc.length >= minMembers) {
            for (int u : bloc) {
                label[active[u]] = value;
            }
        }
    }
}
