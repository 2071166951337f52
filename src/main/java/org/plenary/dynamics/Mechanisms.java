package org.plenary.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.Scenario;

/** The mechanisms a scenario selects, in the order they run within a round. */
public final class Mechanisms {
    private Mechanisms() {
    }

    /**
     * The name of the coalition-detection step, which also runs once before the first round (the
     * landscape method draws from a generator of its own, never from the replication's).
     */
    public static final String COALITIONS = "coalitions";

    /** One named mechanism; the names match the steps of a round in docs/ODD.md. */
    public record Step(String name, Mechanism mechanism) { }

    /**
     * @param replicationSeed the replication's seed, for mechanisms that observe with randomness
     *                        of their own (landscape coalitions) so they never draw from the model's
     */
    public static List<Step> forScenario(Scenario scenario, long replicationSeed) {
        Scenario.Influence influence = scenario.influence();
        Mechanism socialInfluence = switch (influence.model()) {
            case HEGSELMANN_KRAUSE -> new HegselmannKrause(influence.rate(), influence.anchor(),
                    influence.affinity(), influence.salienceResistance());
            case DEFFUANT -> new Deffuant(influence.rate(), influence.anchor(), influence.salienceResistance(),
                    influence.meetings());
            case NONE -> new NoInfluence(influence.anchor());
        };
        Scenario.Coalitions detection = scenario.coalitions();
        Mechanism coalitions = switch (detection.method()) {
            case DBSCAN -> new DbscanCoalitions(detection.radius(), detection.minMembers());
            case LANDSCAPE -> new LandscapeCoalitions(detection.starts(), detection.blocBonus(),
                    detection.minMembers(), replicationSeed);
        };
        List<Step> steps = new ArrayList<>(List.of(
                new Step("events", new EventSchedule(scenario.events())),
                new Step("bloc-coordination", new BlocCoordination()),
                new Step("social-influence", socialInfluence)));
        if (influence.noise() > 0) {
            steps.add(new Step("position-noise", new PositionNoise(influence.noise())));
        }
        steps.add(new Step(COALITIONS, coalitions));
        steps.add(new Step("drafting", new ChairDrafting(scenario.chair())));
        steps.add(new Step("decision", new DecisionMaking(scenario.decision())));
        return List.copyOf(steps);
    }
}
