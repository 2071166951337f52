package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * Forum shifting by expected outcome (docs/ODD.md 7.14), after the round's decisions. For each open item m
 * and each delegation i that may move it (its delegation sponsor; else the members of its bloc sponsor;
 * else anyone taking part; a sponsor that has left m's body included), in order of capability (then id), the value of body b to i is
 * <pre>
 *   t_b      = the compromise of b's members taking part (7.6's capability x salience mean of positions)
 *   V_i(b)   = D_i(q_m) - D_i(t_b)   if b's procedure would accept t_b now (DecisionProcedure.accepts), else 0
 * </pre>
 * and i moves m from its body f to the member body b maximising V_i(b) - cost (of two alike, the smaller id),
 * when that exceeds V_i(f): {@code cost}, in the units of D, is what the move costs i (delay, a restart).
 * The first delegation that moves it does; the move restarts the item at the new body's first stage (no
 * last call under way) and extends its deadline to at least {@code delay} rounds ahead; the draft travels
 * with it. An item moves at most {@code maxMoves} times. Reads the model; draws nothing.
 */
final class ExpectedOutcomeShifting implements Mechanism {
    private final Scenario.ForumShifting rule;
    private final List<Scenario.Item> agenda;
    private final DecisionMaking decisions;
    private int[] moves = new int[0];
    private double[] texts = new double[0];

    ExpectedOutcomeShifting(Scenario.ForumShifting rule, List<Scenario.Item> agenda, DecisionMaking decisions) {
        this.rule = rule;
        this.agenda = agenda;
        this.decisions = decisions;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        a.venueMoves.clear();
        if (moves.length != a.items) {
            moves = new int[a.items];
            texts = new double[a.items * a.dimensions];
        }
        int[] order = IntStream.of(a.idOrder).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -a.capability[i]))
                .mapToInt(Integer::intValue).toArray();
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed() || moves[m] >= rule.maxMoves()) {
                continue;
            }
            for (int i : order) {
                if (mayMove(a, i, m) && moveIfBetter(a, i, m)) {
                    break;
                }
            }
        }
    }

    /**
     * Whether i may move item m: anyone taking part when m has no sponsor; else its sponsor (a delegation, or a
     * member of the sponsoring bloc) taking part, or one that has left m's body and takes the work elsewhere.
     */
    private boolean mayMove(Assembly a, int i, int m) {
        String sponsor = agenda.get(m).sponsor();
        if (sponsor == null) {
            return a.takesPart(i, m);
        }
        return sponsors(a, i, sponsor) && (a.takesPart(i, m) || leftTheBody(a, i, m));
    }

    private static boolean sponsors(Assembly a, int i, String sponsor) {
        for (int g = 0; g < a.groups; g++) {
            if (a.groupIds[g].equals(sponsor)) {
                return a.isMember(i, g);
            }
        }
        return a.delegationIds[i].equals(sponsor);
    }

    /** Whether i has withdrawn from the body item m sits in, and from that body only (docs/ODD.md 7.14). */
    private static boolean leftTheBody(Assembly a, int i, int m) {
        return a.voting[i] && !a.withdrawn[i] && a.roleFor(i, m) == 0
                && a.declaredRole[i * a.bodies + a.itemBody[m]] != 0;
    }

    private boolean moveIfBetter(Assembly a, int i, int m) {
        int from = a.itemBody[m];
        double stay = value(a, i, m, from);
        int best = -1;
        double bestValue = stay;
        for (int b = 0; b < a.bodies; b++) {
            if (b != from && a.role[i * a.bodies + b] != 0) {
                double v = value(a, i, m, b) - rule.cost();
                // A tie between destinations goes to the smaller id, not to the body the file lists first.
                if (v > bestValue || (best >= 0 && v == bestValue && a.bodyIds[b].compareTo(a.bodyIds[best]) < 0)) {
                    best = b;
                    bestValue = v;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        a.itemBody[m] = best;
        a.lastCallEnds[m] = 0;
        // A text fixed in the old body (tabled there) is the new body's starting draft: its chair redrafts it.
        a.tabled[m] = false;
        a.deadline[m] = restartDeadline(a, m);
        moves[m]++;
        a.venueMoves.add(m, from, best, i);
        return true;
    }

    /** The deadline of item m restarted in another body this round: at least {@code delay} rounds ahead. */
    private int restartDeadline(Assembly a, int m) {
        return Math.max(a.deadline[m], a.round() + rule.delay());
    }

    /**
     * V_i(b): i's gain over the status quo from the text body b would write and accept now, under the deadline
     * a move there would set; 0 if none.
     */
    private double value(Assembly a, int i, int m, int body) {
        int from = a.itemBody[m];
        int deadline = a.deadline[m];
        a.itemBody[m] = body;
        if (body != from) {
            a.deadline[m] = restartDeadline(a, m); // a vote at the old deadline is not what a move leads to
        }
        try {
            int d = a.dimensions;
            boolean anyone = false;
            for (int k = 0; k < d; k++) {
                int mk = m * d + k;
                double compromise = ChairDrafting.weightedMean(a, m, k, false, a.position);
                anyone |= !Double.isNaN(compromise);
                texts[mk] = a.itemWeights[mk] > 0 && !Double.isNaN(compromise) ? compromise : a.statusQuo[mk];
            }
            if (!anyone || !decisions.accepts(a, m, texts)) {
                return 0;
            }
            double gain = Distances.toText(a, i, m, a.statusQuo) - Distances.toText(a, i, m, texts);
            return Double.isNaN(gain) ? 0 : gain;
        } finally {
            a.itemBody[m] = from;
            a.deadline[m] = deadline;
        }
    }
}
