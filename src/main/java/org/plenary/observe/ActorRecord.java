package org.plenary.observe;

import java.util.ArrayList;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;

/**
 * What coalitions as actors did in one replication, round by round: each live coalition's leader,
 * the texts tabled and the coalition events (joins, defections, foundings, merges, dissolutions,
 * successions, passes of the pen). Kept only when those mechanisms are on.
 */
public final class ActorRecord {

    /** A coalition's leader in a round. */
    public record Leader(int round, String coalition, String leader) { }

    public record Proposal(int round, int item, String sponsor, double[] text) { }

    public record Event(int round, int item, String type, String coalition, String delegation, String other) { }

    private final List<Leader> leaders = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    void observe(Assembly a, CoalitionActors actors) {
        int t = a.round();
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed() && a.decidedRound[m] < t) {
                continue;
            }
            for (int s = 0; s < a.delegations; s++) {
                if (actors.alive(m, s) && actors.leader(m, s) != CoalitionActors.NONE) {
                    leaders.add(new Leader(t, actors.id(m, s), a.delegationIds[actors.leader(m, s)]));
                }
            }
        }
        actors.proposals().forEach(p -> proposals.add(new Proposal(t, p.item(), p.sponsor(), p.text())));
        actors.events().forEach(e -> events.add(new Event(t, e.item(), e.type(), e.coalition(), e.delegation(),
                e.other())));
    }

    public List<Leader> leaders() {
        return leaders;
    }

    public List<Proposal> proposals() {
        return proposals;
    }

    public List<Event> events() {
        return events;
    }
}
