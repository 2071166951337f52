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
        Scenario.Negotiation v2 = scenario.negotiation();
        List<Step> steps = new ArrayList<>(List.of(new Step("events", new EventSchedule(scenario.events()))));
        if (v2.attendance().model() == Scenario.AttendanceModel.CAPACITY) {
            steps.add(new Step("attendance", new CapacityAttendance(v2.attendance().fullCapability(),
                    v2.attendance().exponent())));
        }
        steps.add(new Step("bloc-coordination", new BlocCoordination()));
        steps.add(new Step("social-influence", socialInfluence));
        if (influence.noise() > 0) {
            steps.add(new Step("position-noise", new PositionNoise(influence.noise())));
        }
        if (v2.exchange().model() == Scenario.ExchangeModel.STOKMAN) {
            steps.add(new Step("exchange", new StokmanExchange(v2.exchange().rate())));
        }
        // Coalitions as actors (v2): formed coalitions take the place of the detected clusters; with
        // agenda-setting alone, the blocs' coalitions only lead and table, after detection.
        if (scenario.formation().on()) {
            steps.add(new Step(COALITIONS, new CoalitionFormation(scenario.formation(), scenario.blocs(), true)));
        } else {
            steps.add(new Step(COALITIONS, coalitions));
            if (scenario.agendaSetting().on()) {
                steps.add(new Step(COALITIONS, new CoalitionFormation(scenario.formation(), scenario.blocs(), false)));
            }
        }
        boolean aspirations = v2.aspirations().objections() == Scenario.Objections.ASPIRATION;
        DecisionMaking decision = new DecisionMaking(scenario.decision(),
                aspirations ? new AspirationObjections() : new StatusQuoObjections(), ballot(scenario), scenario.bodies());
        // Closed-rule proposers weigh their texts by the decision step's own rule.
        steps.add(new Step("drafting", scenario.agendaSetting().on()
                ? new AgendaSetting(scenario.agendaSetting(), scenario.chair(), scenario.agenda(), decision)
                : new ChairDrafting(scenario.chair())));
        if (aspirations) {
            steps.add(new Step("aspirations", new AspirationConcession()));
        }
        steps.add(new Step("decision", decision));
        if (scenario.bodies().shifting().on()) {
            steps.add(new Step("forum-shifting", new ExpectedOutcomeShifting(scenario.bodies().shifting(),
                    scenario.agenda(), decision)));
        }
        return List.copyOf(steps);
    }

    /** How ballots are cast: the spatial-logit draw, bloc discipline or v1's sincere threshold vote. */
    private static Ballot ballot(Scenario scenario) {
        if (scenario.decision().voteModel() == Scenario.VoteModel.SPATIAL_LOGIT) {
            return new SpatialLogitBallot(scenario.decision().logit());
        }
        Scenario.Voting voting = scenario.negotiation().voting();
        return voting.discipline() == Scenario.Discipline.BLOC
                ? new BlocDisciplineBallot(voting.crossPressured()) : new SincereBallot();
    }
}
