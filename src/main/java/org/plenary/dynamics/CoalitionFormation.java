package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/**
 * Coalitions as actors on each agenda item (docs/ODD.md, 7.4b). Declared blocs with cohesion above
 * zero seed one coalition per item; a delegation in several joins the one it values most. Every
 * later round, on each open item and for the delegations taking part (salience on the item above 0):
 * <pre>
 *   U_i(A)     = sigma * (C_A + c_i [i not in A]) / C  -  D_i(x_i, P_A)  +  beta [A seeded by a bloc of i]
 *   U_i(alone) = sigma * c_i / C
 * </pre>
 * (an alliance utility: strength against policy distance, plus affinity to one's declared blocs),
 * with C_A the members' capability, C that of everyone taking part, P_A the capability x salience
 * weighted common position and D_i i's salience- and item-weighted distance. All delegations choose
 * at once; i moves to its best option only when the gain exceeds the switching cost. Then
 * coalitions under min_members dissolve, the closest pair of coalitions whose common positions lie
 * within merge_distance merges (repeatedly), and a coalition whose capability x salience weighted
 * spread on one of the item's dimensions exceeds split_distance splits there at its common position.
 * Each coalition's leader is the first of its bloc's declared leaders who is a member, else the member
 * with the most capability x item salience (lowest index on ties). Every change is recorded.
 * <p>
 * Built with {@code formation} false (agenda-setting without coalition formation), it only seeds
 * the coalitions, drops members no longer taking part and keeps the leaders.
 */
public final class CoalitionFormation implements Mechanism {
    private final Scenario.Formation rule;
    private final boolean formation;
    private final List<Scenario.Bloc> blocs;
    private final boolean publish;
    private int[] target = new int[0];
    /** The live coalition slots of the item being processed, in slot order. */
    private int[] live = new int[0];
    private double[] weighted = new double[0];
    private double[] weight = new double[0];
    private double[] plain = new double[0];

