package org.plenary.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.model.Coalition;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Chooses the replication the coalition flow chart shows, by a stated rule: the first
 * replication (lowest number) whose items ended in the most common combination of states. It
 * keeps only what the chart needs (coalition memberships and withdrawals at the stage rounds) of
 * the first replication of each combination, so memory does not grow with the replications.
 */
public final class FlowReplication {
    /** The coalitions and withdrawn delegations of one replication at each stage round. */
    public record Stages(int replication, List<List<int[]>> coalitions, List<boolean[]> withdrawn) { }

    private final Scenario scenario;
    private final List<Integer> rounds;
    /** Combination of final states to [count, first replication]; insertion order = order first seen. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Stages> firsts = new LinkedHashMap<>();

    public FlowReplication(Scenario scenario) {
        this.scenario = scenario;
        this.rounds = stageRounds(scenario);
    }

    /** Round 0, every event round within the run, and the last round. */
    public static List<Integer> stageRounds(Scenario scenario) {
        List<Integer> stages = new ArrayList<>(List.of(0));
        scenario.events().stream().map(Scenario.Event::round).filter(r -> r > 0 && r < scenario.rounds()).sorted()
                .distinct().forEach(stages::add);
        stages.add(scenario.rounds());
        return stages;
    }

    public void add(ReplicationRecord record) {
        String combination = combination(record);
        int[] count = counts.computeIfAbsent(combination, c -> new int[] {0, record.replication()});
        count[0]++;
        firsts.computeIfAbsent(combination, c -> stages(record));
    }

    private String combination(ReplicationRecord record) {
        StringBuilder key = new StringBuilder();
        for (int m = 0; m < record.items(); m++) {
            key.append(m == 0 ? "" : ", ").append(scenario.agenda().get(m).id()).append(' ')
                    .append(record.finalState(m).label());
        }
        return key.toString();
    }

    private Stages stages(ReplicationRecord record) {
        List<List<int[]>> coalitions = new ArrayList<>();
        List<boolean[]> withdrawn = new ArrayList<>();
        for (int round : rounds) {
            coalitions.add(record.coalitions(round).stream().map(Coalition::members).toList());
            boolean[] out = new boolean[record.delegations()];
            for (int i = 0; i < out.length; i++) {
                out[i] = record.status(round, i) == ReplicationRecord.WITHDRAWN;
            }
            withdrawn.add(out);
        }
        return new Stages(record.replication(), coalitions, withdrawn);
    }

    public List<Integer> rounds() {
        return rounds;
    }

    /** The most common combination of final states (ties: the one seen first). */
    private String modal() {
        String best = null;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            if (best == null || entry.getValue()[0] > counts.get(best)[0]) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** The chosen replication's stages; null before any replication was added. */
    public Stages chosen() {
        String modal = modal();
        return modal == null ? null : firsts.get(modal);
    }

    /** The rule and what it chose, in words, for the chart's subtitle. */
    public String rule() {
        String modal = modal();
        if (modal == null) {
            return "";
        }
        int total = counts.values().stream().mapToInt(c -> c[0]).sum();
        String outcome = scenario.agenda().isEmpty() ? "" : " with the most common outcome (" + modal + ": "
                + counts.get(modal)[0] + " of " + total + " replications)";
        return "replication " + firsts.get(modal).replication() + ", the first" + outcome;
    }
}
