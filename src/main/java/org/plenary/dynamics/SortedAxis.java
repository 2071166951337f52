package org.plenary.dynamics;

import org.plenary.model.Assembly;

/**
 * The active delegations sorted along the dimension where positions are most spread out, for
 * sorted sweeps: a neighbourhood query (bounded confidence, DBSCAN's radius) only has to look at
 * those within reach on that one axis, found by binary search, instead of at every pair.
 */
final class SortedAxis {
    /** Far above the sort key's 2^-40 resolution: windows only prune, exact distances decide. */
    private static final double MARGIN = 1e-9;

    private long[] keys = new long[0];
    /** Delegation indexes in sorted order. */
    int[] order = new int[0];
    /** A delegation's position in {@link #order}. */
    int[] rank = new int[0];
    /** The coordinate on the axis, in sorted order. */
    double[] coordinate = new double[0];
    int count;
    int axis;

    void sort(Assembly a) {
        int n = a.delegations;
        int d = a.dimensions;
        if (keys.length != n) {
            keys = new long[n];
            order = new int[n];
            rank = new int[n];
            coordinate = new double[n];
        }
        axis = widestDimension(a);
        count = 0;
        for (int q = 0; q < n; q++) {
            if (a.isActive(q)) {
                // Positions lie in [0, 1]: 40 bits of the coordinate, then the index, sort as one long.
                keys[count++] = ((long) (a.position[q * d + axis] * (1L << 40)) << 22) | q;
            }
        }
        java.util.Arrays.sort(keys, 0, count);
        for (int c = 0; c < count; c++) {
            order[c] = (int) (keys[c] & ((1 << 22) - 1));
            rank[order[c]] = c;
            coordinate[c] = a.position[order[c] * d + axis];
        }
    }

    /** The first sorted index whose coordinate is at least {@code value} minus the margin. */
    int from(double value) {
        return firstAtLeast(value - MARGIN);
    }

    /** The first sorted index whose coordinate exceeds {@code value} plus the margin. */
    int to(double value) {
        return firstAtLeast(value + MARGIN);
    }

    private int firstAtLeast(double value) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (coordinate[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The dimension with the largest variance of active delegations' positions. */
    private static int widestDimension(Assembly a) {
        int d = a.dimensions;
        int widest = 0;
        double widestVariance = -1;
        for (int k = 0; k < d; k++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int q = 0; q < a.delegations; q++) {
                if (a.isActive(q)) {
                    double value = a.position[q * d + k];
                    sum += value;
                    squares += value * value;
                    n++;
                }
            }
            double variance = n == 0 ? 0 : squares / n - (sum / n) * (sum / n);
            if (variance > widestVariance) {
                widestVariance = variance;
                widest = k;
            }
        }
        return widest;
    }
}
