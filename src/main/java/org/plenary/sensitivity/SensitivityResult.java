package org.plenary.sensitivity;

import java.util.List;
import java.util.Map;

/**
 * The indices of a finished analysis.
 *
 * @param plan       what was asked for
 * @param paths      the parameters, in order
 * @param unit       the points as run, in the unit cube
 * @param points     the points as run, as the values given to each parameter
 * @param values     per outcome id, its value at each point (replication mean; with a contrast, the
 *                   scenario's mean minus the variant's)
 * @param outcomes   the analysed outcomes
 * @param skipped    outcomes that could not be analysed, and why
 * @param contrasted whether the values are contrasts
 */
public record SensitivityResult(SensitivityPlan plan, List<String> paths, double[][] unit, List<List<String>> points,
                                Map<String, double[]> values, List<Outcome> outcomes, List<Skipped> skipped,
                                boolean contrasted) {

    /** One outcome's indices: Sobol' ({@code sobol}, with convergence steps) or Morris. */
    public record Outcome(String id, Saltelli.Result sobol, Morris.Result morris, List<Step> convergence) {
        /** The sorting key: total order (Sobol') or mu* (Morris) of parameter i. */
        public double importance(int i) {
            double value = sobol != null ? sobol.totalOrder()[i].value() : morris.muStar()[i];
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }

        /** Total order or mu* of parameter i as text, to the decimals its 95% interval supports; blank for NaN. */
        public String importanceText(int i) {
            double value = sobol != null ? sobol.totalOrder()[i].value() : morris.muStar()[i];
            double low = sobol != null ? sobol.totalOrder()[i].low() : morris.muStarLow()[i];
            double high = sobol != null ? sobol.totalOrder()[i].high() : morris.muStarHigh()[i];
            return SensitivityOutputs.fixed(value, SensitivityOutputs.decimals(low, high));
        }
    }

    /** An outcome left out, with the reason. */
    public record Skipped(String id, String reason) { }

    /** Point estimates from the first n samples. */
    public record Step(int n, double[] firstOrder, double[] totalOrder) { }

    /** Parameter indices of an outcome, most important first. */
    public static int[] ranking(Outcome outcome, int k) {
        return java.util.stream.IntStream.range(0, k).boxed()
                .sorted((a, b) -> Double.compare(outcome.importance(b), outcome.importance(a)))
                .mapToInt(Integer::intValue).toArray();
    }
}
