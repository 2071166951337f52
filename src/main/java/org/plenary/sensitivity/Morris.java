package org.plenary.sensitivity;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.util.MathArrays;

/**
 * Morris (1991) elementary-effects screening. Each of r trajectories starts at a random point of a
 * p-level grid in the unit cube and moves one factor at a time, in random order, by
 * Delta = p / (2 (p - 1)), up or down: k + 1 model runs per trajectory, r (k + 1) in all. A
 * factor's elementary effect is the change in output over the change in that factor (as a
 * fraction of its range); mu* is the mean of their absolute values (Campolongo, Cariboni &amp;
 * Saltelli 2007), sigma their standard deviation (interactions and non-linearity), mu their mean.
 * mu*'s 95% interval: percentile bootstrap over trajectories (Efron &amp; Tibshirani 1993, ch. 13),
 * the 2.5th and 97.5th percentiles of the resampled mu*; a mean of absolute values, it never goes
 * below 0, where +- 1.96 standard deviations would for a factor with a few large effects.
 */
public final class Morris {
    private Morris() {
    }

    /** Grid step for p levels: p / (2 (p - 1)), e.g. 2/3 for 4 levels. */
    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    /** r trajectories of k + 1 rows each, in the unit cube, from a generator seeded with {@code seed}. */
    public static double[][] sample(int k, int trajectories, int levels, long seed) {
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris needs an even number of levels, at least 2");
        }
        RandomGenerator random = new MersenneTwister(seed);
        double delta = delta(levels);
        int starts = levels / 2; // base levels 0, 1/(p-1), ... , 1 - Delta: those from which +Delta stays in the cube
        double[][] rows = new double[trajectories * (k + 1)][];
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[k];
            boolean[] up = new boolean[k];
            for (int i = 0; i < k; i++) {
                double base = random.nextInt(starts) / (levels - 1.0);
                up[i] = random.nextBoolean();
                x[i] = up[i] ? base : base + delta;
            }
            int[] order = MathArrays.natural(k); // the factors, moved in random order
            MathArrays.shuffle(order, random);
            rows[t * (k + 1)] = x.clone();
            for (int s = 0; s < k; s++) {
                int factor = order[s];
                x[factor] += up[factor] ? delta : -delta;
                rows[t * (k + 1) + s + 1] = x.clone();
            }
        }
        return rows;
    }

    /** Per factor: mu* with its 95% percentile-bootstrap interval, mu and sigma. */
    public record Result(double[] muStar, double[] muStarLow, double[] muStarHigh, double[] mu, double[] sigma) { }

    /**
     * Elementary effects of the runs {@code y} at the unit-cube points {@code x} (trajectories of
     * k + 1 rows, as {@link #sample} lays them out; x as actually run, e.g. after rounding to whole
     * numbers). A step that changes no factor (rounding) contributes nothing.
     */
    public static Result estimate(double[][] x, double[] y, int k, int bootstrap, long seed) {
        int trajectories = x.length / (k + 1);
        double[][] effects = new double[k][trajectories];
        for (int t = 0; t < trajectories; t++) {
            for (int i = 0; i < k; i++) {
                effects[i][t] = Double.NaN;
            }
            for (int s = 0; s < k; s++) {
                int before = t * (k + 1) + s;
                for (int i = 0; i < k; i++) {
                    double step = x[before + 1][i] - x[before][i];
                    if (step != 0) {
                        effects[i][t] = (y[before + 1] - y[before]) / step;
                    }
                }
            }
        }
        double[] muStar = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        double[] mu = new double[k];
        double[] sigma = new double[k];
        RandomGenerator random = new MersenneTwister(seed);
        for (int i = 0; i < k; i++) {
            SummaryStatistics absolute = new SummaryStatistics();
            SummaryStatistics signed = new SummaryStatistics();
            for (double effect : effects[i]) {
                if (!Double.isNaN(effect)) {
                    absolute.addValue(Math.abs(effect));
                    signed.addValue(effect);
                }
            }
            muStar[i] = absolute.getMean();
            mu[i] = signed.getMean();
            sigma[i] = signed.getStandardDeviation();
            double[] resampled = new double[bootstrap];
            int kept = 0;
            for (int b = 0; b < bootstrap; b++) {
                SummaryStatistics one = new SummaryStatistics();
                for (int t = 0; t < trajectories; t++) {
                    double effect = effects[i][random.nextInt(trajectories)];
                    if (!Double.isNaN(effect)) {
                        one.addValue(Math.abs(effect));
                    }
                }
                if (one.getN() > 0) {
                    resampled[kept++] = one.getMean();
                }
            }
            double[] sorted = java.util.Arrays.copyOf(resampled, kept);
            java.util.Arrays.sort(sorted);
            low[i] = percentile(sorted, 0.025);
            high[i] = percentile(sorted, 0.975);
        }
        return new Result(muStar, low, high, mu, sigma);
    }

    /** The nearest-rank percentile of sorted values: the smallest with at least {@code q} of them at or below it. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
