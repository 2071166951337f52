package org.plenary.scenario;

import java.util.List;

/**
 * The {@code voting} section (model v2): bloc discipline and what a cross-pressured member does.
 * Constructing it checks the mapping's keys; {@link #bind()} reads the values.
 */
final class VotingBinder {
    private final YamlNode voting;

    VotingBinder(YamlNode top) {
        voting = top.object("voting", List.of("discipline", "cross_pressured"));
    }

    Scenario.Voting bind() {
        return new Scenario.Voting(
                voting.option(Scenario.Discipline.class, "discipline", "none", List.of("none", "bloc")),
                voting.option(Scenario.CrossPressure.class, "cross_pressured", "abstain",
                        List.of("abstain", "sincere")));
    }
}
