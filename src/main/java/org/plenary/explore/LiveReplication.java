package org.plenary.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.AssemblySim;
import org.plenary.sim.Experiment;
import org.plenary.sim.Seeds;

/**
 * Replication 1 of a scenario, stepped one round at a time: the same model, seed and recorder as
 * replication 1 of {@code plenary run} ({@link Experiment#replicate}), so every round shown is the
 * round that run records.
 */
final class LiveReplication {
    private final Scenario scenario;
    private final ReplicationRecord record;
    private final AssemblySim sim;
    private final String[] primaryBloc;
    /** Each item's figures under its body's rule: as of the latest round while open, then of its deciding round. */
    private final List<Map<String, Object>> ruleFigures = new ArrayList<>();

    LiveReplication(Scenario scenario) {
        this.scenario = scenario;
        long seed = Seeds.forReplication(scenario.seed(), 0, 1);
        record = Experiment.newRecord(scenario, 1, seed);
        sim = new AssemblySim(scenario, seed, List.of(record));
        sim.start();
        primaryBloc = scenario.delegations().stream().map(d -> primaryBloc(scenario, d)).toArray(String[]::new);
        for (int m = 0; m < scenario.agenda().size(); m++) {
            ruleFigures.add(RuleFigures.of(scenario.decision(), scenario.bodies().list(), sim.assembly(), m));
        }
    }

    int round() {
        return sim.assembly().round();
    }

    boolean finished() {
        return round() >= scenario.rounds();
    }

    void step() {
        if (!finished()) {
            sim.schedule.step(sim);
            Assembly a = sim.assembly();
            for (int m = 0; m < a.items; m++) {
                if (!a.itemState[m].isClosed() || a.decidedRound[m] == a.round()) {
                    ruleFigures.set(m, RuleFigures.of(scenario.decision(), scenario.bodies().list(), a, m));
                }
            }
            // An item moved at the end of this round was debated in its old body: the new body's figures start next round.
            int[] moves = record.venueMoves(a.round());
            for (int q = 0; q + 3 < moves.length; q += 4) {
                ruleFigures.set(moves[q], Map.of("procedure", a.bodyProcedure[moves[q + 2]].label(), "arrived", a.round()));
            }
        }
    }

    void advanceTo(int round) {
        while (round() < round && !finished()) {
            step();
        }
    }

    /**
     * The group a delegation is coloured by: its first group that the scenario declares as a bloc,
     * else its first group, else none ("").
     */
    static String primaryBloc(Scenario scenario, Scenario.Delegation d) {
        for (String group : d.groups()) {
            if (scenario.blocs().stream().anyMatch(b -> b.id().equals(group))) {
                return group;
            }
        }
        return d.groups().isEmpty() ? "" : d.groups().get(0);
    }

    String primaryBloc(int delegation) {
        return primaryBloc[delegation];
    }

    /** Delegation i's role in body b now (a label of the body's procedure), or null when it is not a member. */
    String role(int i, int b) {
        Assembly a = sim.assembly();
        int code = a.role[i * a.bodies + b];
        return code == 0 ? null : a.bodyProcedure[b].roles().get(code - 1);
    }

    /** What the page draws for the current round: statuses, positions, drafts, objectors, coalitions. */
    Map<String, Object> snapshot() {
        int t = round();
        int n = record.delegations();
        int d = record.dimensions();
        boolean bodies = scenario.bodies().declared();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("round", t);
        view.put("rounds", scenario.rounds());
        view.put("finished", finished());
        List<Object> delegations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] position = new double[d];
            for (int k = 0; k < d; k++) {
                position[k] = record.position(t, i, k);
            }
            Map<String, Object> delegation = new LinkedHashMap<>();
            delegation.put("status", statusLabel(record.status(t, i)));
            delegation.put("position", position);
            if (bodies) {
                List<String> roles = new ArrayList<>();
                for (int b = 0; b < scenario.bodies().list().size(); b++) {
                    roles.add(role(i, b));
                }
                delegation.put("roles", roles);
            }
            delegations.add(delegation);
        }
        view.put("delegations", delegations);
        List<Object> items = new ArrayList<>();
        for (int m = 0; m < record.items(); m++) {
            double[] draft = new double[d];
            for (int k = 0; k < d; k++) {
                draft[k] = record.draft(t, m, k);
            }
            List<String> objectors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (record.objecting(t, m, i)) {
                    objectors.add(scenario.delegations().get(i).id());
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("state", record.itemState(t, m).label());
            item.put("decidedRound", record.itemState(t, m).isClosed() ? record.decidedRound(m) : null);
            item.put("draft", draft);
            item.put("objectors", objectors);
            item.put("objectingShare", record.objectingShare(t, m));
            item.put("rule", ruleFigures.get(m));
            if (bodies) {
                item.put("body", scenario.bodies().list().get(sim.assembly().itemBody[m]).id());
            }
            if (finished()) {
                double[] inForce = new double[d];
                for (int k = 0; k < d; k++) {
                    inForce[k] = record.textInForce(m, k);
                }
                item.put("textInForce", inForce);
            }
            items.add(item);
        }
        view.put("items", items);
        List<Object> coalitions = new ArrayList<>();
        for (Coalition c : record.coalitions(t)) {
            coalitions.add(Map.of("members", c.members(), "share", c.capabilityShare(), "bloc", leadingBloc(c)));
        }
        view.put("coalitions", coalitions);
        view.put("flow", flow(t));
        if (bodies) {
            view.put("moves", moves(t));
        }
        return view;
    }

    /** Every move of an item between bodies up to a round, oldest first: round, item, from, to, by. */
    private List<Object> moves(int upTo) {
        List<String> bodyIds = scenario.bodies().list().stream().map(Scenario.Body::id).toList();
        List<Object> moves = new ArrayList<>();
        for (int t = 0; t <= upTo; t++) {
            int[] quadruples = record.venueMoves(t);
            for (int q = 0; q + 3 < quadruples.length; q += 4) {
                moves.add(Map.of("round", t, "item", scenario.agenda().get(quadruples[q]).id(),
                        "from", bodyIds.get(quadruples[q + 1]), "to", bodyIds.get(quadruples[q + 2]),
                        "by", scenario.delegations().get(quadruples[q + 3]).id()));
            }
        }
        return moves;
    }

    /** Per round so far, each coalition's capability share and leading bloc: the coalition flow. */
    private List<Object> flow(int upTo) {
        List<Object> rounds = new ArrayList<>();
        for (int t = 0; t <= upTo; t++) {
            List<Object> round = new ArrayList<>();
            for (Coalition c : record.coalitions(t)) {
                round.add(Map.of("share", c.capabilityShare(), "size", c.members().length, "bloc", leadingBloc(c)));
            }
            rounds.add(round);
        }
        return rounds;
    }

    /** The bloc holding most of a coalition's capability, by its members' colouring bloc. */
    private String leadingBloc(Coalition c) {
        Map<String, Double> capability = new LinkedHashMap<>();
        for (int i : c.members()) {
            capability.merge(primaryBloc[i], scenario.delegations().get(i).capability(), Double::sum);
        }
        return capability.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    private static String statusLabel(byte status) {
        return status == ReplicationRecord.WITHDRAWN ? "withdrawn"
                : status == ReplicationRecord.DISENGAGED ? "disengaged" : "active";
    }
}
