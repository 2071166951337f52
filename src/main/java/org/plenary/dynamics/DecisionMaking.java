package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * Objections, consensus and the fallback (docs/ODD.md, 7.7 Decision).
 * For delegation i taking part in item m, with D_i its salience- and item-weighted distance:
 * <pre>
 *   loss_i     = D_i(x_i, draft) - D_i(x_i, status quo)
 *   pressure_i = loss_i * sbar_im * (c_i / cbar)^beta         (cbar: mean capability taking part)
 *   i objects when pressure_i &gt; theta_i
 * </pre>
 * A bloc with cohesion kappa objects as one when kappa * loss_b * sbar_b * (C_b / cbar)^beta
 * exceeds its members' capability-weighted mean threshold, loss_b measured from the bloc's
 * common position; then every member whose own loss is positive sustains the objection.
 * Consensus: no sustained objection (or an objecting capability share within the tolerated one).
 * At the deadline the fallback applies: a vote, one delegation one vote, yes when the draft is
 * closer than the status quo by more than the abstention band, no when farther, adopted when
 * yes &gt; no and yes &gt;= majority x (yes + no), with a quorum of those taking part over those
 * not withdrawn; or failure.
 */
public final class DecisionMaking implements Mechanism {
    private final Scenario.Decision rule;
    private final ObjectionRule objections;
    private final Ballot ballot;
    private double[] loss = new double[0];
    private double[] blocSalience = new double[0];

    /** v1's decisions: objections against the status quo, sincere votes. */
    public DecisionMaking(Scenario.Decision rule) {
        this(rule, new StatusQuoObjections(), new SincereBallot());
    }

