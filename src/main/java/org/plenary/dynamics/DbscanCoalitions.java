package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
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
    /**
     * Slack on the sort axis, far above the sort order's 2^-40 resolution (positions in sorted order may be
     * out of order by less than that): windows only prune, exact distances decide.
     */
    private static final double MARGIN = 1e-9;

    private final double radius;
    private final double radiusSquared;
    private final int minMembers;
    private int[] label = new int[0];
    /** The cluster a delegation was last queued for, by sorted rank, so the marks need no clearing between clusters. */
    private int[] queued = new int[0];
    private long[] foundBits = new long[0];
    private final SortedAxis axisOrder = new SortedAxis();
    /** Positions in sorted order, {@code sorted[rank * d + k]}: a window's candidates are contiguous. */
    private double[] sorted = new double[0];
    private int dimensions;
    /** For each sorted rank, the window [windowStart, windowEnd) of ranks within the radius on the sort axis. */
    private int[] windowStart = new int[0];
    private int[] windowEnd = new int[0];
    private int[] seeds = new int[0];
    private int[] neighbours = new int[0];

    public DbscanCoalitions(double radius, int minMembers) {
        this.radius = radius;
        this.radiusSquared = radius * radius;
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
            windowStart = new int[n];
            windowEnd = new int[n];
        }
        dimensions = a.dimensions;
        if (sorted.length != n * dimensions) {
            sorted = new double[n * dimensions];
        }
        Arrays.fill(label, UNVISITED);
        Arrays.fill(queued, 0);
        axisOrder.sort(a);
        layOut(a);
        int clusters = 0;
        for (int p = 0; p < n; p++) {
            if (!a.isActive(p) || label[p] != UNVISITED) {
                continue;
            }
            int found = neighbours(axisOrder.rank[p], neighbours);
            if (found + 1 < minMembers) {
                label[p] = NOISE;
                continue;
            }
            clusters++;
            expand(p, found, clusters);
        }
        return CoalitionList.of(a, label, clusters);
    }

    /**
     * Copies the active positions in sorted order and finds every rank's window in one sweep of two
     * pointers (the coordinates on the axis are sorted but for less than the margin).
     */
    private void layOut(Assembly a) {
        int d = a.dimensions;
        int count = axisOrder.count;
        for (int c = 0; c < count; c++) {
            System.arraycopy(a.position, axisOrder.order[c] * d, sorted, c * d, d);
        }
        double[] coordinate = axisOrder.coordinate;
        int start = 0;
        int end = 0;
        for (int c = 0; c < count; c++) {
            double centre = coordinate[c];
            while (coordinate[start] < centre - radius - MARGIN) {
                start++;
            }
            while (end < count && coordinate[end] <= centre + radius + MARGIN) {
                end++;
            }
            windowStart[c] = start;
            windowEnd[c] = end;
        }
    }

    private void expand(int core, int found, int cluster) {
        label[core] = cluster;
        queued[axisOrder.rank[core]] = cluster;
        int size = 0;
        for (int f = 0; f < found; f++) {
            seeds[size++] = neighbours[f];
            queued[axisOrder.rank[neighbours[f]]] = cluster;
        }
        for (int index = 0; index < size; index++) {
            int current = seeds[index];
            // Only neighbours not yet queued can be added, so only those are gathered: in a large
            // cluster most are queued already, and skipping them avoids their distances.
            if (label[current] == UNVISITED && isCore(axisOrder.rank[current])) {
                int more = unqueuedNeighbours(axisOrder.rank[current], cluster, neighbours);
                for (int f = 0; f < more; f++) {
                    queued[axisOrder.rank[neighbours[f]]] = cluster;
                    seeds[size++] = neighbours[f];
                }
            }
            if (label[current] <= 0) {
                label[current] = cluster;
            }
        }
    }

    /**
     * Whether the delegation at sorted rank c has at least minMembers - 1 active neighbours within the
     * radius. Looks outwards from c, where neighbours are likeliest, and stops counting once there are enough.
     */
    private boolean isCore(int c) {
        int needed = minMembers - 1;
        int found = 0;
        int below = c - 1;
        int above = c + 1;
        int start = windowStart[c];
        int end = windowEnd[c];
        while (found < needed && (below >= start || above < end)) {
            if (below >= start && isNear(c, below--)) {
                found++;
            }
            if (above < end && found < needed && isNear(c, above++)) {
                found++;
            }
        }
        return found >= needed;
    }

    /** Neighbours of the delegation at sorted rank c not yet queued for the cluster, in index order. */
    private int unqueuedNeighbours(int c, int cluster, int[] out) {
        int found = 0;
        for (int q = windowStart[c]; q < windowEnd[c]; q++) {
            if (q != c && queued[q] != cluster && isNear(c, q)) {
                out[found++] = axisOrder.order[q];
            }
        }
        return inIndexOrder(out, found);
    }

    /** Active delegations other than the one at sorted rank c within the radius of it, in index order. */
    private int neighbours(int c, int[] out) {
        int found = 0;
        for (int q = windowStart[c]; q < windowEnd[c]; q++) {
            if (q != c && isNear(c, q)) {
                out[found++] = axisOrder.order[q];
            }
        }
        return inIndexOrder(out, found);
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

    /** Whether the delegations at sorted ranks p and q are within the radius of each other. */
    private boolean isNear(int p, int q) {
        int d = dimensions;
        int bp = p * d;
        int bq = q * d;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double diff = sorted[bp + k] - sorted[bq + k];
            sum += diff * diff;
        }
        return sum <= radiusSquared;
    }
}
