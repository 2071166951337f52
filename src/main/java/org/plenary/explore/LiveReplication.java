package org.plenary.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    LiveReplication(Scenario scenario) {
        this.scenario = scenario;
        long seed = Seeds.forReplication(scenario.seed(), 0, 1);
        record = Experiment.newRecord(scenario, 1, seed);
        sim = new AssemblySim(scenario, seed, List.of(record));
        sim.start();
        primaryBloc = scenario.delegations().stream().map(d -> primaryBloc(scenario, d)).toArray(String[]::new);
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

    /** What the page draws for the current round: statuses, positions, drafts, objectors, coalitions. */
    Map<String, Object> snapshot() {
        int t = round();
        int n = record.delegations();
        int d = record.dimensions();
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
            delegations.add(Map.of("status", statusLabel(record.status(t, i)), "position", position));
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
        return view;
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
