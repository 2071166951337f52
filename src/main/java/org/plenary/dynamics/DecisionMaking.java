package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.function.IntPredicate;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.model.ItemState;
import org.plenary.model.VoteIntentions;
import org.plenary.scenario.Scenario;

/**
 * Objections, consensus and the fallback (docs/ODD.md, 7.7 Decision).
 * For delegation i taking part in item m, with D_i its salience- and item-weighted distance:
 * <pre>
 *   loss_i     = D_i(x_i, draft) - D_i(x_i, status quo)
 *   hurt_i     = loss_i * sbar_im                             (its loss, weighed by how much it cares)
 *   pressure_i = hurt_i * (c_i / cbar)^beta                   (cbar: mean capability taking part)
 *   i objects when pressure_i &gt; theta_i
 * </pre>
 * A bloc with cohesion kappa lends standing to its members hurt beyond their own thresholds,
 * H = {i in bloc : hurt_i &gt; theta_i}: when |H| &gt;= 2 and
 * kappa * hurt_H * (C_H / cbar)^beta &gt; theta_H (hurt_H and theta_H the capability-weighted means
 * over H, C_H their summed capability), every member of H sustains the objection, and no one else.
 * With coalition formation on, the formed coalitions object jointly in place of the blocs, each
 * with its own cohesion, by the same rule (docs/ODD.md, 7.4b).
 * Consensus: someone takes part and there is no sustained objection (or an objecting capability
 * share within the tolerated one). At the deadline the fallback applies: a vote (see {@link #tally};
 * without a quorum the item closes as no-quorum) or failure. That is the ITU-like assembly's procedure
 * ({@link ItuPlenary}); an item in a declared standards body is decided by that body's
 * {@link DecisionProcedure} (docs/ODD.md 7.13).
 */
public final class DecisionMaking implements Mechanism {
    private final Scenario.Decision rule;
    private double[] loss = new double[0];
    private double[] hurt = new double[0];
    /** Who would object to a proposal being weighed ({@link #accepts}), indexed like {@code a.objecting}. */
    private boolean[] wouldObject = new boolean[0];
    /** The ballots of the latest vote, as {@link #tally} writes them, before they go to the assembly. */
    private int[] cast = new int[0];
    /** The sincere intentions found while weighing the drafts, for observers (read-only through the assembly). */
    private SincereIntentions intentions;
    private final ObjectionRule objections;
    private final Ballot ballot;
    /** Each body's procedure, indexed like {@code Assembly.bodyIds}. */
    private final DecisionProcedure[] procedures;

    /** v1's decisions in one ITU-like assembly: objections against the status quo, sincere votes. */
    public DecisionMaking(Scenario.Decision rule) {
        this(rule, new StatusQuoObjections(), new SincereBallot(), Scenario.Bodies.NONE);
    }

    /** With the model v2 rules the scenario chooses, in one ITU-like assembly. */
    DecisionMaking(Scenario.Decision rule, ObjectionRule objections, Ballot ballot) {
        this(rule, objections, ballot, Scenario.Bodies.NONE);
    }

