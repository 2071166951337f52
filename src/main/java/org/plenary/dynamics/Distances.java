package org.plenary.dynamics;

import org.plenary.model.Assembly;

/** Salience-weighted distances in position space, shared by influence and decisions. */
final class Distances {
    private Distances() {
    }

    /**
     * Squared distance from delegation i's point of view between i's position and j's: each
     * dimension weighted by i's salience in force, normalised so the weights sum to one (equal
     * weights when i has no salience left anywhere).
     */
    static double squaredFromView(Assembly a, int i, int j) {
        int d = a.dimensions;
        double[] x = a.position;
        double[] s = a.activeSalience;
        int bi = i * d;
        int bj = j * d;
        double weighted = 0;
        double total = 0;
        double plain = 0;
        for (int k = 0; k < d; k++) {
            double diff = x[bj + k] - x[bi + k];
            double sq = diff * diff;
            weighted += s[bi + k] * sq;
            total += s[bi + k];
            plain += sq;
        }
        return total > 0 ? weighted / total : plain / d;
    }

    /**
     * Each delegation's weights of the dimensions in its view of distance, as used by
     * {@link #squaredFromView}: its salience in force normalised to sum to one, or equal weights
     * when it has no salience left anywhere. Filled once per step so that pair loops stay flat.
     */
    static void viewWeights(Assembly a, double[] out) {
        int d = a.dimensions;
        for (int i = 0; i < a.delegations; i++) {
            double total = 0;
            for (int k = 0; k < d; k++) {
                total += a.activeSalience[i * d + k];
            }
            for (int k = 0; k < d; k++) {
                out[i * d + k] = total > 0 ? a.activeSalience[i * d + k] / total : 1.0 / d;
            }
        }
    }

    /**
     * Delegation i's salience- and item-weighted distance between its position and a text
     * (draft or status quo) on one agenda item; NaN when i has no salience on the item's dimensions.
     */
    static double toText(Assembly a, int i, int item, double[] text) {
        return between(a, i, item, a.position, i * a.dimensions, text, item * a.dimensions);
    }

    /** As {@link #toText}, to the point stored at {@code point[offset + k]}. */
    static double toPoint(Assembly a, int i, int item, double[] point, int offset) {
        return between(a, i, item, a.position, i * a.dimensions, point, offset);
    }

    /**
     * As {@link #toText}, from another point of i's than its position: the distance, in i's
     * salience and the item's weights, between {@code from[fromOffset + k]} and
     * {@code text[textOffset + k]}; NaN when i has no salience on the item's dimensions.
     */
    static double between(Assembly a, int i, int item, double[] from, int fromOffset, double[] text, int textOffset) {
        int d = a.dimensions;
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[item * d + k] * a.activeSalience[i * d + k];
            if (w > 0) {
                double diff = from[fromOffset + k] - text[textOffset + k];
                weighted += w * diff * diff;
                total += w;
            }
        }
        return total > 0 ? Math.sqrt(weighted / total) : Double.NaN;
    }

    /** i's mean salience over an item's dimensions, weighted by the item's weights. */
    static double itemSalience(Assembly a, int i, int item) {
        int d = a.dimensions;
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[item * d + k];
            weighted += w * a.activeSalience[i * d + k];
            total += w;
        }
        return total > 0 ? weighted / total : 0;
    }

    /**
     * The common position of a set of delegations, written to {@code out[k]} for every dimension k: the
     * capability x salience weighted mean of their positions, the plain mean on a dimension where none of
     * them weighs in (all disengaged or weightless). False when the set is empty. One pass over the delegations; each dimension's sums run in index order.
     */
    static boolean commonPosition(Assembly a, java.util.function.IntPredicate include, double[] out,
                                  double[] weighted, double[] weight) {
        int d = a.dimensions;
        java.util.Arrays.fill(weighted, 0, d, 0);
        java.util.Arrays.fill(weight, 0, d, 0);
        java.util.Arrays.fill(out, 0, d, 0);
        int count = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (include.test(i)) {
                for (int k = 0; k < d; k++) {
                    double w = a.capability[i] * a.activeSalience[i * d + k];
                    weighted[k] += w * a.position[i * d + k];
                    weight[k] += w;
                    out[k] += a.position[i * d + k];
                }
                count++;
            }
        }
        if (count == 0) {
            return false;
        }
        for (int k = 0; k < d; k++) {
            out[k] = weight[k] > 0 ? weighted[k] / weight[k] : out[k] / count;
        }
        return true;
    }
}