    DecisionMaking(Scenario.Decision rule, ObjectionRule objections, Ballot ballot) {
        this.rule = rule;
        this.objections = objections;
        this.ballot = ballot;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        if (loss.length != a.delegations) {
            loss = new double[a.delegations];
            blocSalience = new double[a.dimensions];
        }
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                // The round an item closed keeps its objectors on record; later rounds have none.
                Arrays.fill(a.objecting, m * a.delegations, (m + 1) * a.delegations, false);
                a.objectingShare[m] = 0;
                continue;
            }
            double share = markObjections(a, m);
            boolean noObjection = share == 0 && !anyObjector(a, m);
            // An empty room agrees to nothing: with nobody taking part, the deadline's quorum rule decides.
            boolean consensus = rule.rule() == Scenario.Rule.CONSENSUS && anyoneTakesPart(a, m)
                    && (noObjection || (rule.maxObjectingShare() > 0 && share <= rule.maxObjectingShare()));
            if (consensus) {
                close(a, m, ItemState.CONSENSUS);
            } else if (a.round() >= a.deadline[m]) {
                boolean vote = rule.rule() == Scenario.Rule.VOTE || rule.fallback() == Scenario.Fallback.VOTE;
                close(a, m, vote ? vote(a, m, random) : ItemState.FAILED);
            }
        }
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

    private static boolean anyObjector(Assembly a, int m) {
        for (int i = 0; i < a.delegations; i++) {
            if (a.objecting[m * a.delegations + i]) {
                return true;
            }
        }
        return false;
    }

    /** Marks who sustains an objection to item m and returns their capability share. */
    double markObjections(Assembly a, int m) {
        int n = a.delegations;
        int offset = m * n;
        Arrays.fill(a.objecting, offset, offset + n, false);
        double meanCapability = meanCapabilityTakingPart(a, m);
        double totalCapability = 0;
        for (int i = 0; i < n; i++) {
            loss[i] = Double.NaN;
            if (!a.takesPart(i, m)) {
                continue;
            }
            totalCapability += a.capability[i];
            loss[i] = objections.loss(a, i, m);
            if (Double.isNaN(loss[i])) {
                continue; // no salience left on the item's dimensions: no standing
            }
            double pressure = loss[i] * Distances.itemSalience(a, i, m) * standing(a.capability[i], meanCapability);
            if (pressure > a.objectionThreshold[i]) {
                a.objecting[offset + i] = true;
            }
        }
        for (int g = 0; g < a.groups; g++) {
            if (a.cohesion[g] > 0 && blocObjects(a, m, g, meanCapability)) {
                for (int i = 0; i < n; i++) {
                    if (a.isMember(i, g) && loss[i] > 0) {
                        a.objecting[offset + i] = true;
                    }
                }
            }
        }
        double objectingCapability = 0;
        for (int i = 0; i < n; i++) {
            if (a.objecting[offset + i]) {
                objectingCapability += a.capability[i];
            }
        }
        double share = totalCapability > 0 ? objectingCapability / totalCapability : 0;
        a.objectingShare[m] = share;
        return share;
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

    /** Whether bloc g's coordinated objection to item m has standing. */
    private boolean blocObjects(Assembly a, int m, int g, double meanCapability) {
        int d = a.dimensions;
        double capability = 0;
        double threshold = 0;
        int members = 0;
        Arrays.fill(blocSalience, 0);
        for (int i = 0; i < a.delegations; i++) {
            if (a.isMember(i, g) && a.takesPart(i, m)) {
                members++;
                capability += a.capability[i];
                threshold += a.capability[i] * a.objectionThreshold[i];
                for (int k = 0; k < d; k++) {
                    blocSalience[k] += a.capability[i] * a.activeSalience[i * d + k];
                }
            }
        }
        if (members < 2 || capability <= 0) {
            return false; // a bloc of one is just that delegation
        }
        threshold /= capability;
        double weightedDistanceDraft = 0;
        double weightedDistanceQuo = 0;
        double total = 0;
        double itemWeight = 0;
        double salienceOnItem = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[m * d + k];
            if (w <= 0) {
                continue;
            }
            java.util.function.IntPredicate inBloc = i -> a.isMember(i, g) && a.takesPart(i, m);
            double common = objections.blocViewpoint(a, m, k, inBloc);
            double s = blocSalience[k] / capability;
            double toDraft = common - a.draft[m * d + k];
            double toQuo = common - objections.blocReference(a, m, k, inBloc);
            weightedDistanceDraft += w * s * toDraft * toDraft;
            weightedDistanceQuo += w * s * toQuo * toQuo;
            total += w * s;
            itemWeight += w;
            salienceOnItem += w * s;
        }
        if (total <= 0) {
            return false;
        }
        double blocLoss = Math.sqrt(weightedDistanceDraft / total) - Math.sqrt(weightedDistanceQuo / total);
        double pressure = a.cohesion[g] * blocLoss * (salienceOnItem / itemWeight) * standing(capability, meanCapability);
        return pressure > threshold;
    }

    /**
     * How delegation i would vote on item m's current draft against the status quo, by its salience-
     * and item-weighted distances: +1 (yes) when the draft is closer by more than {@code band}, -1 (no)
     * when farther by more than {@code band}, 0 (abstain) otherwise or when it has no salience left on
     * the item's dimensions.
     */
    public static int voteIntention(Assembly a, int i, int m, double band) {
        double toDraft = Distances.toText(a, i, m, a.draft);
        if (Double.isNaN(toDraft)) {
            return 0;
        }
        double toQuo = Distances.toText(a, i, m, a.statusQuo);
        if (toDraft < toQuo - band) {
            return 1;
        }
        return toDraft > toQuo + band ? -1 : 0;
    }

    /** As {@link #vote(Assembly, int, MersenneTwisterFast)} with a ballot that draws nothing (sincere votes). */
    ItemState vote(Assembly a, int m) {
        return vote(a, m, null);
    }

    /** One delegation, one vote on the current draft against the status quo; absent delegations do not vote. */
    ItemState vote(Assembly a, int m, MersenneTwisterFast random) {
        int present = 0;
        int accredited = 0;
        int yes = 0;
        int no = 0;
        ballot.prepare(a, m, rule.abstentionBand());
        for (int i = 0; i < a.delegations; i++) {
            if (a.withdrawn[i] || !a.voting[i]) {
                continue;
            }
            accredited++;
            if (!a.takesPart(i, m)) {
                continue;
            }
            present++;
            int intention = ballot.cast(a, i, m, rule.abstentionBand(), random);
            if (intention > 0) {
                yes++;
            } else if (intention < 0) {
                no++;
            }
        }
        a.votes[3 * m] = yes;
        a.votes[3 * m + 1] = no;
        a.votes[3 * m + 2] = present - yes - no;
        if (accredited == 0 || present < rule.quorum() * accredited) {
            return ItemState.FAILED;
        }
        boolean adopted = yes > no && yes >= rule.majority() * (yes + no);
        return adopted ? ItemState.VOTE_ADOPTED : ItemState.VOTE_REJECTED;
    }
}
