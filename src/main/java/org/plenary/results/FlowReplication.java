package org.plenary.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.model.Coalition;
import org.plenary.model.ItemState;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Chooses the replication the coalition flow charts show, by a stated rule: the first
 * replication (lowest number) whose items ended in the most common combination of states. It
 * keeps only what the charts need (coalition memberships, leaders and withdrawals at the stage
 * rounds) of the first replication of each combination, so memory does not grow with the
 * replications. With coalition formation on, coalitions live per item (ODD 7.4b), so it keeps one
 * flow per item, from round 0 (the coalitions the blocs seeded) through round 1 (the delegations'
 * first choices) and each event round to the item's last open round; otherwise one flow of the
 * assembly's coalitions, from round 0 through each event round to the last round.
 */
public final class FlowReplication {
    /** One coalition at a stage: its members (ascending); with formation on, its own id and leader, else null. */
    public record Group(int[] members, String id, String leader) {
        public Group(int[] members) {
            this(members, null, null);
        }
    }

    /**
     * One flow of one replication: the stage rounds, the coalitions and withdrawn delegations at each,
     * and how the item ended at the last stage ({@code ending}: an item state's label, or null when
     * the flow runs to the last round with the item still open, or covers the whole assembly).
     */
    public record Stages(int replication, List<Integer> rounds, List<List<Group>> coalitions,
                         List<boolean[]> withdrawn, String ending) { }

    private final Scenario scenario;
    private final boolean perItem;
    /** Combination of final states to [count, first replication]; insertion order = order first seen. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, List<Stages>> firsts = new LinkedHashMap<>();

    public FlowReplication(Scenario scenario) {
        this.scenario = scenario;
        this.perItem = scenario.formation().on();
    }

    /** Whether there is one flow per agenda item (coalition formation on) rather than one for the assembly. */
    public boolean perItem() {
        return perItem;
    }

    /** Round 0, every event round after it and before {@code last}, and {@code last}. */
    public static List<Integer> stageRounds(Scenario scenario, int last) {
        List<Integer> stages = new ArrayList<>(List.of(0));
        scenario.events().stream().map(Scenario.Event::round).filter(r -> r > 0 && r < last).sorted()
                .distinct().forEach(stages::add);
        stages.add(last);
        return stages;
    }

    public void add(ReplicationRecord record) {
        String combination = combination(record);
        int[] count = counts.computeIfAbsent(combination, c -> new int[] {0, record.replication()});
        count[0]++;
        firsts.computeIfAbsent(combination, c -> flows(record));
    }

    private String combination(ReplicationRecord record) {
        StringBuilder key = new StringBuilder();
        for (int m = 0; m < record.items(); m++) {
            key.append(m == 0 ? "" : ", ").append(scenario.agenda().get(m).id()).append(' ')
                    .append(record.finalState(m).label());
        }
        return key.toString();
    }

    private List<Stages> flows(ReplicationRecord record) {
        if (!perItem) {
            return List.of(stages(record, stageRounds(scenario, scenario.rounds()), null, null));
        }
        List<Stages> flows = new ArrayList<>();
        for (int m = 0; m < record.items(); m++) {
            // The last open round: the round it was decided in (its coalitions still stand then), else the last.
            int last = record.decidedRound(m) > 0 ? record.decidedRound(m) : scenario.rounds();
            ItemState end = record.itemState(last, m);
            List<Integer> rounds = stageRounds(scenario, last);
            if (last > 1 && !rounds.contains(1)) {
                rounds.add(1, 1); // round 0 holds the coalitions the blocs seeded; round 1 what the delegations chose
            }
            flows.add(stages(record, rounds, scenario.agenda().get(m).id(), end.isClosed() ? end.label() : null));
        }
        return flows;
    }

    /** The coalitions at the stage rounds: all of them, or with {@code item} those of that item. */
    private Stages stages(ReplicationRecord record, List<Integer> rounds, String item, String ending) {
        Map<String, String> leaders = leaders(record.actors(), rounds);
        List<List<Group>> coalitions = new ArrayList<>();
        List<boolean[]> withdrawn = new ArrayList<>();
        for (int round : rounds) {
            List<Group> groups = new ArrayList<>();
            for (Coalition coalition : record.coalitions(round)) {
                if (item == null) {
                    groups.add(new Group(coalition.members()));
                } else if (coalition.id() != null && coalition.id().endsWith("@" + item)) {
                    groups.add(new Group(coalition.members(), coalition.id(), leaders.get(round + " " + coalition.id())));
                }
            }
            coalitions.add(groups);
            boolean[] out = new boolean[record.delegations()];
            for (int i = 0; i < out.length; i++) {
                out[i] = record.status(round, i) == ReplicationRecord.WITHDRAWN;
            }
            withdrawn.add(out);
        }
        return new Stages(record.replication(), List.copyOf(rounds), coalitions, withdrawn, ending);
    }

    /** "round coalition-id" to its leader, at the given rounds. */
    private static Map<String, String> leaders(ActorRecord actors, List<Integer> rounds) {
        Map<String, String> leaders = new HashMap<>();
        if (actors != null) {
            for (ActorRecord.Leader leader : actors.leaders()) {
                if (rounds.contains(leader.round())) {
                    leaders.put(leader.round() + " " + leader.coalition(), leader.leader());
                }
            }
        }
        return leaders;
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

    /**
     * The chosen replication's flows: one per agenda item when {@link #perItem()}, else one; empty
     * before any replication was added.
     */
    public List<Stages> chosen() {
        String modal = modal();
        return modal == null ? List.of() : firsts.get(modal);
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
        return "replication " + counts.get(modal)[1] + ", the first" + outcome;
    }
}
