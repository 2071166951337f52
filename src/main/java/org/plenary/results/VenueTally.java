package org.plenary.results;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.model.Ballot;
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
    /** Replications in which each item ended in each body, {@code endsIn[item * bodies + b]}. */
    private final int[] endsIn;
    private final Scenario.Procedure[] procedure;
    /** Each delegation's declared role code in each body, {@code role[b * delegations + i]}. */
    private final int[] role;
    private final int delegations;
    /**
     * What each body's rule counted when it decided an item, {@code counted[(item * bodies + b) * 2 + c]}: iso-iec,
     * the P-members' votes cast in favour (c 0) and the negative votes of all cast (c 1); 3gpp, the Individual
     * Members' votes cast in favour (c 0); ietf, the objectors among the participants, by heads (c 0);
     * itu-plenary, those present of those accredited for its vote (c 0).
     */
    private final SummaryStatistics[] counted;
    private int replications;

    VenueTally(Scenario scenario) {
        rounds = scenario.rounds();
        Scenario.Bodies declaredBodies = scenario.bodies();
        bodies = declaredBodies.list().size();
        declared = declaredBodies.itemBody().stream().mapToInt(declaredBodies::indexOf).toArray();
        itemsIn = new long[(rounds + 1) * bodies];
        endings = new int[bodies * ItemState.values().length];
        endsIn = new int[declared.length * bodies];
        procedure = declaredBodies.list().stream().map(Scenario.Body::procedure).toArray(Scenario.Procedure[]::new);
        delegations = scenario.delegations().size();
        role = new int[bodies * delegations];
        for (int b = 0; b < bodies; b++) {
            Scenario.Body body = declaredBodies.list().get(b);
            for (int i = 0; i < delegations; i++) {
                String name = declaredBodies.roles().getOrDefault(scenario.delegations().get(i).id(), Map.of())
                        .get(body.id());
                role[b * delegations + i] = name == null ? 0 : body.procedure().roleCode(name);
            }
        }
        counted = new SummaryStatistics[2 * endsIn.length];
        for (int c = 0; c < counted.length; c++) {
            counted[c] = new SummaryStatistics();
        }
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
            endsIn[m * bodies + body[m]]++;
            if (record.finalState(m).isClosed()) {
                count(record, m, body[m]);
            }
        }
    }

    /** What body b's rule counted when it decided item m in this replication. */
    private void count(ReplicationRecord record, int m, int b) {
        int at = (m * bodies + b) * 2;
        switch (procedure[b]) {
            case ISO_IEC -> {
                if (record.vote(m, 0) < 0) {
                    return;
                }
                int p = Scenario.Procedure.ISO_IEC.roleCode("P");
                int yesP = 0;
                int noP = 0;
                for (int i = 0; i < delegations; i++) {
                    Ballot ballot = record.ballot(m, i);
                    if (role[b * delegations + i] == p && (ballot == Ballot.YES || ballot == Ballot.NO)) {
                        yesP += ballot == Ballot.YES ? 1 : 0;
                        noP += ballot == Ballot.NO ? 1 : 0;
                    }
                }
                addShare(counted[at], yesP, yesP + noP);
                addShare(counted[at + 1], record.vote(m, 1), record.vote(m, 0) + record.vote(m, 1));
            }
            case THREE_GPP -> {
                if (record.vote(m, 0) >= 0) {
                    addShare(counted[at], record.vote(m, 0), record.vote(m, 0) + record.vote(m, 1));
                }
            }
            case IETF -> {
                int objectors = 0;
                for (int i = 0; i < delegations; i++) {
                    objectors += record.objecting(record.decidedRound(m), m, i) ? 1 : 0;
                }
                addShare(counted[at], objectors, record.participantsAtDecision(m));
            }
            case ITU_PLENARY -> {
                if (record.vote(m, 0) >= 0) {
                    addShare(counted[at], record.vote(m, 0) + record.vote(m, 1) + record.vote(m, 2),
                            record.accredited(m));
                }
            }
            case ITU_T_AAP -> {
                // No vote and no count: consent, a last call and comments (or TAP's consultation).
            }
        }
    }

    private static void addShare(SummaryStatistics statistics, int part, int whole) {
        if (whole > 0) {
            statistics.addValue((double) part / whole);
        }
    }

    /** In how many replications item m ended in body b. */
    int endsIn(int m, int b) {
        return endsIn[m * bodies + b];
    }

    Scenario.Procedure procedure(int b) {
        return procedure[b];
    }

    /** What body b's rule counted when it decided item m (c as {@link #counted}), over the replications it did. */
    SummaryStatistics counted(int m, int b, int c) {
        return counted[(m * bodies + b) * 2 + c];
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
