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
    private boolean[] queued = new boolean[0];
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
            queued = new boolean[n];
            seeds = new int[n];
            neighbours = new int[n];
        }
        java.util.Arrays.fill(label, UNVISITED);
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
        java.util.Arrays.fill(queued, false);
        label[core] = cluster;
        queued[core] = true;
        int size = 0;
        for (int f = 0; f < found; f++) {
            seeds[size++] = neighbours[f];
            queued[neighbours[f]] = true;
        }
        for (int index = 0; index < size; index++) {
            int current = seeds[index];
            if (label[current] == UNVISITED) {
                int more = neighbours(a, current, neighbours);
                if (more + 1 >= minMembers) {
                    for (int f = 0; f < more; f++) {
                        if (!queued[neighbours[f]]) {
                            queued[neighbours[f]] = true;
                            seeds[size++] = neighbours[f];
                        }
                    }
                }
            }
            if (label[current] <= 0) {
                label[current] = cluster;
            }
        }
    }

    /** Active delegations other than p within the radius of p, in index order. */
    private int neighbours(Assembly a, int p, int[] out) {
        int d = a.dimensions;
        double[] x = a.position;
        double radiusSquared = radius * radius;
        int count = 0;
        for (int q = 0; q < a.delegations; q++) {
            if (q == p || !a.isActive(q)) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[p * d + k] - x[q * d + k];
                sum += diff * diff;
            }
            if (sum <= radiusSquared) {
                out[count++] = q;
            }
        }
        return count;
    }
}
