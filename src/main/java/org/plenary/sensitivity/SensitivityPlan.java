package org.plenary.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.sweep.SweepPlan;

/**
 * What a sensitivity analysis was asked for, saved with it (sensitivity.json) so that it can be
 * resumed and its indices recomputed from the saved runs alone.
 *
 * @param method      sobol or morris
 * @param ranges      the --range texts (path=low:high[:int]), one per parameter, in order
 * @param samples     Sobol: N, the base sample size; Morris: r, the number of trajectories
 * @param levels      Morris grid levels p (even)
 * @param secondOrder Sobol: also the second-order indices (N (2k + 2) runs instead of N (k + 2))
 * @param bootstrap   bootstrap resamples for the confidence intervals
 * @param outcomes    outcomes to analyse (empty: every numeric outcome)
 * @param contrast    --contrast assignments: outcomes become scenario minus variant on the same seeds
 * @param masterSeed  the scenario's seed; the Morris sample and the bootstrap draw from seeds derived from it
 */
public record SensitivityPlan(String method, List<String> ranges, int samples, int levels, boolean secondOrder,
                              int bootstrap, List<String> outcomes, List<String> contrast, long masterSeed) {
    public static final String SOBOL = "sobol";
    public static final String MORRIS = "morris";

    public boolean sobol() {
        return method.equals(SOBOL);
    }

    public List<SweepPlan.Axis> axes() {
        List<SweepPlan.Axis> axes = new ArrayList<>();
        for (String range : ranges) {
            try {
                axes.add(SweepPlan.parseRange(range));
            } catch (org.plenary.scenario.InputException e) {
                throw new IllegalStateException("a saved range no longer parses: " + range, e);
            }
        }
        return axes;
    }

    public List<String> paths() {
        return axes().stream().map(SweepPlan.Axis::path).toList();
    }

    /** The design in the unit cube: Saltelli's blocks or Morris trajectories. */
    public double[][] unitSample() {
        int k = ranges.size();
        return sobol() ? Saltelli.sample(k, samples, secondOrder)
                : Morris.sample(k, samples, levels, org.plenary.sim.Seeds.forReplication(masterSeed, -2, 0));
    }

    /** The seed of the bootstrap resamples. */
    public long bootstrapSeed() {
        return org.plenary.sim.Seeds.forReplication(masterSeed, -3, 0);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", method);
        map.put("ranges", ranges);
        map.put("samples", samples);
        map.put("levels", levels);
        map.put("second_order", secondOrder);
        map.put("bootstrap", bootstrap);
        map.put("outcomes", outcomes);
        map.put("contrast", contrast);
        map.put("master_seed", masterSeed);
        return map;
    }

    public static SensitivityPlan fromJson(com.fasterxml.jackson.databind.JsonNode json) {
        List<String> ranges = new ArrayList<>();
        json.path("ranges").forEach(node -> ranges.add(node.asText()));
        List<String> outcomes = new ArrayList<>();
        json.path("outcomes").forEach(node -> outcomes.add(node.asText()));
        List<String> contrast = new ArrayList<>();
        json.path("contrast").forEach(node -> contrast.add(node.asText()));
        return new SensitivityPlan(json.path("method").asText(), List.copyOf(ranges), json.path("samples").asInt(),
                json.path("levels").asInt(), json.path("second_order").asBoolean(), json.path("bootstrap").asInt(),
                List.copyOf(outcomes), List.copyOf(contrast), json.path("master_seed").asLong());
    }
}
