package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code agenda} section: the items, their weights, status quo, deadline, sponsor and tabled text. */
final class AgendaBinder {
    private AgendaBinder() {
    }

    static List<Scenario.Item> bind(YamlNode top, List<String> dims, int rounds) {
        List<Scenario.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode entry : top.list("agenda", false)) {
            String id = entry.requiredId("id");
            if (id != null && !seen.add(id)) {
                entry.problemAt("id", "duplicate agenda item id '" + id + "'");
            }
            if (id != null) {
                entry.field = "agenda[" + id + "]";
            }
            entry.allow(List.of("id", "title", "forum", "weights", "status_quo", "deadline", "sponsor", "text", "body",
                    "approval"));
            String forum = entry.choice("forum", "plenary", Scenario.FORUMS);
            double[] weights = entry.perDimension("weights", dims, 0.0, false);
            if (!entry.node.has("weights")) {
                entry.problemAt("weights", "missing: say which dimensions the item touches,"
                        + " e.g. weights: {" + (dims.isEmpty() ? "dimension" : dims.get(0)) + ": 1.0}");
            } else if (Arrays.stream(weights).noneMatch(w -> w > 0)) {
                entry.problemAt("weights", "at least one weight must be positive");
            }
            double[] statusQuo = onWeightedDimensions(entry, "status_quo", dims, weights);
            int deadline = entry.integer("deadline", rounds, 1, 1_000_000);
            if (deadline > rounds) {
                entry.warnAt("deadline", "deadline " + deadline + " is after the last round ("
                        + rounds + "): if still open at the end, the item is recorded as open");
            }
            String sponsor = entry.text("sponsor", null);
            if (sponsor != null && !ScenarioBinder.ID.matcher(sponsor).matches()) {
                entry.problemAt("sponsor", "'" + sponsor + "' is not a valid id: name a delegation or a bloc");
                sponsor = null;
            }
            // A tabled text: a value in [0, 1] on exactly the dimensions the item weights.
            double[] text = entry.node.has("text") ? onWeightedDimensions(entry, "text", dims, weights) : null;
            items.add(new Scenario.Item(id, entry.text("title", id), forum, weights, statusQuo, deadline, sponsor,
                    text));
        }
        return items;
    }

    /** A point read at {@code key} with a value on exactly the dimensions the item weights (NaN elsewhere). */
    private static double[] onWeightedDimensions(YamlNode entry, String key, List<String> dims, double[] weights) {
        double[] values = entry.perDimension(key, dims, Double.NaN, false);
        for (int k = 0; k < dims.size(); k++) {
            if (weights[k] > 0 && Double.isNaN(values[k])) {
                entry.problemAt(key, "missing a value for '" + dims.get(k) + "', which the item weights");
            } else if (weights[k] == 0 && !Double.isNaN(values[k])) {
                entry.problemAt(key, "gives '" + dims.get(k) + "', which the item does not weight;"
                        + " add a weight or remove it");
            }
        }
        return values;
    }

    /**
     * A sponsor is a delegation or a coordinating bloc; it drafts with agenda-setting on, and with forum
     * shifting on it is who may move the item (docs/ODD.md 7.14).
     */
    static void checkSponsors(YamlNode top, List<Scenario.Item> agenda, Scenario.AgendaSetting setting,
                              Set<String> delegationIds, List<Scenario.Bloc> blocs) {
        for (Scenario.Item item : agenda) {
            String sponsor = item.sponsor();
            if (sponsor == null) {
                continue;
            }
            String pointer = "/agenda/" + indexOfItem(top, item.id()) + "/sponsor";
            String field = "agenda[" + item.id() + "].sponsor";
            Scenario.Bloc bloc = blocs.stream().filter(b -> b.id().equals(sponsor)).findFirst().orElse(null);
            boolean shifting = !"none".equals(top.node.path("forum_shifting").path("model").asText("none"));
            if (!setting.on() && !shifting) {
                top.binding.problem(pointer, field,
                        "a sponsor drafts the first text only with agenda_setting: {model: tabling} (or moves the"
                                + " item with forum_shifting on)");
            } else if (bloc != null && bloc.cohesion() <= 0) {
                top.binding.problem(pointer, field, "bloc '" + sponsor + "' has cohesion 0: it does not coordinate,"
                        + " so it cannot sponsor a text; name a delegation or a bloc with cohesion above 0");
            } else if (bloc == null && !delegationIds.contains(sponsor)) {
                Set<String> known = new LinkedHashSet<>(delegationIds);
                blocs.forEach(b -> known.add(b.id()));
                top.binding.problem(pointer, field, Suggestions.unknown("delegation or bloc", sponsor, known));
            }
        }
    }

    private static int indexOfItem(YamlNode top, String id) {
        JsonNode list = top.node.path("agenda");
        for (int index = 0; index < list.size(); index++) {
            if (id.equals(list.get(index).path("id").asText())) {
                return index;
            }
        }
        return 0;
    }
}
