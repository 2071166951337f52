package org.plenary.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The Sobol' estimators against the analytic indices of the Ishigami and g functions. */
class SaltelliTest {

    private static double[] run(double[][] sample, ToDoubleFunction<double[]> function) {
        return Arrays.stream(sample).mapToDouble(function).toArray();
    }

    @Test
    void theSampleIsSaltellisBlockLayout() {
        double[][] sample = Saltelli.sample(3, 4, true);
        assertEquals(4 * 8, sample.length, "N (2k + 2) rows");
        for (int j = 0; j < 4; j++) {
            double[] a = sample[j * 8];
            double[] b = sample[j * 8 + 7];
            for (int i = 0; i < 3; i++) {
                double[] ab = sample[j * 8 + 1 + i];
                double[] ba = sample[j * 8 + 4 + i];
                for (int c = 0; c < 3; c++) {
                    assertEquals(c == i ? b[c] : a[c], ab[c], "AB_i: A with column i from B");
                    assertEquals(c == i ? a[c] : b[c], ba[c], "BA_i: B with column i from A");
                }
            }
        }
        assertEquals(4 * 5, Saltelli.sample(3, 4, false).length, "N (k + 2) rows without second order");
    }

    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        AnalyticFunctions.Ishigami ishigami = new AnalyticFunctions.Ishigami(7, 0.1);
        // Hand-derived (Saltelli et al. 2008): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
        assertArrayEquals(new double[] {0.3139, 0.4424, 0}, ishigami.firstOrder(), 1e-4);
        assertArrayEquals(new double[] {0.5576, 0.4424, 0.2437}, ishigami.totalOrder(), 1e-4);
        int n = 2048;
        Saltelli.Result result = Saltelli.estimate(run(Saltelli.sample(3, n, true), ishigami::value), 3, n, true, 100, 7);
        for (int i = 0; i < 3; i++) {
            assertEquals(ishigami.firstOrder()[i], result.firstOrder()[i].value(), 0.02, "S1 of x" + (i + 1));
            assertEquals(ishigami.totalOrder()[i], result.totalOrder()[i].value(), 0.02, "ST of x" + (i + 1));
            assertTrue(result.firstOrder()[i].low() < ishigami.firstOrder()[i]
                    && ishigami.firstOrder()[i] < result.firstOrder()[i].high(), "the interval covers S1 of x" + (i + 1));
        }
        assertEquals(ishigami.totalOrder()[2], result.secondOrder()[0][2].value(), 0.02, "S13 = ST3: x3 acts only with x1");
        assertEquals(0, result.secondOrder()[0][1].value(), 0.02, "no x1-x2 interaction");
        assertEquals(0, result.secondOrder()[1][2].value(), 0.02, "no x2-x3 interaction");
    }

    @Test
    void gFunctionIndicesMatchTheAnalyticValues() {
        AnalyticFunctions.GFunction g = new AnalyticFunctions.GFunction(new double[] {0, 1, 9, 99});
        // V_i = 1 / (3 (1 + a_i)^2): 1/3, 1/12, 1/300, 1/30000.
        double variance = (1 + 1.0 / 3) * (1 + 1.0 / 12) * (1 + 1.0 / 300) * (1 + 1.0 / 30000) - 1;
        assertEquals(1.0 / 3 / variance, g.firstOrder()[0], 1e-12);
        int n = 2048;
        Saltelli.Result result = Saltelli.estimate(run(Saltelli.sample(4, n, false), g::value), 4, n, false, 0, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals(g.firstOrder()[i], result.firstOrder()[i].value(), 0.02, "S1 of x" + (i + 1));
            assertEquals(g.totalOrder()[i], result.totalOrder()[i].value(), 0.02, "ST of x" + (i + 1));
        }
        assertTrue(result.totalOrder()[0].value() > result.firstOrder()[0].value(), "x1 interacts: ST > S1");
    }

    @Test
    void theBootstrapIsSeeded() {
        AnalyticFunctions.Ishigami ishigami = new AnalyticFunctions.Ishigami(7, 0.1);
        double[] y = run(Saltelli.sample(3, 64, false), ishigami::value);
        Saltelli.Result once = Saltelli.estimate(y, 3, 64, false, 200, 42);
        Saltelli.Result again = Saltelli.estimate(y, 3, 64, false, 200, 42);
        Saltelli.Result other = Saltelli.estimate(y, 3, 64, false, 200, 43);
        assertEquals(Arrays.toString(once.firstOrder()), Arrays.toString(again.firstOrder()));
        assertEquals(Arrays.toString(once.totalOrder()), Arrays.toString(again.totalOrder()));
        assertNotEquals(once.firstOrder()[0].conf(), other.firstOrder()[0].conf(), "another seed, other resamples");
        assertEquals(once.firstOrder()[0].value(), other.firstOrder()[0].value(), "the estimate itself is not resampled");
    }

    @Test
    void aConstantOutputHasNoIndices() {
        Saltelli.Result result = Saltelli.estimate(new double[5 * 16], 3, 16, false, 10, 1);
        assertTrue(Double.isNaN(result.firstOrder()[0].value()));
        assertTrue(Double.isNaN(result.totalOrder()[2].value()));
    }
}