    /**
     * With the rules the scenario chooses: what objections measure, how ballots are cast, and each
     * standards body's procedure (docs/ODD.md 7.13; one ITU-like assembly when it declares none).
     */
    DecisionMaking(Scenario.Decision rule, ObjectionRule objections, Ballot ballot, Scenario.Bodies bodies) {
        this.rule = rule;
        this.objections = objections;
        this.ballot = ballot;
        this.procedures = bodies.declared()
                ? bodies.list().stream().map(body -> DecisionProcedures.of(body, this)).toArray(DecisionProcedure[]::new)
                : new DecisionProcedure[] {new ItuPlenary(this)};
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        if (intentions == null || a.voteIntentions() != intentions) {
            intentions = new SincereIntentions(a);
            a.setVoteIntentions(intentions);
        }
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                // The round an item closed keeps its objectors on record; later rounds have none.
                Arrays.fill(a.objecting, m * a.delegations, (m + 1) * a.delegations, false);
                a.objectingShare[m] = 0;
                continue;
            }
            double share = markObjections(a, m);
            ItemState next = procedures[a.itemBody[m]].decide(a, m, share, random);
            if (next.isClosed()) {
                close(a, m, next);
            }
        }
    }

    /**
     * Whether item m's body would take {@code texts}' text on it (indexed like the drafts) in this
     * round's decision, were it the draft (its procedure's {@link DecisionProcedure#accepts}). Read-only,
     * and draws nothing.
     */
    boolean accepts(Assembly a, int m, double[] texts) {
        if (wouldObject.length != a.objecting.length) {
            wouldObject = new boolean[a.objecting.length];
        }
        double share = objectingShare(a, m, texts, wouldObject, null);
        return procedures[a.itemBody[m]].accepts(a, m, share, wouldObject, texts);
    }

    /**
     * v1's rule in an ITU-like assembly: consensus on item m's text in {@code texts}, or, from the
     * deadline on where the fallback is a vote, its adoption by the delegations' sincere intentions
     * (under bloc discipline the ballots as cast are random, so the sincere ones stand in for them,
     * docs/ODD.md, 7.6b).
     */
    boolean acceptsByRule(Assembly a, int m, double share, boolean[] objecting, double[] texts) {
        if (consensus(a, m, share, objecting)) {
            return true;
        }
        if (a.round() < a.deadline[m] || !votesAtDeadline()) {
            return false;
        }
        double band = rule.abstentionBand();
        return outcome(rule, tally(a, m, null, i -> voteIntention(a, i, m, band, texts))) == ItemState.VOTE_ADOPTED;
    }

    /** Consensus under the scenario's decision rule: {@link #agreed} where the rule is consensus. */
    boolean consensus(Assembly a, int m, double share, boolean[] objecting) {
        return rule.rule() == Scenario.Rule.CONSENSUS && agreed(a, m, share, objecting);
    }

    /**
     * Agreement on item m with the objectors marked in {@code objecting} (their capability share given):
     * someone takes part (an empty room agrees to nothing) and no one objects, or the objecting share is
     * tolerated.
     */
    boolean agreed(Assembly a, int m, double share, boolean[] objecting) {
        boolean noObjection = share == 0 && !anyObjector(a, m, objecting);
        return anyoneTakesPart(a, m)
                && (noObjection || (rule.maxObjectingShare() > 0 && share <= rule.maxObjectingShare()));
    }

    /**
     * Whether delegation i, taking part in the item whose objections were marked last, is hurt beyond its own
     * threshold by the text, standing aside: what a comment needs (docs/ODD.md 7.13, itu-t-aap).
     */
    boolean hurtBeyondThreshold(Assembly a, int i) {
        return hurt[i] > a.objectionThreshold[i];
    }

    double abstentionBand() {
        return rule.abstentionBand();
    }

    boolean votesAtDeadline() {
        return rule.rule() == Scenario.Rule.VOTE || rule.fallback() == Scenario.Fallback.VOTE;
    }

    private static void close(Assembly a, int m, ItemState state) {
        a.itemState[m] = state;
        a.decidedRound[m] = a.round();
    }

    private static boolean anyoneTakesPart(Assembly a, int m) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyObjector(Assembly a, int m, boolean[] objecting) {
        for (int i = 0; i < a.delegations; i++) {
            if (objecting[m * a.delegations + i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks who sustains an objection to item m's draft and returns their capability share. Where the
     * objections measure the distances to the draft and to the status quo anyway (v1's rule), the sincere
     * intentions on the draft are found from them on the way and kept for observers.
     */
    double markObjections(Assembly a, int m) {
        double share = objectingShare(a, m, a.draft, a.objecting,
                objections.measuresTextAndStatusQuo() ? intentions : null);
        a.objectingShare[m] = share;
        return share;
    }

    /**
     * Marks in {@code objecting} (indexed like {@code a.objecting}) who would sustain an objection to
     * item m's text in {@code texts}, and returns their capability share. With {@code found} given (the
     * draft's own weighing), records there every participant's sincere intention on the text.
     */
    private double objectingShare(Assembly a, int m, double[] texts, boolean[] objecting, SincereIntentions found) {
        int n = a.delegations;
        int offset = m * n;
        if (loss.length != n) {
            loss = new double[n];
            hurt = new double[n];
        }
        Arrays.fill(objecting, offset, offset + n, false);
        double meanCapability = meanCapabilityTakingPart(a, m);
        if (found != null) {
            found.begin(a, m);
        }
        double band = rule.abstentionBand();
        double totalCapability = 0;
        for (int i = 0; i < n; i++) {
            loss[i] = Double.NaN;
            hurt[i] = Double.NaN;
            if (!a.takesPart(i, m)) {
                continue;
            }
            totalCapability += a.capability[i];
            if (found != null) {
                double toText = Distances.toText(a, i, m, texts);
                double toStatusQuo = Double.isNaN(toText) ? Double.NaN : Distances.toText(a, i, m, a.statusQuo);
                found.record(m, i, intention(toText, toStatusQuo, band));
                loss[i] = objections.loss(a, i, m, texts, toText, toStatusQuo);
            } else {
                loss[i] = objections.loss(a, i, m, texts);
            }
            if (Double.isNaN(loss[i])) {
                continue; // no salience left on the item's dimensions: no standing
            }
            hurt[i] = loss[i] * Distances.itemSalience(a, i, m);
            if (hurt[i] * standing(a.capability[i], meanCapability) > a.objectionThreshold[i]) {
                objecting[offset + i] = true;
            }
        }
        CoalitionActors actors = a.actors();
        if (actors != null && actors.actJointly()) {
            // Coalitions as actors object together in place of the declared blocs that seeded them.
            for (int s = 0; s < n; s++) {
                int slot = s;
                if (actors.alive(m, s) && actors.cohesion(m, s) > 0) {
                    markJoint(a, m, i -> actors.coalitionOf(m, i) == slot, actors.cohesion(m, s), meanCapability,
                            objecting);
                }
            }
        } else {
            for (int g = 0; g < a.groups; g++) {
                int bloc = g;
                if (a.cohesion[g] > 0) {
                    markJoint(a, m, i -> a.isMember(i, bloc), a.cohesion[g], meanCapability, objecting);
                }
            }
        }
        double objectingCapability = 0;
        for (int i = 0; i < n; i++) {
            if (objecting[offset + i]) {
                objectingCapability += a.capability[i];
            }
        }
        return totalCapability > 0 ? objectingCapability / totalCapability : 0;
    }

    private double standing(double capability, double meanCapability) {
        return meanCapability > 0 ? Math.pow(capability / meanCapability, rule.standingExponent()) : 1;
    }

    private static double meanCapabilityTakingPart(Assembly a, int m) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (a.takesPart(i, m)) {
                sum += a.capability[i];
                count++;
            }
        }
        return count > 0 ? sum / count : 0;
    }

    /**
     * The coordinated objection to item m of a bloc or formed coalition (its {@code members}): those
     * of them hurt beyond their own thresholds pool their capability, discounted by the group's
     * cohesion; when that has standing, they all object (marked in {@code objecting}), and no other member does.
     */
    private void markJoint(Assembly a, int m, IntPredicate members, double cohesion, double meanCapability,
                           boolean[] objecting) {
        double capability = 0;
        double hurtSum = 0;
        double thresholdSum = 0;
        int count = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (isHurtMember(a, i, members)) {
                count++;
                capability += a.capability[i];
                hurtSum += a.capability[i] * hurt[i];
                thresholdSum += a.capability[i] * a.objectionThreshold[i];
            }
        }
        if (count < 2 || capability <= 0) {
            return; // one hurt member objects, or not, on its own standing
        }
        double pressure = cohesion * (hurtSum / capability) * standing(capability, meanCapability);
        if (pressure > thresholdSum / capability) {
            int offset = m * a.delegations;
            for (int i = 0; i < a.delegations; i++) {
                if (isHurtMember(a, i, members)) {
                    objecting[offset + i] = true;
                }
            }
        }
    }

    /** A member taking part (its hurt is known) whose hurt exceeds its own threshold. */
    private boolean isHurtMember(Assembly a, int i, IntPredicate members) {
        return hurt[i] > a.objectionThreshold[i] && members.test(i);
    }

    /**
     * How delegation i would vote on item m's current draft against the status quo, by its salience-
     * and item-weighted distances: +1 (yes) when the draft is closer by more than {@code band}, -1 (no)
     * when farther by more than {@code band}, 0 (abstain) otherwise or when it has no salience left on
     * the item's dimensions.
     */
    public static int voteIntention(Assembly a, int i, int m, double band) {
        return voteIntention(a, i, m, band, a.draft);
    }

    /** As {@link #voteIntention(Assembly, int, int, double)}, on item m's text in {@code texts} instead of its draft. */
    static int voteIntention(Assembly a, int i, int m, double band, double[] texts) {
        double toDraft = Distances.toText(a, i, m, texts);
        return Double.isNaN(toDraft) ? 0 : intention(toDraft, Distances.toText(a, i, m, a.statusQuo), band);
    }

    /** The intention from i's distances to the text and to the status quo (NaN for the text: no salience, abstain). */
    private static int intention(double toDraft, double toQuo, double band) {
        if (Double.isNaN(toDraft)) {
            return 0;
        }
        if (toDraft < toQuo - band) {
            return 1;
        }
        return toDraft > toQuo + band ? -1 : 0;
    }

    /** One delegation, one vote on the current draft against the status quo; records the tally and ballots. */
    ItemState vote(Assembly a, int m) {
        return vote(a, m, null);
    }

    /**
     * As {@link #vote(Assembly, int)}, each ballot cast by the scenario's {@link Ballot} (bloc
     * discipline and the spatial logit draw from {@code random}; sincere ballots draw nothing).
     */
    ItemState vote(Assembly a, int m, MersenneTwisterFast random) {
        return outcome(rule, castBallots(a, m, random));
    }

    /**
     * Casts every ballot on item m's draft, records them and the tally in the assembly ({@code ballots},
     * {@code votes}), and returns the tally {yes, no, abstain, accredited} (see {@link #tally}).
     */
    int[] castBallots(Assembly a, int m, MersenneTwisterFast random) {
        double band = rule.abstentionBand();
        ballot.prepare(a, m, band);
        if (cast.length != a.delegations) {
            cast = new int[a.delegations];
        }
        int[] tally = tally(a, m, cast, i -> ballot.cast(a, i, m, band, random));
        System.arraycopy(cast, 0, a.ballots, m * a.delegations, a.delegations);
        a.votes[3 * m] = tally[0];
        a.votes[3 * m + 1] = tally[1];
        a.votes[3 * m + 2] = tally[2];
        return tally;
    }

    /**
     * The vote on item m's current draft: every delegation that votes, is not withdrawn, holds a voting
     * role in the item's body (not a 3GPP observer) and takes part casts its {@link #voteIntention}
     * (written to {@code ballots[i]} when given: +1, -1, 0, or {@link #ABSENT} for those accredited but not
     * taking part, {@link #NO_BALLOT} for the rest).
     * Returns yes, no, abstentions, and the accredited count (voting delegations not withdrawn).
     */
    public static int[] tally(Assembly a, int m, double band, int[] ballots) {
        return tally(a, m, ballots, i -> voteIntention(a, i, m, band));
    }

    /**
     * As {@link #tally(Assembly, int, double, int[])}, taking each intention from {@code known} where it
     * holds one (the decision step's own, {@link Assembly#voteIntentions}) and measuring the rest.
     */
    public static int[] tally(Assembly a, int m, double band, int[] ballots, VoteIntentions known) {
        if (known == null || !known.holds(a, m)) {
            return tally(a, m, band, ballots);
        }
        return tally(a, m, ballots, i -> {
            int intention = known.intention(a, m, i);
            return intention != VoteIntentions.UNKNOWN ? intention : voteIntention(a, i, m, band);
        });
    }

    /** As {@link #tally(Assembly, int, double, int[])}, with each present delegation's ballot from {@code cast}. */
    private static int[] tally(Assembly a, int m, int[] ballots, java.util.function.IntUnaryOperator cast) {
        int present = 0;
        int accredited = 0;
        int yes = 0;
        int no = 0;
        for (int i = 0; i < a.delegations; i++) {
            int ballot = NO_BALLOT;
            if (!a.withdrawn[i] && a.voting[i] && a.votesIn(i, m)) {
                accredited++;
                ballot = ABSENT;
                if (a.takesPart(i, m)) {
                    present++;
                    ballot = cast.applyAsInt(i);
                    if (ballot > 0) {
                        yes++;
                    } else if (ballot < 0) {
                        no++;
                    }
                }
            }
            if (ballots != null) {
                ballots[i] = ballot;
            }
        }
        return new int[] {yes, no, present - yes - no, accredited};
    }

    /** A ballot's value for a delegation accredited but not taking part in the item's forum. */
    public static final int ABSENT = 2;
    /** A ballot's value for a delegation without a vote (withdrawn, or a non-voting participant). */
    public static final int NO_BALLOT = 3;

    /**
     * The result of a tally {yes, no, abstain, accredited}: no quorum when those present
     * (yes + no + abstain) are fewer than quorum x accredited (or none is accredited); adopted when
     * yes &gt; no and yes &gt;= majority x (yes + no).
     */
    public static ItemState outcome(Scenario.Decision rule, int[] tally) {
        int present = tally[0] + tally[1] + tally[2];
        if (tally[3] == 0 || present < quorumCount(rule, tally[3])) {
            return ItemState.NO_QUORUM;
        }
        return adopts(rule.majority(), tally[0], tally[1]) ? ItemState.VOTE_ADOPTED : ItemState.VOTE_REJECTED;
    }

    /** The fewest delegations present that make the quorum: quorum x accredited, rounded up. */
    public static int quorumCount(Scenario.Decision rule, int accredited) {
        return (int) Math.ceil(rule.quorum() * accredited);
    }

    /** Whether yes votes carry against no votes under the majority (abstentions do not count). */
    public static boolean adopts(double majority, int yes, int no) {
        return yes > no && yes >= majority * (yes + no);
    }

    /**
     * Whether the ballot of item m's body, {@code iso-iec} or {@code 3gpp}, adopts on these votes cast (abstentions
     * excluded): the P-members' yes and no (iso-iec only), and all counted yes and no (docs/ODD.md 7.13).
     */
    public static boolean bodyAdopts(Assembly a, int m, int yesP, int noP, int yes, int no) {
        int body = a.itemBody[m];
        return switch (a.bodyProcedure[body]) {
            case ISO_IEC -> IsoIecBallot.approves(yesP, noP, yes, no);
            case THREE_GPP -> ThreeGppVote.carries(a.bodyMajority[body], yes, no);
            default -> throw new IllegalArgumentException(a.bodyProcedure[body].label() + " holds no such ballot");
        };
    }
}
