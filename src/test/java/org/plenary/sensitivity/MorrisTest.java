package org.plenary.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Morris screening on functions whose elementary effects are known by hand. */
class MorrisTest {

    @Test
    void trajectoriesMoveOneFactorAtATimeByDeltaInsideTheCube() {
        int k = 5;
        double[][] sample = Morris.sample(k, 20, 4, 3);
        assertEquals(20 * (k + 1), sample.length);
        double delta = 2.0 / 3;
        assertEquals(delta, Morris.delta(4), 1e-15);
        for (int t = 0; t < 20; t++) {
            boolean[] moved = new boolean[k];
            for (int s = 0; s < k; s++) {
                double[] before = sample[t * (k + 1) + s];
                double[] after = sample[t * (k + 1) + s + 1];
                int changed = 0;
                for (int i = 0; i < k; i++) {
                    assertTrue(after[i] >= 0 && after[i] <= 1 + 1e-12, "inside the unit cube");
                    if (before[i] != after[i]) {
                        changed++;
                        assertEquals(delta, Math.abs(after[i] - before[i]), 1e-12);
                        moved[i] = true;
                    }
                }
                assertEquals(1, changed, "one factor per step");
            }
            for (boolean m : moved) {
                assertTrue(m, "every factor moves once per trajectory");
            }
        }
    }

    @Test
    void aLinearFunctionsEffectsAreItsCoefficients() {
        double[] a = {3, -2, 0.5, 0};
        double[][] x = Morris.sample(4, 12, 4, 11);
        double[] y = Arrays.stream(x).mapToDouble(p -> a[0] * p[0] + a[1] * p[1] + a[2] * p[2] + a[3] * p[3]).toArray();
        Morris.Result result = Morris.estimate(x, y, 4, 100, 1);
        assertArrayEquals(new double[] {3, 2, 0.5, 0}, result.muStar(), 1e-9, "mu* = |a_i|");
        assertArrayEquals(new double[] {3, -2, 0.5, 0}, result.mu(), 1e-9, "mu = a_i");
        assertArrayEquals(new double[] {0, 0, 0, 0}, result.sigma(), 1e-9, "no interaction, no spread");
        assertArrayEquals(result.muStar(), result.muStarLow(), 1e-9, "every effect the same: no spread");
        assertArrayEquals(result.muStar(), result.muStarHigh(), 1e-9);
    }

    @Test
    void muStarsIntervalIsThePercentileBootstrapAndNeverBelowZero() {
        // One factor, ten trajectories: nine elementary effects 0, one 10, so mu* = 1. A resample's mu* is
        // 10 K / 10 = K, K ~ Binomial(10, 0.1): P(K = 0) = 0.349 > 0.025, so the 2.5th percentile is 0;
        // P(K <= 2) = 0.930 < 0.975 <= P(K <= 3) = 0.987, so the 97.5th is 3. Mean +- 1.96 sd (sd of K =
        // sqrt(0.9) = 0.95) would give [-0.86, 2.86]: below 0 for a mean of absolute values.
        double step = Morris.delta(4);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int t = 0; t < 10; t++) {
            x[2 * t] = new double[] {0};
            x[2 * t + 1] = new double[] {step};
            y[2 * t + 1] = t == 0 ? 10 * step : 0;
        }
        Morris.Result result = Morris.estimate(x, y, 1, 2000, 1);
        assertEquals(1, result.muStar()[0], 1e-12);
        assertEquals(0, result.muStarLow()[0], 1e-12);
        assertEquals(3, result.muStarHigh()[0], 1e-12);
    }

    @Test
    void tablesRoundToTwoSignificantDigitsOfTheIntervalsWidth() {
        assertEquals("4.2 [3.1, 5.6]", SensitivityOutputs.withInterval(4.24997, 3.1234, 5.6321), "width 2.5: one decimal");
        assertEquals("0.457 [0.450, 0.462]", SensitivityOutputs.withInterval(0.45671, 0.4501, 0.4624), "width 0.012");
        assertEquals("42 [0, 130]", SensitivityOutputs.withInterval(41.7, 0, 130.2), "width 130: whole numbers");
        assertEquals("3 [3, 3]", SensitivityOutputs.withInterval(3, 3, 3), "no width: the exact value");
        Morris.Result morris = new Morris.Result(new double[] {4.24997, 34.5}, new double[] {3.1234, 29.06},
                new double[] {5.6321, 39.66}, new double[] {4.24997, -34.5}, new double[] {1, 8.26});
        SensitivityResult.Outcome outcome = new SensitivityResult.Outcome("y", null, morris, java.util.List.of());
        assertEquals("4.2", outcome.importanceText(0), "the command's summary table rounds the same way");
        assertEquals("35", outcome.importanceText(1), "width 10.6: whole numbers, not 34.500");
    }

    @Test
    void anInteractionShowsAsSigma() {
        // f = x1 x2 + x3: the effect of x1 is x2 (0 or more), of x3 always 1.
        double[][] x = Morris.sample(3, 30, 4, 5);
        double[] y = Arrays.stream(x).mapToDouble(p -> p[0] * p[1] + p[2]).toArray();
        Morris.Result result = Morris.estimate(x, y, 3, 100, 1);
        assertTrue(result.sigma()[0] > 0.1 && result.sigma()[1] > 0.1, "x1 and x2 interact");
        assertEquals(0, result.sigma()[2], 1e-9);
        assertEquals(1, result.muStar()[2], 1e-9);
        assertTrue(result.muStar()[0] > 0.1 && result.muStar()[0] < 1, "mu* of x1: the mean of x2 where x1 moves");
    }
}
