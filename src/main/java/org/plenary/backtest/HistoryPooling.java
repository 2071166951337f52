package org.plenary.backtest;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * A forecast of a vote that pools the item-response model with the state's previous vote on the same
 * resolution (docs/analysis-commands.md, ideal-points --forecast-session): a conditional logit over the
 * three votes c (yes, no, abstain, in {@link BallotScores}' order),
 * <pre>
 *   P(c) proportional to p_c^alpha * prod_h exp(rho_hk [c = k_h])
 * </pre>
 * with p the model's probabilities, k_h the state's vote h recurrences back (h = 1 the previous vote; no
 * term when it did not vote), alpha how far the model is trusted and rho_hk how likely a vote k cast h
 * recurrences back is repeated. With alpha = 0 it is persistence with fitted probabilities. The weights are fitted by
 * maximum likelihood (Newton's method; the log-likelihood is concave) with a weak N(0, 10^2) prior on
 * each weight, so a vote never seen to change keeps a finite weight, and a weight the data cannot tell
 * stays near 0.
 */
public final class HistoryPooling {
    private static final double PRIOR_VARIANCE = 100;
    private static final double SMALLEST = 1e-12;

    /** alpha and rho: {@code repeat[3 h + c]} for vote c cast h + 1 recurrences back. */
    public record Weights(double alpha, double[] repeat) { }

    private HistoryPooling() {
    }

    /** P(yes), P(no), P(abstain) given the model's and the earlier votes, latest first (-1: none). */
    public static double[] probabilities(Weights w, double[] model, int[] previous) {
        double[] u = new double[3];
        double largest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            u[c] = w.alpha() * Math.log(Math.max(SMALLEST, model[c]));
            for (int h = 0; h < previous.length; h++) {
                u[c] += c == previous[h] ? w.repeat()[3 * h + c] : 0;
            }
            largest = Math.max(largest, u[c]);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            u[c] = Math.exp(u[c] - largest);
            sum += u[c];
        }
        for (int c = 0; c < 3; c++) {
            u[c] /= sum;
        }
        return u;
    }

    /**
     * The maximum a posteriori weights; {@code previous[b]} the earlier votes of ballot b, latest first, all
     * of the same length; {@code withModel} false fixes alpha at 0 (history alone).
     */
    public static Weights fit(double[][] model, int[][] previous, int[] observed, boolean withModel) {
        int depth = previous.length == 0 ? 1 : previous[0].length;
        int all = 1 + 3 * depth;
        int first = withModel ? 0 : 1;
        int size = all - first;
        double[] theta = new double[all];
        theta[0] = withModel ? 1 : 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[all];
            double[][] hessian = new double[all][all];
            Weights w = new Weights(theta[0], Arrays.copyOfRange(theta, 1, all));
            for (int b = 0; b < observed.length; b++) {
                double[] p = probabilities(w, model[b], previous[b]);
                double[][] x = new double[3][];
                double[] mean = new double[all];
                for (int c = 0; c < 3; c++) {
                    x[c] = features(model[b], previous[b], c, all);
                    for (int k = 0; k < all; k++) {
                        mean[k] += p[c] * x[c][k];
                    }
                }
                for (int k = 0; k < all; k++) {
                    gradient[k] += x[observed[b]][k] - mean[k];
                    for (int l = 0; l < all; l++) {
                        double covariance = -mean[k] * mean[l];
                        for (int c = 0; c < 3; c++) {
                            covariance += p[c] * x[c][k] * x[c][l];
                        }
                        hessian[k][l] -= covariance;
                    }
                }
            }
            for (int k = first; k < all; k++) {
                gradient[k] -= theta[k] / PRIOR_VARIANCE;
                hessian[k][k] -= 1 / PRIOR_VARIANCE;
            }
            double[][] h = new double[size][size];
            for (int k = 0; k < size; k++) {
                for (int l = 0; l < size; l++) {
                    h[k][l] = hessian[k + first][l + first];
                }
            }
            double[] step = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                    .solve(new ArrayRealVector(Arrays.copyOfRange(gradient, first, all), false)).toArray();
            double largest = 0;
            for (int k = 0; k < size; k++) {
                theta[k + first] -= step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return new Weights(theta[0], Arrays.copyOfRange(theta, 1, all));
    }

    /** (log p_c, then per recurrence back h: [c = k_h = yes], [c = k_h = no], [c = k_h = abstain]). */
    private static double[] features(double[] model, int[] previous, int c, int all) {
        double[] x = new double[all];
        x[0] = Math.log(Math.max(SMALLEST, model[c]));
        for (int h = 0; h < previous.length; h++) {
            if (c == previous[h]) {
                x[1 + 3 * h + c] = 1;
            }
        }
        return x;
    }
}
