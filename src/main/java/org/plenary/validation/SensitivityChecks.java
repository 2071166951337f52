package org.plenary.validation;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.plenary.sensitivity.AnalyticFunctions;
import org.plenary.sensitivity.Saltelli;

/**
 * The Sobol' index estimators of {@code plenary sensitivity}, by the same code path (Saltelli
 * sample, estimators), on the two test functions with analytic indices: Ishigami (a = 7, b = 0.1)
 * and the Sobol' g-function. At N = 4096 every index must be within 0.01 of its analytic value.
 */
final class SensitivityChecks {
    static final int N = 4096;
    static final double TOLERANCE = 0.01;
    static final double[] G_COEFFICIENTS = {0, 1, 4.5, 9, 99, 99, 99, 99};

    private SensitivityChecks() {
    }

    static List<Check> all() {
        String primer = "Saltelli et al. 2008, Primer 4.9; Saltelli et al. 2010";
        AnalyticFunctions.Ishigami ishigami = new AnalyticFunctions.Ishigami(7, 0.1);
        Saltelli.Result fromIshigami = estimate(3, true, ishigami::value);
        AnalyticFunctions.GFunction g = new AnalyticFunctions.GFunction(G_COEFFICIENTS);
        Saltelli.Result fromG = estimate(G_COEFFICIENTS.length, false, g::value);
        double pi8 = Math.pow(Math.PI, 8);
        double s13 = 8 * 0.01 * pi8 / 225 / (49.0 / 8 + 0.1 * Math.pow(Math.PI, 4) / 5 + 0.01 * pi8 / 18 + 0.5);
        double s13Estimate = fromIshigami.secondOrder()[0][2].value();
        String g8 = "Sobol' g-function, a = (0, 1, 4.5, 9, 99, 99, 99, 99), N = " + N;
        return List.of(
                within("Ishigami (a = 7, b = 0.1), N = " + N + ": first order S1", primer, ishigami.firstOrder(),
                        values(fromIshigami.firstOrder())),
                within("Ishigami (a = 7, b = 0.1), N = " + N + ": total order ST", primer, ishigami.totalOrder(),
                        values(fromIshigami.totalOrder())),
                within("Ishigami (a = 7, b = 0.1), N = " + N + ": second order S13", primer, new double[] {s13},
                        new double[] {s13Estimate}),
                within(g8 + ": S1", "Sobol' 1993; " + primer, g.firstOrder(), values(fromG.firstOrder())),
                within(g8 + ": ST", "Sobol' 1993; " + primer, g.totalOrder(), values(fromG.totalOrder())));
    }

    private static Saltelli.Result estimate(int k, boolean secondOrder, ToDoubleFunction<double[]> function) {
        double[][] sample = Saltelli.sample(k, N, secondOrder);
        double[] y = Arrays.stream(sample).mapToDouble(function).toArray();
        return Saltelli.estimate(y, k, N, secondOrder, 0, 0);
    }

    private static double[] values(Saltelli.Estimate[] estimates) {
        return Arrays.stream(estimates).mapToDouble(Saltelli.Estimate::value).toArray();
    }

    private static Check within(String name, String source, double[] expected, double[] got) {
        boolean passed = true;
        for (int i = 0; i < expected.length; i++) {
            passed &= Math.abs(got[i] - expected[i]) <= TOLERANCE;
        }
        return new Check(name, source, format(expected) + " (each within " + TOLERANCE + ")", format(got), passed);
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(java.util.Locale.ROOT, "%.4f", v))
                .collect(Collectors.joining(", "));
    }
}
