package org.plenary.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * What two samples of an outcome over replications can tell apart: the 95% interval of the
 * difference of means (Welch), the smallest difference a two-sided test at the 5% level would
 * detect with 80% power, and the replications per run a stated difference would need. Normal
 * approximation (Cohen 1988, ch. 2): detectable = (z(0.975) + z(0.8)) * sqrt(sa^2/na + sb^2/nb),
 * and n per run = (z(0.975) + z(0.8))^2 (sa^2 + sb^2) / difference^2.
 */
public final class Precision {
    /** Only inverse CDFs are used, never sampling; a fixed generator keeps Commons Math off the clock. */
    private static final NormalDistribution NORMAL = new NormalDistribution(new Well19937c(0), 0, 1);
    static final double ALPHA = 0.05;
    static final double POWER = 0.8;
    private static final double Z_SUM = NORMAL.inverseCumulativeProbability(1 - ALPHA / 2)
            + NORMAL.inverseCumulativeProbability(POWER);

    private Precision() {
    }

    /** The 95% Welch interval of mean(b) - mean(a), or NaNs with fewer than two values a side. */
    public static double[] differenceInterval(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SummaryStatistics sa = TwoSampleTests.stats(a);
        SummaryStatistics sb = TwoSampleTests.stats(b);
        double va = sa.getVariance() / a.length;
        double vb = sb.getVariance() / b.length;
        double difference = sb.getMean() - sa.getMean();
        if (va + vb == 0) {
            return new double[] {difference, difference};
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(new Well19937c(0), df).inverseCumulativeProbability(1 - ALPHA / 2);
        double half = t * Math.sqrt(va + vb);
        return new double[] {difference - half, difference + half};
    }

    /**
     * The 95% paired-t interval of mean(b[i] - a[i]) over matched values (the same replication
     * seeds in both runs): the interval of {@link TwoSampleTests#pairedP}'s test, so it excludes 0
     * exactly when that p-value is below 5%. NaNs with fewer than two pairs.
     */
    public static double[] pairedInterval(double[] a, double[] b) {
        if (a.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SummaryStatistics differences = new SummaryStatistics();
        for (int i = 0; i < a.length; i++) {
            differences.addValue(b[i] - a[i]);
        }
        double mean = differences.getMean();
        double t = new TDistribution(new Well19937c(0), a.length - 1.0).inverseCumulativeProbability(1 - ALPHA / 2);
        double half = t * differences.getStandardDeviation() / Math.sqrt(a.length);
        return new double[] {mean - half, mean + half};
    }

    /** The smallest difference detectable at 5% with 80% power; NaN when neither sample varies. */
    public static double detectable(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double va = TwoSampleTests.stats(a).getVariance();
        double vb = TwoSampleTests.stats(b).getVariance();
        return va + vb == 0 ? Double.NaN : Z_SUM * Math.sqrt(va / a.length + vb / b.length);
    }

    /**
     * Replications each run would need to detect {@code difference} at 5% with 80% power, from
     * the spread these samples show; -1 when neither varies.
     */
    public static long replicationsFor(double[] a, double[] b, double difference) {
        if (a.length < 2 || b.length < 2) {
            return -1;
        }
        double variance = TwoSampleTests.stats(a).getVariance() + TwoSampleTests.stats(b).getVariance();
        return variance == 0 ? -1 : (long) Math.ceil(Z_SUM * Z_SUM * variance / (difference * difference));
    }
}
