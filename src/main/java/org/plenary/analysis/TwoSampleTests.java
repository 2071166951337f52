package org.plenary.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Differences between two samples of an outcome over replications: Welch's t-test, the
 * Mann-Whitney U test and Cohen's d.
 */
public final class TwoSampleTests {
    /** Only the CDF is used, never sampling; a fixed generator keeps Commons Math off the clock. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(new Well19937c(0), 0, 1);

    private TwoSampleTests() {
    }

    /** Two-sided p-value of Welch's unequal-variance t-test; NaN with fewer than two values a side. */
    public static double welchP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        SummaryStatistics sa = stats(a);
        SummaryStatistics sb = stats(b);
        if (sa.getVariance() == 0 && sb.getVariance() == 0) {
            // Constant samples: the t statistic is undefined; they either agree exactly or differ surely.
            return sa.getMean() == sb.getMean() ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }

    /**
     * Two-sided p-value of the Mann-Whitney U test by the normal approximation with tie correction
     * and continuity correction (as R's wilcox.test(exact = FALSE, correct = TRUE)). Outcomes here
     * often have ties (states coded 0/1, decision rounds), which the uncorrected approximation
     * handles badly.
     */
    public static double mannWhitneyP(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double[] all = new double[n1 + n2];
        System.arraycopy(a, 0, all, 0, n1);
        System.arraycopy(b, 0, all, n1, n2);
        double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE).rank(all);
        double rankSumA = 0;
        for (int i = 0; i < n1; i++) {
            rankSumA += ranks[i];
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double n = n1 + n2;
        double ties = 0;
        double[] sorted = all.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - ties / (n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = Math.max(0, Math.abs(u - n1 * (double) n2 / 2.0) - 0.5) / Math.sqrt(variance);
        return 2 * STANDARD_NORMAL.cumulativeProbability(-z); // not 1 - cdf(z), which rounds to 0 for large z
    }

    /**
     * Two-sided p-value of the paired t-test on matched values (the same replication seeds in both
     * runs): NaN with fewer than two pairs; 1 when every difference is zero, 0 when all are equal
     * and non-zero.
     */
    public static double pairedP(double[] a, double[] b) {
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = b[i] - a[i];
        }
        SummaryStatistics d = stats(differences);
        if (d.getVariance() == 0) {
            return d.getMean() == 0 ? 1.0 : 0.0;
        }
        return new TTest().pairedTTest(a, b);
    }

    /** Cohen's d of b against a with the pooled standard deviation; NaN when it is zero. */
    public static double cohensD(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        SummaryStatistics sa = stats(a);
        SummaryStatistics sb = stats(b);
        double pooled = Math.sqrt(((a.length - 1) * sa.getVariance() + (b.length - 1) * sb.getVariance())
                / (a.length + b.length - 2));
        return pooled > 0 ? (sb.getMean() - sa.getMean()) / pooled : Double.NaN;
    }

    static SummaryStatistics stats(double[] values) {
        SummaryStatistics statistics = new SummaryStatistics();
        for (double value : values) {
            statistics.addValue(value);
        }
        return statistics;
    }
}
