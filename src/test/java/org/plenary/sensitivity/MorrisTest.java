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
        assertArrayEquals(new double[] {0, 0, 0, 0}, result.muStarConf(), 1e-9, "every effect the same");
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
