package org.plenary.results;

import java.util.Map;
import java.util.TreeMap;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Whether a scenario's events can matter: an event in round r can change no outcome in a
 * replication where every agenda item had closed before round r. Counts such replications per
 * event round and words a warning when they are most of them (a first scenario whose items all
 * close in round 1, before any event, otherwise shows nothing and says nothing).
 */
public final class EventTiming {
    private final Scenario scenario;
    /** Event round to the number of replications in which every item closed before it. */
    private final Map<Integer, Integer> tooLate = new TreeMap<>();
    private int replications;

    public EventTiming(Scenario scenario) {
        this.scenario = scenario;
        scenario.events().stream().map(Scenario.Event::round).filter(r -> r <= scenario.rounds())
                .forEach(r -> tooLate.put(r, 0));
    }

    public void add(ReplicationRecord record) {
        replications++;
        if (scenario.agenda().isEmpty()) {
            return;
        }
        int lastClosed = 0;
        for (int m = 0; m < record.items(); m++) {
            ItemState state = record.finalState(m);
            if (!state.isClosed()) {
                return; // an item still open at the end: every event could matter
            }
            lastClosed = Math.max(lastClosed, record.decidedRound(m));
        }
        for (Map.Entry<Integer, Integer> entry : tooLate.entrySet()) {
            if (entry.getKey() > lastClosed) {
                entry.setValue(entry.getValue() + 1);
            }
        }
    }

    /** The warning for the earliest event round that comes too late in most replications, or null. */
    public String warning() {
        for (Map.Entry<Integer, Integer> entry : tooLate.entrySet()) {
            if (replications > 0 && entry.getValue() * 2 > replications) {
                String events = EventLabels.byRound(scenario).get(entry.getKey());
                return "the events of round " + entry.getKey() + " (" + events + ") and later come after every agenda"
                        + " item has closed in " + entry.getValue() + " of " + replications + " replications, so they"
                        + " cannot change those outcomes. Items close early when no delegation objects: lower"
                        + " objection thresholds or move the events earlier (docs/scenario-guide.md, 'Objection"
                        + " thresholds').";
            }
        }
        return null;
    }
}
