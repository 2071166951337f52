package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/**
 * Agenda-setting: who holds the pen (docs/ODD.md, 7.6b). Runs in place of the chair's drafting step.
 * <pre>
 *   text of coalition A on item m:  T_A = P_A + pen (x_leader(A) - P_A)      (item dimensions)
 *   first draft:  the sponsor's text (a delegation's position, a bloc's coalition's T_A, or, when the
 *                 bloc's members joined other coalitions, that of its strongest member's), taken as is;
 *                 without a sponsor, the chair's compromise
 *   later rounds: the pen-holder revises its text; the chair recognises `proposers` rival
 *                 coalitions, each with probability proportional to C_A^rho among those not
 *                 yet recognised (Baron and Ferejohn 1989; rho = 1: proportional to capability), and
 *                 each tables its T_A, or under the closed rule the text nearest T_A on the segment
 *                 from T_A to the current draft that the item's rule accepts (bisection);
 *                 support(T) = sum of c_i over delegations taking part with D_i(x_i, T) &lt; D_i(x_i, q);
 *                 the chair takes up an accepted closed-rule proposal before any other text, else the
 *                 text with the broadest support (the text on the table on ties), and its tabler takes the pen;
 *   draft = the accepted closed-rule proposal taken up, as it stands; otherwise
 *   draft_k = clamp(anchor_k + gamma (compromise_k - anchor_k) + concession_k, 0, 1)
 * </pre>
 * with the compromise and the concessions to objectors as in {@link ChairDrafting}. Acceptance is
 * {@link DecisionMaking#accepts}, the decision step's own rule, and draws nothing. When a pen-holding
 * delegation stops taking part, the pen passes to the coalition it belonged to (whose leader then
 * writes), or to the chair; a coalition's pen passes with its leadership (succession in
 * {@link CoalitionFormation}) and to the chair if the coalition dissolves. Every pass is recorded.
 */
public final class AgendaSetting implements Mechanism {
    /**
     * Halvings of the closed-rule bisection: the proposal lies within 2^-30 of the segment's length
     * beyond the nearest accepted point (on the accepted side), far below any text's resolution.
     */
    static final int BISECTIONS = 30;
    private final Scenario.AgendaSetting rule;
    private final ChairDrafting chair;
    /** The decision step whose rule a closed-rule proposal must pass. */
    private final DecisionMaking decision;
    private final List<Scenario.Item> agenda;
    private double[] text = new double[0];
    private double[] best = new double[0];
    /** A closed-rule proposer's own text while it bisects toward the draft. */
    private double[] own = new double[0];
    private int[] pool = new int[0];
    /** Recognition weights C_A^rho of the coalitions in {@code pool}. */
    private double[] weight = new double[0];

