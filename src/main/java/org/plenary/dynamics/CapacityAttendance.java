package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.plenary.model.Assembly;

/**
 * Attendance and capacity (docs/ODD.md 7.11), after Panke (2013): small delegations cannot cover
 * parallel forums. Each round, delegation i's capacity is the number of open items it can cover at
 * once,
 * <pre>
 *   K_i = (c_i / c_full)^gamma
 *   N_i = open items, of the bodies i is a member of, in the forums i has not disengaged from
 *   p_i = min(1, K_i / N_i)
 * </pre>
 * and it attends each forum with such items with probability p_i (one draw per delegation and forum,
 * in delegation then forum order, only when p_i &lt; 1). An absent delegation neither drafts, objects
 * nor votes in that forum this round, and the quorum counts only those present.
 */
public final class CapacityAttendance implements Mechanism {
    private final double fullCapability;
    private final double exponent;
    private int[] openInForum = new int[0];
    /** Capacity of each delegation, recomputed only when its capability changes (by an event). */
    private double[] capacity = new double[0];
    private double[] capacityOf = new double[0];

    public CapacityAttendance(double fullCapability, double exponent) {
        this.fullCapability = fullCapability;
        this.exponent = exponent;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        int forums = a.forums;
        if (openInForum.length != forums) {
            openInForum = new int[forums];
        }
        if (capacity.length != a.delegations) {
            capacity = new double[a.delegations];
            capacityOf = new double[a.delegations];
            Arrays.fill(capacityOf, Double.NaN);
        }
        Arrays.fill(a.absent, false);
        for (int i = 0; i < a.delegations; i++) {
            if (a.withdrawn[i] || !a.voting[i]) {
                continue;
            }
            int load = countOpenItems(a, i);
            if (load == 0) {
                continue;
            }
            if (a.capability[i] != capacityOf[i]) {
                capacityOf[i] = a.capability[i];
                capacity[i] = capacity(a.capability[i]);
            }
            double p = Math.min(1.0, capacity[i] / load);
            if (p >= 1.0) {
                continue;
            }
            for (int f = 0; f < forums; f++) {
                if (openInForum[f] > 0) {
                    a.absent[i * forums + f] = random.nextDouble() >= p;
                }
            }
        }
    }

    /**
     * Counts, into {@code openInForum}, the open items delegation i has to cover in each forum: those of the
     * bodies it is a member of (every item when the scenario declares none), in forums it has not disengaged
     * from; returns their sum, N_i.
     */
    private int countOpenItems(Assembly a, int i) {
        Arrays.fill(openInForum, 0);
        int load = 0;
        for (int m = 0; m < a.items; m++) {
            int f = a.itemForum[m];
            if (!a.itemState[m].isClosed() && a.isMemberFor(i, m) && !a.forumDisengaged[i * a.forums + f]) {
                openInForum[f]++;
                load++;
            }
        }
        return load;
    }

    /** K = (c / c_full)^gamma: how many items a delegation of capability c covers at once. */
    double capacity(double capability) {
        return Math.pow(capability / fullCapability, exponent);
    }
}