    /**
     * @param publish whether the formed coalitions replace the detected ones in the assembly's
     *                coalitions (and so in coalitions.csv)
     */
    public CoalitionFormation(Scenario.Formation rule, List<Scenario.Bloc> blocs, boolean publish) {
        this.rule = rule;
        this.formation = rule.on();
        this.blocs = List.copyOf(blocs);
        this.publish = publish;
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        CoalitionActors actors = a.actors();
        boolean seeding = actors == null;
        if (seeding) {
            actors = new CoalitionActors(a, formation, declaredLeaders(a));
            a.setActors(actors);
            target = new int[a.delegations];
            live = new int[a.delegations];
            weighted = new double[a.delegations * a.dimensions];
            weight = new double[a.delegations * a.dimensions];
            plain = new double[a.delegations * a.dimensions];
        }
        actors.startRound();
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                for (int s = 0; s < a.delegations; s++) {
                    if (actors.alive(m, s)) {
                        actors.close(m, s);
                    }
                }
                continue;
            }
            if (seeding) {
                seed(a, actors, m);
            } else {
                dropAbsent(a, actors, m);
                if (formation) {
                    choose(a, actors, m);
                    dissolveSmall(a, actors, m);
                    merge(a, actors, m);
                    split(a, actors, m);
                } else {
                    refresh(a, actors, m);
                }
            }
            elect(a, actors, m);
            refresh(a, actors, m);
        }
        if (publish) {
            a.setCoalitions(coalitions(a, actors));
        }
    }

    private int[][] declaredLeaders(Assembly a) {
        int[][] leaders = new int[a.groups][];
        for (int g = 0; g < a.groups; g++) {
            leaders[g] = new int[0];
        }
        for (Scenario.Bloc bloc : blocs) {
            leaders[a.groupIndex(bloc.id())] = bloc.leaders().stream().mapToInt(a::delegationIndex).toArray();
        }
        return leaders;
    }

    /** Taking part in item m with some salience on its dimensions: able to join, lead and table. */
    static boolean participates(Assembly a, int i, int m) {
        return a.takesPart(i, m) && Distances.itemSalience(a, i, m) > 0;
    }

    /** One coalition per coordinating bloc; each delegation joins the one of its blocs it values most. */
    private void seed(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        List<Integer> slots = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (Scenario.Bloc bloc : blocs) {
            int g = a.groupIndex(bloc.id());
            if (bloc.cohesion() <= 0) {
                continue;
            }
            int s = actors.open(m, bloc.id(), g, bloc.cohesion());
            slots.add(s);
            groups.add(g);
            // Provisional: every member of the bloc taking part, before each picks one bloc.
            for (int i = 0; i < n; i++) {
                if (a.isMember(i, g) && participates(a, i, m)) {
                    actors.coalitionOf[m * n + i] = s;
                    gather(a, actors, m, s, i);
                }
            }
            finish(a, actors, m, s);
        }
        totalCapability(a, actors, m);
        for (int i = 0; i < n; i++) {
            target[i] = CoalitionActors.NONE;
            if (!participates(a, i, m)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < slots.size(); b++) {
                int s = slots.get(b);
                if (a.isMember(i, groups.get(b)) && actors.size[m * n + s] > 0) {
                    double u = utility(a, actors, m, s, i, true);
                    if (u > best) {
                        best = u;
                        target[i] = s;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            actors.coalitionOf[m * n + i] = target[i];
        }
        refresh(a, actors, m);
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s) && actors.size[m * n + s] < Math.max(1, minMembers())) {
                actors.close(m, s);
            }
        }
        refresh(a, actors, m);
    }

    private int minMembers() {
        return formation ? rule.minMembers() : 1;
    }

    /** Members who no longer take part in the item leave their coalition. */
    private void dropAbsent(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf[m * n + i];
            if (s != CoalitionActors.NONE && !participates(a, i, m)) {
                actors.coalitionOf[m * n + i] = CoalitionActors.NONE;
                actors.record(new CoalitionActors.Event(m, "leave", actors.id(m, s), a.delegationIds[i], "absent"));
            }
        }
        refresh(a, actors, m);
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s) && actors.size[m * n + s] == 0) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "no-member"));
                actors.close(m, s);
            }
        }
    }

    /** Everyone chooses at once from the same state; a move needs a gain above the switching cost. */
    private void choose(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        int count = liveSlots(actors, m);
        for (int i = 0; i < n; i++) {
            int current = actors.coalitionOf[m * n + i];
            target[i] = current;
            if (!participates(a, i, m)) {
                continue;
            }
            double total = actors.itemCapability[m];
            double alone = total > 0 ? rule.strength() * a.capability[i] / total : 0;
            double stay = current == CoalitionActors.NONE ? alone : utility(a, actors, m, current, i, false);
            int best = current;
            double bestUtility = stay;
            for (int l = 0; l < count; l++) {
                int s = live[l];
                if (s != current) {
                    double u = utility(a, actors, m, s, i, false);
                    if (u > bestUtility) {
                        bestUtility = u;
                        best = s;
                    }
                }
            }
            if (current != CoalitionActors.NONE && alone > bestUtility) {
                bestUtility = alone;
                best = CoalitionActors.NONE;
            }
            if (best != current && bestUtility - stay > rule.switchingCost()) {
                target[i] = best;
            }
        }
        for (int i = 0; i < n; i++) {
            int current = actors.coalitionOf[m * n + i];
            if (target[i] == current) {
                continue;
            }
            actors.coalitionOf[m * n + i] = target[i];
            String who = a.delegationIds[i];
            if (current == CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "join", actors.id(m, target[i]), who, ""));
            } else if (target[i] == CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "leave", actors.id(m, current), who, "alone"));
            } else {
                actors.record(new CoalitionActors.Event(m, "defect", actors.id(m, target[i]), who, actors.id(m, current)));
            }
        }
        refresh(a, actors, m);
    }

    /**
     * U_i(A) = sigma (C_A + c_i [i not in A]) / C - D_i(x_i, P_A) + beta [A seeded by a bloc of i]; {@code member} counts i in A
     * whatever its current coalition (seeding).
     */
    private double utility(Assembly a, CoalitionActors actors, int m, int s, int i, boolean member) {
        int ms = m * a.delegations + s;
        boolean in = member || actors.coalitionOf[m * a.delegations + i] == s;
        double total = actors.itemCapability[m];
        double strength = total > 0 ? (actors.capability[ms] + (in ? 0 : a.capability[i])) / total : 0;
        int bloc = actors.seedBloc[ms];
        double affinity = bloc != CoalitionActors.NONE && a.isMember(i, bloc) ? rule.blocAffinity() : 0;
        return rule.strength() * strength - Distances.toPoint(a, i, m, actors.common, ms * a.dimensions) + affinity;
    }

    private void dissolveSmall(Assembly a, CoalitionActors actors, int m) {
        for (int s = 0; s < a.delegations; s++) {
            if (actors.alive(m, s) && actors.size[m * a.delegations + s] < rule.minMembers()) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "too-few"));
                actors.close(m, s);
            }
        }
        refresh(a, actors, m);
    }

    /** Merges the closest pair within merge_distance into the one with more capability, until none is left. */
    private void merge(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        while (true) {
            int first = CoalitionActors.NONE;
            int second = CoalitionActors.NONE;
            double closest = rule.mergeDistance();
            int count = liveSlots(actors, m);
            for (int x = 0; x < count; x++) {
                for (int y = x + 1; y < count; y++) {
                    double distance = commonDistance(a, actors, m, live[x], live[y]);
                    if (distance <= closest && (first == CoalitionActors.NONE || distance < closest)) {
                        closest = distance;
                        first = live[x];
                        second = live[y];
                    }
                }
            }
            if (first == CoalitionActors.NONE) {
                return;
            }
            boolean firstSurvives = actors.capability[m * n + first] >= actors.capability[m * n + second];
            int survivor = firstSurvives ? first : second;
            int absorbed = firstSurvives ? second : first;
            int ms = m * n + survivor;
            int mt = m * n + absorbed;
            double total = actors.capability[ms] + actors.capability[mt];
            if (total > 0) {
                actors.cohesion[ms] = (actors.capability[ms] * actors.cohesion[ms]
                        + actors.capability[mt] * actors.cohesion[mt]) / total;
            }
            actors.record(new CoalitionActors.Event(m, "merge", actors.id(m, survivor), "", actors.id(m, absorbed)));
            for (int i = 0; i < n; i++) {
                if (actors.coalitionOf[m * n + i] == absorbed) {
                    actors.coalitionOf[m * n + i] = survivor;
                }
            }
            actors.close(m, absorbed);
            if (actors.penCoalition[m] == absorbed) {
                actors.penCoalition[m] = survivor;
            }
            refresh(a, actors, m);
        }
    }

    /** Fills {@code live} with item m's live slots in slot order; returns how many. */
    private int liveSlots(CoalitionActors actors, int m) {
        int count = 0;
        for (int s = 0; s < actors.delegations; s++) {
            if (actors.alive(m, s)) {
                live[count++] = s;
            }
        }
        return count;
    }

    /** Item-weighted Euclidean distance between two coalitions' common positions on item m. */
    private static double commonDistance(Assembly a, CoalitionActors actors, int m, int s, int t) {
        int d = a.dimensions;
        int bs = (m * a.delegations + s) * d;
        int bt = (m * a.delegations + t) * d;
        double sum = 0;
        double total = 0;
        for (int k = 0; k < d; k++) {
            double w = a.itemWeights[m * d + k];
            if (w > 0) {
                double diff = actors.common[bs + k] - actors.common[bt + k];
                sum += w * diff * diff;
                total += w;
            }
        }
        return Math.sqrt(sum / total);
    }

    /**
     * A coalition whose spread sqrt(V_k), V_k = sum c_i s_ik (x_ik - P_k)^2 / sum c_i s_ik, on the item
     * dimension of largest w_k V_k exceeds split_distance splits at P_k, when both sides keep
     * min_members: the side of the leader keeps the coalition, the other forms a new one.
     */
    private void split(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        int d = a.dimensions;
        for (int s = 0; s < n; s++) {
            target[s] = actors.alive(m, s) && actors.size[m * n + s] >= 2 * rule.minMembers() ? 1 : 0;
        }
        for (int s = 0; s < n; s++) {
            if (target[s] == 0) {
                continue; // only coalitions that existed before this pass, large enough for two
            }
            int ms = m * n + s;
            int axis = -1;
            double widest = -1;
            double spread = 0;
            for (int k = 0; k < d; k++) {
                double w = a.itemWeights[m * d + k];
                if (w <= 0) {
                    continue;
                }
                double sum = 0;
                double total = 0;
                for (int i = 0; i < n; i++) {
                    if (actors.coalitionOf[m * n + i] == s) {
                        double c = a.capability[i] * a.activeSalience[i * d + k];
                        double diff = a.position[i * d + k] - actors.common[ms * d + k];
                        sum += c * diff * diff;
                        total += c;
                    }
                }
                double variance = total > 0 ? sum / total : 0;
                if (w * variance > widest) {
                    widest = w * variance;
                    axis = k;
                    spread = Math.sqrt(variance);
                }
            }
            if (axis < 0 || spread <= rule.splitDistance()) {
                continue;
            }
            double cut = actors.common[ms * d + axis];
            int below = 0;
            int above = 0;
            double belowCapability = 0;
            double aboveCapability = 0;
            for (int i = 0; i < n; i++) {
                if (actors.coalitionOf[m * n + i] == s) {
                    if (a.position[i * d + axis] <= cut) {
                        below++;
                        belowCapability += a.capability[i];
                    } else {
                        above++;
                        aboveCapability += a.capability[i];
                    }
                }
            }
            if (below < rule.minMembers() || above < rule.minMembers()) {
                continue;
            }
            int leader = actors.leader[ms];
            boolean leaderMember = leader != CoalitionActors.NONE && actors.coalitionOf[m * n + leader] == s;
            boolean belowStays = leaderMember ? a.position[leader * d + axis] <= cut : belowCapability >= aboveCapability;
            int formed = actors.open(m, null, CoalitionActors.NONE, rule.cohesion());
            for (int i = 0; i < n; i++) {
                if (actors.coalitionOf[m * n + i] == s && (a.position[i * d + axis] <= cut) != belowStays) {
                    actors.coalitionOf[m * n + i] = formed;
                }
            }
            actors.record(new CoalitionActors.Event(m, "split", actors.id(m, s), "", actors.id(m, formed)));
        }
        refresh(a, actors, m);
    }

    /** Leaders by the declared order of succession, else the most capability x item salience; recorded when they change. */
    private void elect(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        for (int s = 0; s < n; s++) {
            if (!actors.alive(m, s)) {
                continue;
            }
            int ms = m * n + s;
            int chosen = CoalitionActors.NONE;
            if (actors.seedBloc[ms] != CoalitionActors.NONE) {
                for (int candidate : actors.declaredLeaders[actors.seedBloc[ms]]) {
                    if (actors.coalitionOf[m * n + candidate] == s) {
                        chosen = candidate;
                        break;
                    }
                }
            }
            if (chosen == CoalitionActors.NONE) {
                double most = 0;
                for (int i = 0; i < n; i++) {
                    if (actors.coalitionOf[m * n + i] == s) {
                        double weightOnItem = a.capability[i] * Distances.itemSalience(a, i, m);
                        if (weightOnItem > most) {
                            most = weightOnItem;
                            chosen = i;
                        }
                    }
                }
            }
            if (chosen == CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "no-leader"));
                actors.close(m, s);
                continue;
            }
            int previous = actors.leader[ms];
            if (previous != chosen && previous != CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "succession", actors.id(m, s), a.delegationIds[chosen],
                        a.delegationIds[previous]));
            }
            actors.leader[ms] = chosen;
        }
    }

    /** Members' count, capability and common position (every dimension) of each live coalition of item m. */
    private void refresh(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        int d = a.dimensions;
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s)) {
                actors.size[m * n + s] = 0;
                actors.capability[m * n + s] = 0;
                java.util.Arrays.fill(weighted, s * d, s * d + d, 0);
                java.util.Arrays.fill(weight, s * d, s * d + d, 0);
                java.util.Arrays.fill(plain, s * d, s * d + d, 0);
            }
        }
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf[m * n + i];
            if (s != CoalitionActors.NONE) {
                gather(a, actors, m, s, i);
            }
        }
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s)) {
                finish(a, actors, m, s);
            }
        }
        totalCapability(a, actors, m);
    }

    /** Adds member i to slot s's running sums. */
    private void gather(Assembly a, CoalitionActors actors, int m, int s, int i) {
        int d = a.dimensions;
        int ms = m * a.delegations + s;
        actors.size[ms]++;
        actors.capability[ms] += a.capability[i];
        for (int k = 0; k < d; k++) {
            double w = a.capability[i] * a.activeSalience[i * d + k];
            weighted[s * d + k] += w * a.position[i * d + k];
            weight[s * d + k] += w;
            plain[s * d + k] += a.position[i * d + k];
        }
    }

    /** The common position from the running sums (the plain mean where no member weighs in), sums cleared. */
    private void finish(Assembly a, CoalitionActors actors, int m, int s) {
        int d = a.dimensions;
        int ms = m * a.delegations + s;
        for (int k = 0; k < d; k++) {
            int sk = s * d + k;
            double value = weight[sk] > 0 ? weighted[sk] / weight[sk]
                    : actors.size[ms] > 0 ? plain[sk] / actors.size[ms] : Double.NaN;
            actors.common[ms * d + k] = value;
            weighted[sk] = 0;
            weight[sk] = 0;
            plain[sk] = 0;
        }
    }

    private static void totalCapability(Assembly a, CoalitionActors actors, int m) {
        double total = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (participates(a, i, m)) {
                total += a.capability[i];
            }
        }
        actors.itemCapability[m] = total;
    }

    /** The live coalitions of the open items, item by item, largest capability share first. */
    private static List<Coalition> coalitions(Assembly a, CoalitionActors actors) {
        int n = a.delegations;
        int d = a.dimensions;
        List<Coalition> list = new ArrayList<>();
        for (int m = 0; m < a.items; m++) {
            List<Coalition> onItem = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                int ms = m * n + s;
                if (!actors.alive[ms]) {
                    continue;
                }
                int[] members = new int[actors.size[ms]];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (actors.coalitionOf[m * n + i] == s) {
                        members[count++] = i;
                    }
                }
                double total = actors.itemCapability[m];
                onItem.add(new Coalition(members, total > 0 ? actors.capability[ms] / total : 0,
                        java.util.Arrays.copyOfRange(actors.common, ms * d, ms * d + d), actors.id[ms]));
            }
            onItem.sort((x, y) -> Double.compare(y.capabilityShare(), x.capabilityShare()));
            list.addAll(onItem);
        }
        return list;
    }
}
