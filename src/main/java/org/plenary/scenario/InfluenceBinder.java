package org.plenary.scenario;

import static org.plenary.scenario.YamlNode.fmt;

import java.util.List;

/** The {@code influence} section: the opinion-dynamics model and its rates. */
final class InfluenceBinder {
    private InfluenceBinder() {
    }

    static Scenario.Influence bind(YamlNode top) {
        YamlNode node = top.object("influence", List.of("model", "rate", "anchor", "affinity", "salience_resistance",
                "meetings", "noise"));
        return new Scenario.Influence(node.option(Scenario.InfluenceModel.class, "model", "hegselmann-krause",
                        List.of("hegselmann-krause", "deffuant", "none")),
                node.number("rate", 0.3, 0, 1),
                node.number("anchor", 0.05, 0, 1),
                node.number("affinity", 1.0, 0, 100),
                node.number("salience_resistance", 0.5, 0, 1),
                node.number("meetings", 1.0, 0, 1000),
                node.number("noise", 0.01, 0, 0.5));
    }

    /**
     * Hegselmann-Krause moves a position to o_i mu (1 - rho s_ik) of the way toward its neighbours'
     * mean and lambda of the way toward its ideal point at once: a weighted average of the three (which
     * stays in [0, 1]) only when mu o_i + lambda &lt;= 1 for every delegation and every openness an
     * event sets.
     */
    static void checkConvex(Binding binding, Scenario.Influence influence, List<Scenario.Delegation> delegations,
                            List<Scenario.Event> events) {
        if (influence.model() != Scenario.InfluenceModel.HEGSELMANN_KRAUSE) {
            return;
        }
        String widest = null;
        double openness = -1;
        for (Scenario.Delegation d : delegations) {
            if (d.openness() > openness) {
                openness = d.openness();
                widest = d.id();
            }
        }
        for (Scenario.Event e : events) {
            if ("openness".equals(e.attribute()) && e.value() > openness) {
                openness = e.value();
                widest = e.delegation() + " (set at round " + e.round() + ")";
            }
        }
        double step = influence.rate() * openness + influence.anchor();
        if (widest != null && step > 1 + 1e-12) {
            binding.problem("/influence/rate", "influence.rate", "rate x openness + anchor must be at most 1, or a"
                    + " position overshoots its neighbours' mean and its ideal point; " + widest + " has openness "
                    + fmt(openness) + ", giving " + fmt(influence.rate()) + " x " + fmt(openness) + " + "
                    + fmt(influence.anchor()) + " = " + fmt(step) + " (lower influence.rate, influence.anchor or"
                    + " the openness)");
        }
    }
}
