package org.plenary.scenario;

import java.util.List;

/** The {@code chair} section: how the chair accommodates objectors and what happens to concessions. */
final class ChairBinder {
    private ChairBinder() {
    }

    static Scenario.Chair bind(YamlNode top) {
        YamlNode node = top.object("chair", List.of("accommodation", "accommodate_toward", "concessions_on_withdrawal",
                "concession_decay"));
        return new Scenario.Chair(node.number("accommodation", 0.2, 0, 1),
                node.option(Scenario.AccommodationTarget.class, "accommodate_toward", "position",
                        List.of("position", "ideal")),
                node.option(Scenario.ConcessionsOnWithdrawal.class, "concessions_on_withdrawal", "drop",
                        List.of("keep", "drop", "decay")),
                node.number("concession_decay", 0.2, 0, 1));
    }
}
