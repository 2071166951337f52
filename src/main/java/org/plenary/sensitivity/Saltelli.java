package org.plenary.sensitivity;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based (Sobol') sensitivity indices by Saltelli's sampling scheme. Two N x k matrices A
 * and B are the two halves of a 2k-dimensional Sobol' sequence (Commons Math, Joe &amp; Kuo
 * directions, the origin skipped); AB_i is A with column i from B (and BA_i, for second-order
 * indices, B with column i from A). Rows are laid out in blocks, one per sample j:
 * A_j, AB_1j ... AB_kj, [BA_1j ... BA_kj,] B_j: N (k + 2) model runs, or N (2k + 2).
 *
 * <p>Estimators (Saltelli et al. 2010, Table 2): first order V_i = mean(f(B) (f(AB_i) - f(A)));
 * total order (Jansen 1999) VT_i = mean((f(A) - f(AB_i))^2) / 2; second order (Saltelli 2002)
 * V_ij = mean(f(BA_i) f(AB_j) - f(A) f(B)) - V_i - V_j; each divided by the variance of f over
 * A and B together. Confidence intervals: bootstrap over the N samples (rows resampled together),
 * estimate +- 1.96 bootstrap standard deviations, as SALib reports them.
 */
public final class Saltelli {
    static final double Z95 = 1.959963984540054;

    private Saltelli() {
    }

    /** Model runs per sample: k + 2, or 2k + 2 with second-order indices. */
    public static int blockSize(int k, boolean secondOrder) {
        return secondOrder ? 2 * k + 2 : k + 2;
    }

    /** The design in the unit cube, one row per model run, in the block layout above. */
    public static double[][] sample(int k, int n, boolean secondOrder) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        sobol.nextVector(); // the origin: a corner of the box, and identical in A and B
        int block = blockSize(k, secondOrder);
        double[][] rows = new double[n * block][];
        for (int j = 0; j < n; j++) {
            double[] base = sobol.nextVector();
            double[] a = java.util.Arrays.copyOfRange(base, 0, k);
            double[] b = java.util.Arrays.copyOfRange(base, k, 2 * k);
            rows[j * block] = a;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                rows[j * block + 1 + i] = ab;
                if (secondOrder) {
                    double[] ba = b.clone();
                    ba[i] = a[i];
                    rows[j * block + 1 + k + i] = ba;
                }
            }
            rows[j * block + block - 1] = b;
        }
        return rows;
    }

    /** Indices with their bootstrap intervals; NaN throughout when f does not vary. */
    public record Result(Estimate[] firstOrder, Estimate[] totalOrder, Estimate[][] secondOrder, double variance) { }

    /** A point estimate and its 95% bootstrap interval; {@code conf} is the interval's half-width. */
    public record Estimate(double value, double conf) {
        public double low() {
            return value - conf;
        }

        public double high() {
            return value + conf;
        }
    }

    /**
     * Estimates from the model outputs {@code y} (in the row order of {@link #sample}), using the
     * first {@code n} samples; {@code bootstrap} resamples drawn from a generator seeded with {@code seed}.
     */
    public static Result estimate(double[] y, int k, int n, boolean secondOrder, int bootstrap, long seed) {
        int block = blockSize(k, secondOrder);
        if (y.length < n * block) {
            throw new IllegalArgumentException("expected " + n * block + " outputs, got " + y.length);
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] point = indices(y, k, block, secondOrder, all);
        double[][][] resampled = new double[bootstrap][][];
        RandomGenerator random = new MersenneTwister(seed);
        int[] rows = new int[n];
        for (int b = 0; b < bootstrap; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(n);
            }
            resampled[b] = indices(y, k, block, secondOrder, rows);
        }
        Estimate[] first = new Estimate[k];
        Estimate[] total = new Estimate[k];
        Estimate[][] second = secondOrder ? new Estimate[k][k] : null;
        for (int i = 0; i < k; i++) {
            first[i] = new Estimate(point[0][i], conf(resampled, 0, i));
            total[i] = new Estimate(point[1][i], conf(resampled, 1, i));
            if (secondOrder) {
                for (int m = i + 1; m < k; m++) {
                    second[i][m] = new Estimate(point[2 + i][m], conf(resampled, 2 + i, m));
                }
            }
        }
        return new Result(first, total, second, point[point.length - 1][0]);
    }

    /** 1.96 standard deviations of one index over the bootstrap resamples (NaN resamples ignored). */
    private static double conf(double[][][] resampled, int row, int column) {
        if (resampled.length < 2) {
            return Double.NaN;
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (double[][] indices : resampled) {
            if (!Double.isNaN(indices[row][column])) {
                stats.addValue(indices[row][column]);
            }
        }
        return Z95 * stats.getStandardDeviation();
    }

    /**
     * Rows of the result: [0] first order, [1] total order, [2 + i][m] second order of (i, m), and
     * the last row holding the variance; computed over the samples listed in {@code rows}.
     */
    private static double[][] indices(double[] y, int k, int block, boolean secondOrder, int[] rows) {
        int n = rows.length;
        double sum = 0;
        double sumSquares = 0;
        for (int j : rows) {
            double a = y[j * block];
            double b = y[j * block + block - 1];
            sum += a + b;
            sumSquares += a * a + b * b;
        }
        double mean = sum / (2.0 * n);
        double variance = sumSquares / (2.0 * n) - mean * mean;
        double[][] result = new double[2 + (secondOrder ? k : 0) + 1][];
        result[0] = new double[k];
        result[1] = new double[k];
        result[result.length - 1] = new double[] {variance};
        boolean constant = !(variance > 1e-12 * Math.max(1, mean * mean));
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                double a = y[j * block];
                double b = y[j * block + block - 1];
                double ab = y[j * block + 1 + i];
                first += b * (ab - a);
                total += (a - ab) * (a - ab);
            }
            result[0][i] = constant ? Double.NaN : first / n / variance;
            result[1][i] = constant ? Double.NaN : total / (2.0 * n) / variance;
        }
        if (secondOrder) {
            for (int i = 0; i < k; i++) {
                result[2 + i] = new double[k];
                for (int m = i + 1; m < k; m++) {
                    double joint = 0;
                    for (int j : rows) {
                        double ba = y[j * block + 1 + k + i];
                        double ab = y[j * block + 1 + m];
                        joint += ba * ab - y[j * block] * y[j * block + block - 1];
                    }
                    result[2 + i][m] = constant ? Double.NaN
                            : joint / n / variance - result[0][i] - result[0][m];
                }
            }
        }
        return result;
    }
}
