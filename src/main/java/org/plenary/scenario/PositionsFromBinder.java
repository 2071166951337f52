package org.plenary.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code positions_from} (docs/scenario-format.md): a dimension's positions from an ideal-points file by
 * the linear map through two anchors, position = p_A + (e - e_A) (p_B - p_A) / (e_B - e_A), clipped
 * to [0, 1]; delegations the file lacks keep their positions (a warning names them). With
 * {@code shrink: groups} the estimates are first shrunk toward their groups ({@link GroupShrinkage}).
 */
final class PositionsFromBinder {
    private PositionsFromBinder() {
    }

    static void apply(YamlNode top, List<String> dims, List<Scenario.Delegation> delegations) {
        Binding binding = top.binding;
        for (YamlNode entry : top.list("positions_from", false)) {
            entry.allow(List.of("file", "ideal_dimension", "dimension", "anchors", "shrink", "prior_sd"));
            boolean shrink = entry.choice("shrink", "none", List.of("none", "groups")).equals("groups");
            double priorSd = entry.number("prior_sd", Double.NaN, 0, 100);
            String file = entry.requiredText("file");
            int idealDimension = entry.integer("ideal_dimension", 1, 1, 2);
            int k = dims.indexOf(entry.choice("dimension", null, dims));
            if (entry.value("dimension") == null) {
                entry.problemAt("dimension", "missing (required): one of " + String.join(", ", dims));
            }
            YamlNode anchorsNode = entry.object("anchors", null);
            List<String> anchors = new ArrayList<>();
            anchorsNode.node.fieldNames().forEachRemaining(anchors::add);
            if (anchors.size() != 2) {
                entry.problemAt("anchors", "needs exactly two delegations with their positions, e.g. {USA: 0.15, RUS: 0.85}");
            }
            if (file == null || k < 0 || anchors.size() != 2) {
                continue;
            }
            Map<String, Double> estimates = new LinkedHashMap<>();
            try {
                Map<String, IdealPointsFile.Estimate> read = IdealPointsFile.read(
                        binding.tree().file().toAbsolutePath().getParent().resolve(file), idealDimension);
                read.forEach((id, estimate) -> estimates.put(id, estimate.value()));
                if (shrink && read.values().stream().anyMatch(e -> Double.isNaN(e.standardError()))) {
                    entry.problemAt("shrink", file + " needs low and high columns (intervals) to shrink by them");
                    continue;
                }
                if (shrink) {
                    Map<String, List<String>> groupsOf = new LinkedHashMap<>();
                    delegations.forEach(d -> groupsOf.put(d.id(), d.groups()));
                    estimates.putAll(GroupShrinkage.posteriorMeans(read, groupsOf, priorSd));
                }
            } catch (InputException e) {
                e.problems().forEach(binding.problems()::add);
                continue;
            }
            double[] from = new double[2];
            double[] to = new double[2];
            for (int a = 0; a < 2; a++) {
                String anchor = anchors.get(a);
                to[a] = anchorsNode.number(anchor, Double.NaN, 0, 1);
                Double estimate = estimates.get(anchor);
                if (estimate == null) {
                    anchorsNode.problemAt(anchor, Suggestions.unknown("delegation in " + file, anchor, estimates.keySet()));
                    return;
                }
                from[a] = estimate;
            }
            if (from[0] == from[1] || Double.isNaN(to[0]) || Double.isNaN(to[1])) {
                entry.problemAt("anchors", "the two anchors need different estimates and positions in [0, 1]");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < delegations.size(); i++) {
                Scenario.Delegation d = delegations.get(i);
                Double estimate = estimates.get(d.id());
                if (estimate == null) {
                    missing.add(d.id());
                    continue;
                }
                double[] position = d.position().clone();
                position[k] = Math.max(0, Math.min(1, to[0] + (estimate - from[0]) * (to[1] - to[0]) / (from[1] - from[0])));
                delegations.set(i, d.withPreferences(position, d.salience()));
            }
            if (!missing.isEmpty()) {
                entry.warnAt("file", file + " has no estimate for " + String.join(", ", missing)
                        + ": their positions on '" + dims.get(k) + "' stay as written");
            }
        }
    }
}