    public AgendaSetting(Scenario.AgendaSetting rule, Scenario.Chair chairRule, List<Scenario.Item> agenda,
                         DecisionMaking decision) {
        this.rule = rule;
        this.chair = new ChairDrafting(chairRule);
        this.decision = decision;
        this.agenda = List.copyOf(agenda);
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        CoalitionActors actors = a.actors();
        if (text.length != a.items * a.dimensions) {
            text = new double[a.items * a.dimensions];
            best = new double[a.items * a.dimensions];
            own = new double[a.items * a.dimensions];
            pool = new int[a.delegations];
            weight = new double[a.delegations];
        }
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                continue;
            }
            if (!actors.tabled[m]) {
                firstDraft(a, actors, m);
            } else {
                passPen(a, actors, m);
                if (takeUp(a, actors, m, random)) {
                    asItStands(a, m, actors.anchor);
                } else {
                    chair.draft(a, m, actors.anchor, rule.compromise());
                }
            }
        }
    }

    /** The sponsor's text as the first draft, or the chair's compromise without a sponsor. */
    private void firstDraft(Assembly a, CoalitionActors actors, int m) {
        int d = a.dimensions;
        actors.tabled[m] = true;
        String sponsor = agenda.get(m).sponsor();
        if (sponsor != null) {
            if (Arrays.asList(a.delegationIds).contains(sponsor)) {
                actors.penDelegation[m] = a.delegationIndex(sponsor);
                actors.penFallback[m] = actors.coalitionOf(m, actors.penDelegation[m]);
            } else {
                sponsorBloc(a, actors, m, a.groupIndex(sponsor));
            }
            passPen(a, actors, m);
        }
        if (penText(a, actors, m, actors.anchor)) {
            table(a, actors, m, actors.penHolder(m, a.delegationIds), actors.anchor);
            chair.draft(a, m, actors.anchor, 0);
            return;
        }
        // The chair's compromise: with gamma = 1 the draft is v1's.
        for (int k = 0; k < d; k++) {
            int mk = m * d + k;
            if (a.itemWeights[mk] > 0) {
                double compromise = ChairDrafting.weightedMean(a, m, k, false, a.position);
                actors.anchor[mk] = Double.isNaN(compromise) ? a.statusQuo[mk] : compromise;
            } else {
                actors.anchor[mk] = Double.NaN;
            }
        }
        chair.draft(a, m, actors.anchor, 1);
    }

    /**
     * A sponsoring bloc holds the pen through the coalition it seeded; when its members joined other
     * coalitions instead, the pen goes where its strongest member (most capability x item salience) went.
     */
    private static void sponsorBloc(Assembly a, CoalitionActors actors, int m, int group) {
        for (int s = 0; s < a.delegations; s++) {
            if (actors.alive(m, s) && actors.seedBloc[m * a.delegations + s] == group) {
                actors.penCoalition[m] = s;
                return;
            }
        }
        int strongest = CoalitionActors.NONE;
        for (int i = 0; i < a.delegations; i++) {
            if (a.isMember(i, group) && CoalitionFormation.canBelong(a, i, m)
                    && (strongest == CoalitionActors.NONE || CoalitionLeadership.outranks(a, m, i, strongest))) {
                strongest = i;
            }
        }
        if (strongest != CoalitionActors.NONE) {
            actors.penCoalition[m] = actors.coalitionOf(m, strongest);
            if (actors.penCoalition[m] == CoalitionActors.NONE) {
                actors.penDelegation[m] = strongest;
            }
        }
    }

    /**
     * Passes the pen on when a delegation holding it can no longer belong to the item (withdrawal,
     * forum disengagement, no salience; absence for a round is no exit): to the coalition it
     * belonged to, else to the chair. A coalition's pen returns to the chair when it dissolves
     * ({@link CoalitionActors#close}).
     */
    private static void passPen(Assembly a, CoalitionActors actors, int m) {
        int holder = actors.penDelegation[m];
        if (holder == CoalitionActors.NONE) {
            return;
        }
        if (CoalitionFormation.canBelong(a, holder, m)) {
            // The coalition it belongs to now, or none if it stands alone.
            actors.penFallback[m] = actors.coalitionOf(m, holder);
            return;
        }
        actors.penDelegation[m] = CoalitionActors.NONE;
        int fallback = actors.penFallback[m];
        actors.penCoalition[m] = fallback != CoalitionActors.NONE && actors.alive(m, fallback)
                ? fallback : CoalitionActors.NONE;
        actors.record(new CoalitionActors.Event(m, "pen", actors.penHolder(m, a.delegationIds),
                a.delegationIds[holder], CoalitionFormation.exitReason(a, holder, m)));
    }

    /** Writes the pen-holder's current text of item m into {@code out}; false for the chair. */
    private boolean penText(Assembly a, CoalitionActors actors, int m, double[] out) {
        int d = a.dimensions;
        if (actors.penCoalition[m] != CoalitionActors.NONE) {
            coalitionText(a, actors, m, actors.penCoalition[m], out);
        } else if (actors.penDelegation[m] != CoalitionActors.NONE) {
            int i = actors.penDelegation[m];
            for (int k = 0; k < d; k++) {
                out[m * d + k] = a.itemWeights[m * d + k] > 0 ? a.position[i * d + k] : Double.NaN;
            }
        } else {
            return false;
        }
        return true;
    }

    /** Records item m's text in {@code texts} as tabled by {@code sponsor}. */
    private static void table(Assembly a, CoalitionActors actors, int m, String sponsor, double[] texts) {
        int d = a.dimensions;
        actors.table(m, sponsor, Arrays.copyOfRange(texts, m * d, m * d + d));
    }

    /** T_A = P_A + pen (x_leader - P_A) on the item's dimensions, NaN elsewhere. */
    private void coalitionText(Assembly a, CoalitionActors actors, int m, int s, double[] out) {
        int d = a.dimensions;
        int ms = m * a.delegations + s;
        int leader = actors.leader[ms];
        for (int k = 0; k < d; k++) {
            if (a.itemWeights[m * d + k] <= 0) {
                out[m * d + k] = Double.NaN;
                continue;
            }
            double common = actors.common[ms * d + k];
            double lead = leader == CoalitionActors.NONE ? common : a.position[leader * d + k];
            out[m * d + k] = common + rule.pen() * (lead - common);
        }
    }

    /**
     * The pen-holder revises, rivals are recognised and table, and the chair takes up an accepted
     * closed-rule proposal before any other text, else the broadest-supported one. Returns whether the
     * text taken up (in {@code actors.anchor}) is an accepted closed-rule proposal.
     */
    private boolean takeUp(Assembly a, CoalitionActors actors, int m, MersenneTwisterFast random) {
        int d = a.dimensions;
        int n = a.delegations;
        boolean bestAccepted = false;
        if (penText(a, actors, m, actors.anchor)) {
            bestAccepted = propose(a, m, actors.anchor);
            table(a, actors, m, actors.penHolder(m, a.delegationIds), actors.anchor);
        }
        double bestSupport = support(a, m, actors.anchor);
        int winner = CoalitionActors.NONE;
        int candidates = 0;
        double pooled = 0;
        for (int s = 0; s < n; s++) {
            double capability = actors.capability[m * n + s];
            if (actors.alive(m, s) && s != actors.penCoalition[m] && capability > 0) {
                weight[candidates] = Math.pow(capability, rule.recognitionExponent()); // exactly C when rho = 1
                pool[candidates] = s;
                pooled += weight[candidates++];
            }
        }
        for (int r = 0; r < rule.proposers() && candidates > 0; r++) {
            double draw = random.nextDouble() * pooled;
            int pick = candidates - 1;
            for (int c = 0; c < candidates; c++) {
                draw -= weight[c];
                if (draw < 0) {
                    pick = c;
                    break;
                }
            }
            int s = pool[pick];
            pooled -= weight[pick];
            pool[pick] = pool[--candidates];
            weight[pick] = weight[candidates];
            coalitionText(a, actors, m, s, text);
            boolean accepted = propose(a, m, text);
            table(a, actors, m, actors.id(m, s), text);
            double support = support(a, m, text);
            if (accepted != bestAccepted ? accepted : support > bestSupport) {
                bestAccepted = accepted;
                bestSupport = support;
                winner = s;
                System.arraycopy(text, m * d, best, m * d, d);
            }
        }
        if (winner != CoalitionActors.NONE) {
            String previous = actors.penHolder(m, a.delegationIds);
            actors.penCoalition[m] = winner;
            actors.penDelegation[m] = CoalitionActors.NONE;
            System.arraycopy(best, m * d, actors.anchor, m * d, d);
            actors.record(new CoalitionActors.Event(m, "pen", actors.id(m, winner), "", previous));
        }
        return bestAccepted;
    }

    /**
     * Under the closed rule, replaces a proposer's own text y on item m in {@code texts} by the point
     * z = (1 - lambda) y + lambda p of the segment to the current draft p nearest y that the item's
     * rule accepts ({@link DecisionMaking#accepts}): y itself when accepted; otherwise lambda by
     * {@link #BISECTIONS} halvings of [0, 1], keeping the accepted end. When not even p is accepted,
     * no text on the segment is, and y stays as tabled today. Returns whether the text is accepted
     * (always false for coalition texts).
     */
    private boolean propose(Assembly a, int m, double[] texts) {
        if (rule.proposal() != Scenario.Proposal.CLOSED_RULE) {
            return false;
        }
        if (decision.accepts(a, m, texts)) {
            return true;
        }
        if (!decision.accepts(a, m, a.draft)) {
            return false;
        }
        int d = a.dimensions;
        System.arraycopy(texts, m * d, own, m * d, d);
        double rejected = 0;
        double accepted = 1;
        for (int h = 0; h < BISECTIONS; h++) {
            double lambda = (rejected + accepted) / 2;
            along(a, m, lambda, texts);
            if (decision.accepts(a, m, texts)) {
                accepted = lambda;
            } else {
                rejected = lambda;
            }
        }
        along(a, m, accepted, texts);
        return true;
    }

    /** Writes into {@code out} the point (1 - lambda) own + lambda draft on item m's dimensions. */
    private void along(Assembly a, int m, double lambda, double[] out) {
        int d = a.dimensions;
        for (int k = 0; k < d; k++) {
            int mk = m * d + k;
            if (a.itemWeights[mk] > 0) {
                out[mk] = (1 - lambda) * own[mk] + lambda * a.draft[mk];
            }
        }
    }

    /** An accepted closed-rule proposal is the draft as it stands: no compromise, no concession. */
    private static void asItStands(Assembly a, int m, double[] texts) {
        if (a.tabled[m]) {
            return; // a tabled text is voted as it stands
        }
        int d = a.dimensions;
        for (int k = 0; k < d; k++) {
            if (a.itemWeights[m * d + k] > 0) {
                a.draft[m * d + k] = texts[m * d + k];
            }
        }
    }

    /** Capability of the delegations taking part that prefer the text to the status quo. */
    static double support(Assembly a, int m, double[] texts) {
        double support = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (!a.takesPart(i, m)) {
                continue;
            }
            double toText = Distances.toText(a, i, m, texts);
            if (toText < Distances.toText(a, i, m, a.statusQuo)) {
                support += a.capability[i];
            }
        }
        return support;
    }
}
