package org.plenary.scenario;

import java.util.List;

/** The {@code coalition_formation} section: the alliance game's reach, costs and cohesion. */
final class FormationBinder {
    private FormationBinder() {
    }

    static Scenario.Formation bind(YamlNode top) {
        YamlNode node = top.object("coalition_formation", List.of("model", "reach", "bloc_affinity", "switching_cost",
                "merge_distance", "min_members", "cohesion"));
        return new Scenario.Formation(
                node.option(Scenario.FormationModel.class, "model", "none", List.of("none", "alliance")),
                node.number("reach", 0.1, 0.01, 2),
                node.number("bloc_affinity", 1, 0, 100),
                node.number("switching_cost", 0.02, 0, 10),
                node.number("merge_distance", 0.05, 0, 2),
                node.integer("min_members", 2, 1, 1_000_000),
                node.number("cohesion", 0.5, 0, 1));
    }
}
