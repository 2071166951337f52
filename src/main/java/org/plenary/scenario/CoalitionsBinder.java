package org.plenary.scenario;

import java.util.List;

/** The {@code coalitions} section: how coalitions are detected in the positions. */
final class CoalitionsBinder {
    private CoalitionsBinder() {
    }

    static Scenario.Coalitions bind(YamlNode top) {
        YamlNode node = top.object("coalitions", List.of("method", "radius", "min_members", "starts", "bloc_bonus"));
        Scenario.CoalitionMethod method = node.option(Scenario.CoalitionMethod.class, "method", "dbscan",
                List.of("dbscan", "landscape"));
        double radius = node.number("radius", 0.12, 0, 2);
        if (radius == 0) {
            node.problemAt("radius", "must be greater than 0");
        }
        return new Scenario.Coalitions(method, radius,
                node.integer("min_members", 2, 1, 1_000_000), node.integer("starts", 20, 1, 100_000),
                node.number("bloc_bonus", 0.5, 0, 10));
    }
}
