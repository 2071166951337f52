package org.plenary.results;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;

/** Confidence intervals over replications: Student t for means, Wilson score for shares. */
public final class Stats {
    private static final double LEVEL = 0.95;
    /** Only inverse CDFs are used, never sampling; a fixed generator keeps Commons Math off the clock. */
    private static final double Z = new NormalDistribution(new Well19937c(0), 0, 1).inverseCumulativeProbability(
            1 - (1 - LEVEL) / 2);

    private Stats() {
    }

    /** Mean, standard deviation and a 95% t interval of the mean; NaN bounds with fewer than 2 values. */
    public static Interval meanInterval(StatisticalSummary summary) {
        long count = summary.getN();
        double mean = count == 0 ? Double.NaN : summary.getMean();
        if (count < 2) {
            return new Interval(count, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = summary.getStandardDeviation();
        double t = new TDistribution(new Well19937c(0), count - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        double half = t * sd / Math.sqrt(count);
        return new Interval(count, mean, sd, mean - half, mean + half);
    }

    /** The share k/n with its 95% Wilson score interval (Wilson 1927). */
    public static Interval share(long k, long n) {
        if (n == 0) {
            return new Interval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(n, p, Double.NaN, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** A point estimate with its 95% interval over {@code n} replications. */
    public record Interval(long n, double mean, double sd, double low, double high) {
        public Map<String, Object> toMap(String meanName) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("n", n);
            map.put(meanName, json(mean));
            if (!Double.isNaN(sd)) {
                map.put("sd", json(sd));
            }
            map.put("ci95", new Object[] {json(low), json(high)});
            return map;
        }

        private static Object json(double value) {
            return Double.isFinite(value) ? Numbers.round(value) : null;
        }
    }
}
