package org.plenary.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plenary.results.Stats;

/** The statistics on data whose results are published or computable by hand. */
class TwoSampleTestsTest {
    private static final double[] ONE_TO_FIVE = {1, 2, 3, 4, 5};

    @Test
    void welchMatchesRsTTest() {
        // R: t.test(1:5, c(2,4,6,8,10)) -> t = -1.8974, df = 5.8824, p-value = 0.1075
        assertEquals(0.1075, TwoSampleTests.welchP(ONE_TO_FIVE, new double[] {2, 4, 6, 8, 10}), 5e-4);
        assertEquals(1.0, TwoSampleTests.welchP(new double[] {1, 1}, new double[] {1, 1}));
        assertEquals(0.0, TwoSampleTests.welchP(new double[] {1, 1}, new double[] {0, 0}));
    }

    @Test
    void mannWhitneyMatchesRsWilcoxTestWithCorrection() {
        // R: wilcox.test(1:5, 6:10, exact = FALSE) -> W = 0, p-value = 0.01219
        assertEquals(0.01219, TwoSampleTests.mannWhitneyP(ONE_TO_FIVE, new double[] {6, 7, 8, 9, 10}), 5e-5);
        // Hand computation with ties: a = {0,0,1}, b = {1,1,1}. Ranks 1.5,1.5,4.5 | 4.5,4.5,4.5; U = 6 - 6 = 1.5?
        // R1 = 7.5, U = 7.5 - 6 = 1.5, mu = 4.5, ties: 2 (t=2) and 4 (t=4): 6 + 60 = 66,
        // var = 9/12 * (7 - 66/30) = 3.6, z = (3 - 0.5)/sqrt(3.6) = 1.3176, p = 0.1876
        assertEquals(0.1876, TwoSampleTests.mannWhitneyP(new double[] {0, 0, 1}, new double[] {1, 1, 1}), 5e-4);
        assertEquals(1.0, TwoSampleTests.mannWhitneyP(new double[] {2, 2}, new double[] {2, 2}));
    }

    @Test
    void pairedTTestMatchesAHandComputation() {
        // differences 1, 2, 3, 4, 6: mean 3.2, sd 1.9235, t = 3.2 / (1.9235 / sqrt 5) = 3.7199, df 4 -> p = 0.0205
        double[] before = {1, 2, 3, 4, 5};
        double[] after = {2, 4, 6, 8, 11};
        assertEquals(0.0205, TwoSampleTests.pairedP(before, after), 5e-4);
        assertEquals(1.0, TwoSampleTests.pairedP(before, before));
        assertTrue(Double.isNaN(TwoSampleTests.pairedP(new double[] {1}, new double[] {2})));
    }

    @Test
    void pairedIntervalIsTheIntervalOfThePairedTTest() {
        // differences 1, 2, 3, 4, 6: mean 3.2, sd sqrt(14.8 / 4) = 1.92354, se 0.860233, t(4, 0.975) = 2.776445,
        // half-width 2.388393 (R: t.test(after, before, paired = TRUE) -> 0.8116 5.5884)
        double[] interval = Precision.pairedInterval(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 11});
        assertEquals(0.811607, interval[0], 1e-5);
        assertEquals(5.588393, interval[1], 1e-5);
        double[] same = Precision.pairedInterval(new double[] {1, 5, 2}, new double[] {3, 7, 4});
        assertEquals(2.0, same[0], 1e-12, "differences all 2: no spread, the interval is the point");
        assertEquals(2.0, same[1], 1e-12);
    }

    @Test
    void cohensDUsesThePooledStandardDeviation() {
        // means 3 and 6, variances 2.5 and 10, pooled sd = sqrt(6.25) = 2.5, d = 3 / 2.5
        assertEquals(1.2, TwoSampleTests.cohensD(ONE_TO_FIVE, new double[] {2, 4, 6, 8, 10}), 1e-12);
    }

    @Test
    void wilsonAndTIntervalsMatchKnownValues() {
        // Wilson 95% for 8 of 10: [0.4902, 0.9433] (Newcombe 1998, Table I method 3 style values)
        Stats.Interval share = Stats.share(8, 10);
        assertEquals(0.4902, share.low(), 5e-4);
        assertEquals(0.9433, share.high(), 5e-4);
        // t interval of 1..5: mean 3, sd 1.5811, t(0.975, 4) = 2.7764 -> half width 1.9632
        org.apache.commons.math3.stat.descriptive.SummaryStatistics s = TwoSampleTests.stats(ONE_TO_FIVE);
        Stats.Interval mean = Stats.meanInterval(s);
        assertEquals(3 - 1.9632, mean.low(), 1e-4);
        assertEquals(3 + 1.9632, mean.high(), 1e-4);
    }
}
