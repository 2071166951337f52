package org.plenary.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioBinder;
import org.plenary.scenario.SourceTree;
import org.plenary.sim.Experiment;
import org.plenary.sim.Seeds;

/**
 * The published laws of bounded-confidence opinion dynamics, reproduced with the project's own
 * {@code HegselmannKrause} and {@code Deffuant} mechanisms in their pure forms: N delegations on one
 * dimension with opinions drawn uniformly from [0, 1], capability 1, salience 1, openness 1, no
 * salience resistance, no anchor, no bloc affinity, no noise, no agenda. The scenario goes through the
 * ordinary input pipeline and simulation, so what is checked is what a run does.
 *
 * <p>Cluster criterion: the coalitions the assembly itself detects after the last round, by DBSCAN
 * with radius {@value #CLUSTER_RADIUS} and at least 2% of the agents (a major cluster): converged
 * clusters are points, so this counts the groups of at least 2% of the agents sharing an opinion.
 */
public final class OpinionDynamicsLaws {
    /** Opinions closer than this belong to the same cluster. */
    public static final double CLUSTER_RADIUS = 0.01;
    /** A major cluster holds at least this share of the agents (Deffuant et al. 2002 count major clusters). */
    public static final double MAJOR_SHARE = 0.02;

    private OpinionDynamicsLaws() {
    }

    /**
     * Major clusters after Deffuant et al.'s (2000) model: {@code meetingsPerAgent x agents} random
     * pairwise meetings in all (held as 100 meetings per agent and round, as the mechanism counts
     * them), each side moving by {@code convergence} toward the other when within {@code tolerance}.
     */
    public static int deffuantMajorClusters(int agents, double tolerance, double convergence, int meetingsPerAgent,
                                            long seed) {
        int perRound = Math.min(meetingsPerAgent, 100);
        ObjectNode influence = pureInfluence("deffuant", convergence).put("meetings", perRound);
        return majorClusters(agents, tolerance, influence, Math.max(1, meetingsPerAgent / perRound), seed);
    }

    /** Major clusters after {@code rounds} synchronous updates of Hegselmann &amp; Krause's (2002) model. */
    public static int hegselmannKrauseMajorClusters(int agents, double tolerance, int rounds, long seed) {
        return majorClusters(agents, tolerance, pureInfluence("hegselmann-krause", 1.0), rounds, seed);
    }

    private static ObjectNode pureInfluence(String model, double rate) {
        return JsonNodeFactory.instance.objectNode().put("model", model).put("rate", rate).put("anchor", 0)
                .put("affinity", 0).put("salience_resistance", 0).put("noise", 0);
    }

    private static int majorClusters(int agents, double tolerance, ObjectNode influence, int rounds, long seed) {
        Scenario scenario = uniformOpinions(agents, tolerance, influence, rounds, seed);
        ReplicationRecord record = Experiment.replicate(scenario, 0, 1);
        return record.coalitions(rounds).size();
    }

    private static Scenario uniformOpinions(int agents, double tolerance, ObjectNode influence, int rounds, long seed) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode().put("name", "opinion-dynamics-law").put("seed", seed)
                .put("rounds", rounds).put("replications", 1);
        root.putArray("dimensions").addObject().put("id", "opinion");
        root.putObject("delegation_defaults").put("salience", 1).put("capability", 1).put("openness", 1)
                .put("tolerance", tolerance);
        ArrayNode delegations = root.putArray("delegations");
        // Scrambled: raw small seeds give Mersenne Twister streams too alike from one seed to the next.
        MersenneTwisterFast opinions = new MersenneTwisterFast(Seeds.forReplication(seed, 0, 0));
        for (int i = 0; i < agents; i++) {
            ObjectNode delegation = delegations.addObject().put("id", "agent" + i);
            delegation.putObject("position").put("opinion", opinions.nextDouble(true, true));
        }
        root.set("influence", influence);
        root.putObject("coalitions").put("method", "dbscan").put("radius", CLUSTER_RADIUS)
                .put("min_members", (int) Math.ceil(MAJOR_SHARE * agents));
        try {
            return ScenarioBinder.bind(new SourceTree(Path.of("opinion-dynamics-law"), root)).scenario();
        } catch (InputException e) {
            throw new IllegalStateException("the generated scenario is valid by construction", e);
        }
    }
}
