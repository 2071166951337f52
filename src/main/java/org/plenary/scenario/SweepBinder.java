package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code sweep} section: the axes of a parameter sweep, each a path and its values. */
final class SweepBinder {
    private SweepBinder() {
    }

    static List<Scenario.SweepAxis> bind(YamlNode top) {
        List<Scenario.SweepAxis> axes = new ArrayList<>();
        for (YamlNode entry : top.list("sweep", false)) {
            entry.allow(List.of("path", "values"));
            String path = entry.requiredText("path");
            JsonNode values = entry.node.get("values");
            List<String> texts = new ArrayList<>();
            if (values == null || !values.isArray() || values.isEmpty()) {
                entry.problemAt("values", "a sweep axis needs a non-empty list of values");
            } else {
                for (JsonNode value : values) {
                    if (!value.isValueNode() || value.isNull()) {
                        entry.problemAt("values", "sweep values must be single values, got "
                                + YamlNode.describe(value));
                    }
                    texts.add(value.asText());
                }
            }
            axes.add(new Scenario.SweepAxis(path, List.copyOf(texts)));
        }
        return axes;
    }
}
