package org.plenary.results;

import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Where the agenda items sit, round by round, and how they end, per standards body, summed over
 * replications (docs/ODD.md 7.13-7.14): the data of the venue and body-outcome charts. An item's body
 * is its declared one until a move recorded in venues.csv; a decided item stays where it was decided.
 */
final class VenueTally {
    private final int rounds;
    private final int bodies;
    private final int[] declared;
    /** Items in each body at each round, {@code itemsIn[t * bodies + b]}, summed over replications. */
    private final long[] itemsIn;
    /** Items ending in each state in each body, {@code endings[b * states + state]}. */
    private final int[] endings;
    private int replications;

    VenueTally(Scenario scenario) {
        rounds = scenario.rounds();
        Scenario.Bodies declaredBodies = scenario.bodies();
        bodies = declaredBodies.list().size();
        declared = declaredBodies.itemBody().stream().mapToInt(declaredBodies::indexOf).toArray();
        itemsIn = new long[(rounds + 1) * bodies];
        endings = new int[bodies * ItemState.values().length];
    }

    void add(ReplicationRecord record) {
        replications++;
        int[] body = declared.clone();
        for (int t = 0; t <= rounds; t++) {
            int[] moves = record.venueMoves(t);
            for (int v = 0; v < moves.length; v += 4) {
                body[moves[v]] = moves[v + 2];
            }
            for (int b : body) {
                itemsIn[t * bodies + b]++;
            }
        }
        for (int m = 0; m < body.length; m++) {
            endings[body[m] * ItemState.values().length + record.finalState(m).ordinal()]++;
        }
    }

    int bodies() {
        return bodies;
    }

    /** The mean number of items in body b at round t. */
    double meanItemsIn(int t, int b) {
        return replications == 0 ? 0 : (double) itemsIn[t * bodies + b] / replications;
    }

    /** How many items, over all replications, ended in {@code state} in body b. */
    int endings(int b, ItemState state) {
        return endings[b * ItemState.values().length + state.ordinal()];
    }

    /** How many items, over all replications, ended in body b. */
    int endings(int b) {
        int total = 0;
        for (ItemState state : ItemState.values()) {
            total += endings(b, state);
        }
        return total;
    }
}
