package org.plenary.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code delegations} section (inline or from delegations_file), with the defaults filled in. */
final class DelegationsBinder {
    static final List<String> KEYS = List.of("id", "name", "region", "groups", "position", "salience",
            "capability", "openness", "tolerance", "objection_threshold", "votes", "aspiration", "concession");

    private DelegationsBinder() {
    }

    static List<Scenario.Delegation> bind(YamlNode top, List<String> dims, boolean profiled,
                                          DelegationDefaults defaults) {
        List<YamlNode> list = top.list("delegations", true);
        if (list.isEmpty() && top.node.has("delegations")) {
            top.problemAt("delegations", "at least one delegation is needed");
        }
        List<Scenario.Delegation> delegations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode entry : list) {
            String id = entry.requiredId("id");
            if (id != null && !seen.add(id)) {
                entry.problemAt("id", "duplicate delegation id '" + id + "'");
            }
            if (id != null) {
                entry.field = "delegations[" + id + "]";
            }
            entry.allow(KEYS);
            // With profiles, positions and saliences not given are derived after blocs are known (NaN until then).
            double[] position = entry.perDimension("position", dims, Double.NaN, !profiled);
            double[] salience = entry.perDimension("salience", dims, Double.NaN, false);
            for (int k = 0; k < dims.size() && !profiled; k++) {
                if (Double.isNaN(salience[k])) {
                    salience[k] = defaults.salience()[k];
                }
            }
            delegations.add(new Scenario.Delegation(id, entry.text("name", id), entry.text("region", ""),
                    entry.idList("groups"), position, salience,
                    entry.number("capability", defaults.capability(), 0, 1e9),
                    entry.number("openness", defaults.openness(), 0, 1),
                    entry.number("tolerance", defaults.tolerance(), 0, 1),
                    entry.number("objection_threshold", defaults.objectionThreshold(), 0, 1e6),
                    entry.bool("votes", true)));
        }
        return delegations;
    }

    /** Where delegation {@code id} stands in {@code delegations}, or -1. */
    static int indexOf(List<Scenario.Delegation> delegations, String id) {
        for (int i = 0; i < delegations.size(); i++) {
            if (delegations.get(i).id() != null && delegations.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
