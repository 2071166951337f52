package org.plenary.perf;

/**
 * The hot loops' arithmetic written as plainly as possible on flat arrays, to measure how close
 * the model's code comes to it (issue 6: the ratio is the figure). Inputs are laid out like the
 * Assembly's: value of delegation i on dimension k at {@code i * d + k}.
 */
public final class FlatKernels {
    private FlatKernels() {
    }

    /**
     * One synchronous bounded-confidence step: each delegation moves by {@code step} toward the
     * capability x salience weighted mean of those within its tolerance (salience-weighted view).
     */
    public static void influence(int n, int d, double[] x, double[] s, double[] capability, double[] tolerance,
                                 double step, double[] out) {
        double[] weightedSum = new double[d];
        double[] weightSum = new double[d];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int k = 0; k < d; k++) {
                total += s[i * d + k];
            }
            java.util.Arrays.fill(weightedSum, 0);
            java.util.Arrays.fill(weightSum, 0);
            for (int j = 0; j < n; j++) {
                double distance = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[j * d + k] - x[i * d + k];
                    distance += s[i * d + k] / total * diff * diff;
                }
                if (distance <= tolerance[i] * tolerance[i]) {
                    for (int k = 0; k < d; k++) {
                        double w = capability[j] * s[j * d + k];
                        weightedSum[k] += w * x[j * d + k];
                        weightSum[k] += w;
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                double mean = weightSum[k] > 0 ? weightedSum[k] / weightSum[k] : x[i * d + k];
                out[i * d + k] = x[i * d + k] + step * (mean - x[i * d + k]);
            }
        }
    }

    /** DBSCAN's core arithmetic: every pair's distance, counting each point's neighbours within the radius. */
    public static int neighbourCounts(int n, int d, double[] x, double radius, int[] counts) {
        double radiusSquared = radius * radius;
        int core = 0;
        for (int p = 0; p < n; p++) {
            int found = 0;
            for (int q = 0; q < n; q++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[p * d + k] - x[q * d + k];
                    sum += diff * diff;
                }
                if (q != p && sum <= radiusSquared) {
                    found++;
                }
            }
            counts[p] = found;
            core += found > 0 ? 1 : 0;
        }
        return core;
    }
}
