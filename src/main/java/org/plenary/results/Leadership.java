package org.plenary.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Who leads each coalition of each agenda item, round by round, counted over the replications
 * (model v2): the tally behind the leadership charts ({@link LeadershipChart}) and the table of
 * leaders before and after each event ({@link LeadersAtEvents}).
 */
public final class Leadership {
    /** Coalition events that change who the coalitions are or who leads them. */
    static final Set<String> REALIGNMENTS = Set.of("found", "merge", "dissolve", "succession");

    private final Scenario scenario;
    /** Per item: coalition id (without "@item") -> leader -> replications per round, in order first seen. */
    private final List<Map<String, Map<String, int[]>>> leads = new ArrayList<>();
    /** Per item and round: replications in which the item is open (or decided in that round). */
    private final int[][] open;
    private final int[][] realignments;
    private int replications;

    public Leadership(Scenario scenario) {
        this.scenario = scenario;
        for (int m = 0; m < scenario.agenda().size(); m++) {
            leads.add(new LinkedHashMap<>());
        }
        open = new int[scenario.agenda().size()][scenario.rounds() + 1];
        realignments = new int[scenario.agenda().size()][scenario.rounds() + 1];
    }

    /** Takes one replication; records must not be added twice. */
    public void add(ReplicationRecord record) {
        ActorRecord actors = record.actors();
        if (actors == null) {
            return;
        }
        replications++;
        for (ActorRecord.Leader leader : actors.leaders()) {
            int at = leader.coalition().lastIndexOf('@');
            int m = itemIndex(leader.coalition().substring(at + 1));
            leads.get(m).computeIfAbsent(leader.coalition().substring(0, at), c -> new LinkedHashMap<>())
                    .computeIfAbsent(leader.leader(), l -> new int[scenario.rounds() + 1])[leader.round()]++;
        }
        for (int m = 0; m < record.items(); m++) {
            int decided = record.decidedRound(m);
            for (int t = 0; t <= scenario.rounds() && (decided == 0 || t <= decided); t++) {
                open[m][t]++;
            }
        }
        for (ActorRecord.Event event : actors.events()) {
            if (REALIGNMENTS.contains(event.type())) {
                realignments[event.item()][event.round()]++;
            }
        }
    }

    private int itemIndex(String id) {
        for (int m = 0; m < scenario.agenda().size(); m++) {
            if (scenario.agenda().get(m).id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown item " + id);
    }

    public Scenario scenario() {
        return scenario;
    }

    public int replications() {
        return replications;
    }

    /** Item m's coalitions (ids without "@item"), each with its leaders and the replications each leads in, per round. */
    public Map<String, Map<String, int[]>> leads(int m) {
        return leads.get(m);
    }

    /** Replications in which item m is open in round t (its coalitions are still recorded). */
    public int open(int m, int t) {
        return open[m][t];
    }

    /** Foundings, merges, dissolutions and successions on item m in round t, over all replications. */
    public int realignments(int m, int t) {
        return realignments[m][t];
    }
}
