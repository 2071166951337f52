package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Preference profiles (docs/scenario-format.md, "profiles"): positions and saliences a
 * delegation does not give are derived from its groups. On each dimension the value is the
 * mean of the profiles of the delegation's groups that give one, else the default profile's,
 * else (salience only) delegation_defaults.salience; then per-delegation adjustments are added
 * and seeded Gaussian noise of sd {@code noise}, clamped to [0, 1]. The noise depends only on
 * (profiles.seed, delegation id, dimension), so a state's preferences do not change between
 * runs or when other states are added.
 */
final class ProfilesBinder {
    static final List<String> KEYS = List.of("seed", "noise", "default", "groups", "adjust", "as_of");
    private final List<String> dims;
    private final long seed;
    private final double noise;
    private final double[][] defaults;
    private final Map<String, double[][]> groups = new LinkedHashMap<>();
    private final Map<String, double[][]> adjustments = new LinkedHashMap<>();
    /** Every delegation with an adjustment, in force at profiles.as_of or not. */
    private final Set<String> adjusted = new java.util.LinkedHashSet<>();
    private final YamlNode node;
    private final double[] fallbackSalience;

    /** Reads {@code node}, the profiles mapping; {@code fallbackSalience} is delegation_defaults.salience. */
    ProfilesBinder(YamlNode node, List<String> dims, double[] fallbackSalience) {
        this.node = node;
        this.dims = dims;
        seed = node.longValue("seed", 1L);
        noise = node.number("noise", 0.0, 0, 0.5);
        defaults = profile(node.object("default", List.of("position", "salience")), 0, 1);
        YamlNode groupsNode = node.object("groups", null);
        groupsNode.node.fieldNames().forEachRemaining(group -> groups.put(group,
                profile(groupsNode.object(group, List.of("position", "salience")), 0, 1)));
        YamlNode adjustNode = node.object("adjust", null);
        java.time.LocalDate asOf = node.date("as_of");
        adjustNode.node.fieldNames().forEachRemaining(id -> {
            YamlNode adjustment = adjustNode.object(id, List.of("position", "salience", "from", "until"));
            double[][] values = profile(adjustment, -1, 1);
            adjusted.add(id);
            if (inForce(asOf, adjustment.date("from"), adjustment.date("until"), adjustment)) {
                adjustments.put(id, values);
            }
        });
        this.fallbackSalience = fallbackSalience;
    }

    /**
     * A dated adjustment is in force from {@code from} (inclusive) until {@code until} (exclusive); with
     * no profiles.as_of the scenario is set when its adjustments were written, and all apply.
     */
    private static boolean inForce(java.time.LocalDate asOf, java.time.LocalDate from, java.time.LocalDate until,
                                   YamlNode adjustment) {
        if (from != null && until != null && !from.isBefore(until)) {
            adjustment.problemAt("until", "must be after from (" + from + ")");
        }
        return asOf == null || (from == null || !asOf.isBefore(from)) && (until == null || asOf.isBefore(until));
    }

    private double[] filled(double value) {
        double[] values = new double[dims.size()];
        Arrays.fill(values, value);
        return values;
    }

    /** {position, salience} per dimension, NaN where the profile is silent; values in [min, 1]. */
    private double[][] profile(YamlNode profile, double min, double max) {
        double[][] values = {filled(Double.NaN), filled(Double.NaN)};
        String[] keys = {"position", "salience"};
        for (int part = 0; part < 2; part++) {
            if (!profile.node.has(keys[part])) {
                continue;
            }
            YamlNode map = profile.object(keys[part], dims);
            for (int k = 0; k < dims.size(); k++) {
                if (map.node.has(dims.get(k))) {
                    values[part][k] = map.number(dims.get(k), Double.NaN, min, max);
                }
            }
        }
        return values;
    }

    void fill(List<Scenario.Delegation> delegations) {
        Set<String> ids = new HashSet<>();
        delegations.forEach(d -> ids.add(d.id()));
        for (String id : adjusted) {
            if (!ids.contains(id)) {
                node.problemAt("adjust", Suggestions.unknown("delegation", id, ids));
            }
        }
        for (int i = 0; i < delegations.size(); i++) {
            Scenario.Delegation d = delegations.get(i);
            if (d.id() == null) {
                continue; // reported as missing; its noise would be seeded by its id
            }
            double[] position = d.position().clone();
            double[] salience = d.salience().clone();
            for (int k = 0; k < dims.size(); k++) {
                if (Double.isNaN(position[k])) {
                    position[k] = derive(d, 0, k, Double.NaN);
                    if (Double.isNaN(position[k])) {
                        node.binding.problem(delegationPointer(d.id()), "delegations[" + d.id() + "].position",
                                "no value for dimension '" + dims.get(k) + "': give it, or a profile for one of"
                                        + " the groups " + d.groups() + " or a default profile");
                    }
                }
                if (Double.isNaN(salience[k])) {
                    salience[k] = derive(d, 1, k, fallbackSalience[k]);
                }
            }
            delegations.set(i, d.withPreferences(position, salience));
        }
    }

    /** Where a delegation was written (its inline entry or delegations file row), found by id. */
    private String delegationPointer(String id) {
        JsonNode entries = node.binding.tree().root().path("delegations");
        for (int j = 0; j < entries.size(); j++) {
            if (id.equals(entries.get(j).path("id").asText(null))) {
                return "/delegations/" + j;
            }
        }
        return "/delegations";
    }

    /** One derived value: group mean or default, plus adjustment and noise (positions only), clamped. */
    private double derive(Scenario.Delegation d, int part, int k, double fallback) {
        double sum = 0;
        int count = 0;
        for (String group : d.groups()) {
            double[][] profile = groups.get(group);
            if (profile != null && !Double.isNaN(profile[part][k])) {
                sum += profile[part][k];
                count++;
            }
        }
        double value = count > 0 ? sum / count : Double.isNaN(defaults[part][k]) ? fallback : defaults[part][k];
        if (Double.isNaN(value)) {
            return value;
        }
        double[][] adjustment = adjustments.get(d.id());
        if (adjustment != null && !Double.isNaN(adjustment[part][k])) {
            value += adjustment[part][k];
        }
        if (part == 0 && noise > 0) {
            value += noise * standardNormal(seed, d.id(), k);
        }
        return Math.min(1, Math.max(0, value));
    }

    /**
     * Profile noise draws, memoised by (seed, delegation, dimension): seeding a generator per state
     * and dimension dominated binding, and sweeps and sensitivity samples bind every point.
     */
    private static final Map<List<Object>, Double> NOISE = new ConcurrentHashMap<>();

    private static double standardNormal(long seed, String delegation, int k) {
        if (NOISE.size() > 1_000_000) {
            NOISE.clear();
        }
        return NOISE.computeIfAbsent(List.of(seed, delegation, k), key -> new MersenneTwisterFast(
                new int[] {(int) (seed >>> 32), (int) seed, delegation.hashCode(), k}).nextGaussian());
    }
}
