package org.plenary.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code dimensions} section: ids, labels and pole labels of the issue dimensions. */
final class DimensionsBinder {
    private static final int MAX_DIMENSIONS = 32;
    private static final Set<String> RESERVED_COLUMNS = Set.of("replication", "round", "delegation", "status",
            "item", "state", "objectors", "objecting_capability_share", "coalition", "size", "capability_share",
            "members");

    private DimensionsBinder() {
    }

    static List<Scenario.Dimension> bind(YamlNode top) {
        List<Scenario.Dimension> dimensions = new ArrayList<>();
        List<YamlNode> list = top.list("dimensions", true);
        if (list.isEmpty() && top.node.has("dimensions")) {
            top.problemAt("dimensions", "at least one dimension is needed");
        }
        if (list.size() > MAX_DIMENSIONS) {
            top.problemAt("dimensions", "at most " + MAX_DIMENSIONS + " dimensions are supported, got " + list.size());
        }
        Set<String> seen = new HashSet<>();
        for (YamlNode entry : list) {
            entry.allow(List.of("id", "label", "low", "high"));
            String id = entry.requiredId("id");
            if (id == null) {
                continue;
            }
            if (RESERVED_COLUMNS.contains(id)) {
                entry.problemAt("id", "'" + id + "' is reserved for a results column; choose another id");
            }
            if (!seen.add(id)) {
                entry.problemAt("id", "duplicate dimension id '" + id + "'");
            }
            dimensions.add(new Scenario.Dimension(id, entry.text("label", id.replace('_', ' ')),
                    entry.text("low", "low"), entry.text("high", "high")));
        }
        return dimensions;
    }
}
