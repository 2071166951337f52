package org.plenary.reference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Static predictors of a collective decision on one dimension, from each actor's capability c_i,
 * salience s_i and position x_i. Both weight actor i by c_i * s_i.
 */
public final class Predictors {

    private Predictors() {}

    /**
     * Compromise model (Achen 2006, in Thomson, Stokman, Achen &amp; Koenig, eds., The European Union
     * Decides): sum c_i s_i x_i / sum c_i s_i.
     */
    public static double compromise(double[] capability, double[] salience, double[] position) {
        double[] weight = weights(capability, salience, position);
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < position.length; i++) {
            weighted += weight[i] * position[i];
            total += weight[i];
        }
        return weighted / total;
    }

    /**
     * Weighted median: a position x where the weight c_i s_i strictly on each side of x is at most
     * half the total, which makes it a Condorcet winner of pairwise votes in which actor i backs x_j
     * over x_k with weight c_i s_i (|x_i - x_k| - |x_i - x_j|) (Black 1948, for single-peaked
     * preferences). When a whole interval qualifies (the weight up to some position is exactly half),
     * the lowest actor position in it is returned, as the cumulative-weight rule of the public
     * replications of Bueno de Mesquita's model does. "Exactly half" allows a relative 1e-12 for
     * rounding in the weight sums.
     */
    public static double weightedMedian(double[] capability, double[] salience, double[] position) {
        double[] weight = weights(capability, salience, position);
        double half = Arrays.stream(weight).sum() / 2;
        Integer[] byPosition = IntStream.range(0, position.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byPosition, Comparator.comparingDouble(i -> position[i]));
        double cumulative = 0;
        for (int rank = 0; rank < byPosition.length; rank++) {
            int actor = byPosition[rank];
            cumulative += weight[actor];
            boolean lastAtThisPosition = rank + 1 == byPosition.length
                    || position[byPosition[rank + 1]] != position[actor];
            if (lastAtThisPosition && cumulative >= half * (1 - 1e-12)) {
                return position[actor];
            }
        }
        throw new AssertionError("cumulative weight always reaches the total");
    }

    /** c_i * s_i, after checking that the arrays match and the total weight is positive. */
    static double[] weights(double[] capability, double[] salience, double[] position) {
        int actors = position.length;
        if (actors == 0 || capability.length != actors || salience.length != actors) {
            throw new IllegalArgumentException("capability, salience and position need one entry per actor");
        }
        double[] weight = new double[actors];
        double total = 0;
        for (int i = 0; i < actors; i++) {
            if (!(capability[i] >= 0) || !(salience[i] >= 0) || !Double.isFinite(capability[i] * salience[i])) {
                throw new IllegalArgumentException("capability and salience must be finite and non-negative (actor "
                        + i + ")");
            }
            if (!Double.isFinite(position[i])) {
                throw new IllegalArgumentException("positions must be finite (actor " + i + ")");
            }
            weight[i] = capability[i] * salience[i];
            total += weight[i];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the total weight c_i * s_i must be positive");
        }
        return weight;
    }
}
