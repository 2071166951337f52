package org.plenary.scenario;

import java.util.List;

/** The {@code agenda_setting} section: who tables texts and how. */
final class AgendaSettingBinder {
    private AgendaSettingBinder() {
    }

    static Scenario.AgendaSetting bind(YamlNode top) {
        YamlNode node = top.object("agenda_setting", List.of("model", "proposers", "pen", "compromise", "proposal",
                "recognition_exponent"));
        return new Scenario.AgendaSetting(
                node.option(Scenario.AgendaModel.class, "model", "none", List.of("none", "tabling")),
                node.integer("proposers", 1, 0, 1_000_000),
                node.number("pen", 0.5, 0, 1),
                node.number("compromise", 0.5, 0, 1),
                node.option(Scenario.Proposal.class, "proposal", "coalition-text",
                        List.of("coalition-text", "closed-rule")),
                node.number("recognition_exponent", 1, 0, 10));
    }
}
