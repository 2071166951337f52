package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;

/**
 * Coalitions as DBSCAN clusters (Ester et al. 1996) of active delegations in position space
 * (Euclidean distance). A delegation is a core point when at least {@code minMembers}
 * delegations, itself included, lie within {@code radius}. The expansion order is that of
 * Commons Math's {@code DBSCANClusterer} with {@code minPts = minMembers - 1} (tested to give the
 * same clusters); it runs on flat arrays because it runs every round of every replication.
 * Deterministic: no random draw.
 */
public final class DbscanCoalitions implements Mechanism {
    private static final int UNVISITED = 0;
    private static final int NOISE = -1;

    private final double radius;
    private final int minMembers;
    private int[] label = new int[0];
    /** The cluster a delegation was last queued for, so the marks need no clearing between clusters. */
    private int[] queued = new int[0];
    private long[] foundBits = new long[0];
    private final SortedAxis axisOrder = new SortedAxis();
    /** The delegation whose window is cached, or -1. */
    private int windowOf = -1;
    private int windowStart;
    private int windowEnd;
    private int[] seeds = new int[0];
    private int[] neighbours = new int[0];

    public DbscanCoalitions(double radius, int minMembers) {
        this.radius = radius;
        this.minMembers = minMembers;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        a.setCoalitions(detect(a));
    }

    public List<Coalition> detect(Assembly a) {
        int n = a.delegations;
        if (label.length != n) {
            label = new int[n];
            queued = new int[n];
            seeds = new int[n];
            neighbours = new int[n];
            foundBits = new long[(n + 63) / 64];
        }
        java.util.Arrays.fill(label, UNVISITED);
        java.util.Arrays.fill(queued, 0);
        axisOrder.sort(a);
        windowOf = -1;
        int clusters = 0;
        for (int p = 0; p < n; p++) {
            if (!a.isActive(p) || label[p] != UNVISITED) {
                continue;
            }
            int found = neighbours(a, p, neighbours);
            if (found + 1 < minMembers) {
                label[p] = NOISE;
                continue;
            }
            clusters++;
            expand(a, p, found, clusters);
        }
        return CoalitionList.of(a, label, clusters);
    }

    private void expand(Assembly a, int core, int found, int cluster) {
        label[core] = cluster;
        queued[core] = cluster;
        int size = 0;
        for (int f = 0; f < found; f++) {
            seeds[size++] = neighbours[f];
            queued[neighbours[f]] = cluster;
        }
        for (int index = 0; index < size; index++) {
            int current = seeds[index];
            // Only neighbours not yet queued can be added, so only those are gathered: in a large
            // cluster most are queued already, and skipping them avoids their distances.
            if (label[current] == UNVISITED && isCore(a, current)) {
                int more = unqueuedNeighbours(a, current, cluster, neighbours);
                for (int f = 0; f < more; f++) {
                    queued[neighbours[f]] = cluster;
                    seeds[size++] = neighbours[f];
                }
            }
            if (label[current] <= 0) {
                label[current] = cluster;
            }
        }
    }

    /** Whether p has at least minMembers - 1 active neighbours within the radius (stops counting there). */
    private boolean isCore(Assembly a, int p) {
        int needed = minMembers - 1;
        int found = 0;
        window(a, p);
        for (int c = windowStart; c < windowEnd && found < needed; c++) {
            if (c != axisOrder.rank[p] && isNear(a, p, axisOrder.order[c])) {
                found++;
            }
        }
        return found >= needed;
    }

    /** Neighbours of p not yet queued for the cluster, in index order. */
    private int unqueuedNeighbours(Assembly a, int p, int cluster, int[] out) {
        int found = 0;
        window(a, p);
        for (int c = windowStart; c < windowEnd; c++) {
            int q = axisOrder.order[c];
            if (c != axisOrder.rank[p] && queued[q] != cluster && isNear(a, p, q)) {
                out[found++] = q;
            }
        }
        return inIndexOrder(out, found);
    }

    /** Active delegations other than p within the radius of p, in index order. */
    private int neighbours(Assembly a, int p, int[] out) {
        int found = 0;
        window(a, p);
        for (int c = windowStart; c < windowEnd; c++) {
            if (c != axisOrder.rank[p] && isNear(a, p, axisOrder.order[c])) {
                out[found++] = axisOrder.order[c];
            }
        }
        return inIndexOrder(out, found);
    }

    /**
     * The range [windowStart, windowEnd) of the sorted order whose coordinate on the sort axis is within the
     * radius of p's: only these can be neighbours (a sorted sweep instead of every pair). Found by
     * binary search, and kept when asked again for the same delegation.
     */
    private void window(Assembly a, int p) {
        if (p == windowOf) {
            return;
        }
        double centre = axisOrder.coordinate[axisOrder.rank[p]];
        windowStart = axisOrder.from(centre - radius);
        windowEnd = axisOrder.to(centre + radius);
        windowOf = p;
    }

    /**
     * Puts the found neighbours back in index order, through a bitset (linear in n / 64 + found):
     * the expansion order, and so the clusters, are then those of Commons Math.
     */
    private int inIndexOrder(int[] out, int found) {
        for (int f = 0; f < found; f++) {
            foundBits[out[f] >>> 6] |= 1L << out[f];
        }
        int written = 0;
        for (int word = 0; word < foundBits.length; word++) {
            long bits = foundBits[word];
            foundBits[word] = 0;
            while (bits != 0) {
                out[written++] = (word << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return written;
    }

    private boolean isNear(Assembly a, int p, int q) {
        int d = a.dimensions;
        double[] x = a.position;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double diff = x[p * d + k] - x[q * d + k];
            sum += diff * diff;
        }
        return sum <= radius * radius;
    }
}
