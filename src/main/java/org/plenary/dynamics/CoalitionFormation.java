package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plenary.model.Assembly;
import org.plenary.model.Coalition;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/**
 * Coalitions as actors on each agenda item (docs/ODD.md, 7.4b): a coalition formation game after
 * Axelrod, Mitchell, Thomas, Bennett and Bruderer (1995) that settles. Declared blocs with cohesion
 * above zero seed one coalition per item. Every later round, on each open item, the delegations
 * able to belong (present or absent) choose one after another, in an order drawn from the replication's generator, the option
 * that serves them best, moving only when the gain exceeds the switching cost:
 * <pre>
 *   p_ij    = 1 + beta sum_g kappa_g [i, j in g] - D2_ij / r^2          (propensity, symmetric)
 *   D2_ij   = sum_k (w_mk / W_m) s_ik s_jk (x_ik - x_jk)^2
 *   U_i(A)  = sum_{j in A, j != i} c_j p_ij / C                          (U_i(alone) = 0)
 *   E       = - sum_{i &lt; j in the same coalition} c_i c_j p_ij / C^2     (energy)
 * </pre>
 * A move of i changes E by -(c_i / C) times i's gain, so every move lowers the energy and, with
 * positions fixed, the game settles. Options: stay, join another coalition, stand alone, or found a
 * new coalition with a partner standing alone who gains by it too. Coalitions under min_members
 * dissolve; two coalitions within merge_distance merge when the merge lowers the energy. A
 * coalition's leader ({@link CoalitionLeadership}) keeps the lead until it leaves; absent members keep
 * their place.
 */
public final class CoalitionFormation implements Mechanism {
    /** Passes of best responses per item and round: until no one moves, or this many (ODD 7.4b). */
    static final int MAX_PASSES = 50;
    private final Scenario.Formation rule;
    private final boolean formation;
    private final List<Scenario.Bloc> blocs;
    private final boolean publish;
    private final AlignmentInputs inputs = new AlignmentInputs();
    private final AllianceLandscape landscape;
    /** Per item: the last pass moved nobody and nothing dissolved or merged after it. */
    private boolean[] settled = new boolean[0];
    private int[] order = new int[0];
    private int[] target = new int[0];
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
        this.landscape = new AllianceLandscape(rule);
    }

    @Override
    public void step(Assembly a, MersenneTwisterFast random) {
        CoalitionActors actors = a.actors();
        boolean seeding = actors == null;
        if (seeding) {
            actors = new CoalitionActors(a, formation, declaredLeaders(a));
            a.setActors(actors);
            allocate(a);
        }
        actors.startRound();
        // A settled item stays settled while nothing the choices depend on changes: no pass, no draw.
        boolean unchanged = !seeding && inputs.sameAs(a);
        landscape.coordinatingGroups(a);
        for (int m = 0; m < a.items; m++) {
            if (a.itemState[m].isClosed()) {
                actors.closeItem(m);
                continue;
            }
            landscape.shares(a, m);
            if (seeding) {
                seed(a, actors, m);
            } else {
                exits(a, actors, m);
                if (formation && !(unchanged && settled[m])) {
                    boolean quiet = respond(a, actors, m, random);
                    quiet &= !dissolveSmall(a, actors, m);
                    quiet &= !merge(a, actors, m);
                    settled[m] = quiet;
                }
            }
            CoalitionLeadership.lead(a, actors, m);
            refresh(a, actors, m);
        }
        if (!unchanged) {
            inputs.take(a);
        }
        if (publish) {
            a.setCoalitions(coalitions(a, actors));
        }
    }

    private void allocate(Assembly a) {
        int n = a.delegations;
        int d = a.dimensions;
        order = new int[n];
        settled = new boolean[a.items];
        target = new int[n];
        live = new int[n];
        landscape.allocate(a);
        weighted = new double[n * d];
        weight = new double[n * d];
        plain = new double[n * d];
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

    /**
     * Able to belong to a coalition on item m: a voting delegation, not withdrawn, not disengaged
     * from the item's forum, with salience on the item's dimensions. Absence for a round does not
     * change it (ODD 7.4b: an absent member is suspended, not gone).
     */
    public static boolean canBelong(Assembly a, int i, int m) {
        return a.engagedIn(i, m) && Distances.itemSalience(a, i, m) > 0;
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
            landscape.clear(a, s);
            for (int i = 0; i < n; i++) {
                if (a.isMember(i, g) && canBelong(a, i, m)) {
                    landscape.add(a, s, i, 1);
                }
            }
        }
        totalCapability(a, actors, m);
        // Every member of every bloc counted provisionally; i weighs each of its blocs without itself.
        for (int i = 0; i < n; i++) {
            target[i] = CoalitionActors.NONE;
            if (!canBelong(a, i, m)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < slots.size(); b++) {
                int s = slots.get(b);
                if (a.isMember(i, groups.get(b))) {
                    landscape.add(a, s, i, -1);
                    double u = landscape.utility(a, actors, m, s, i);
                    landscape.add(a, s, i, 1);
                    if (u > best || u == best && actors.id(m, s).compareTo(actors.id(m, target[i])) < 0) {
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
    }

    private int minMembers() {
        return formation ? rule.minMembers() : 1;
    }

    /** Members who can no longer belong (withdrawal, forum disengagement, no salience left) leave; absence is no exit. */
    private void exits(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf[m * n + i];
            if (s != CoalitionActors.NONE && !canBelong(a, i, m)) {
                actors.coalitionOf[m * n + i] = CoalitionActors.NONE;
                actors.record(new CoalitionActors.Event(m, "leave", actors.id(m, s), a.delegationIds[i], exitReason(a, i, m)));
                any = true;
            }
        }
        if (!any) {
            // Who can belong may have changed outside every coalition (a lone delegation withdrew): C changes.
            totalCapability(a, actors, m);
            return;
        }
        refresh(a, actors, m);
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s) && actors.size[m * n + s] == 0) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "no-member"));
                actors.close(m, s);
            }
        }
    }

    /**
     * Why i can no longer belong to a coalition on item m: withdrawn, not-a-member (of the item's body, 7.13),
     * disengaged (from the forum) or no-salience.
     */
    static String exitReason(Assembly a, int i, int m) {
        if (a.withdrawn[i]) {
            return "withdrawn";
        }
        if (!a.isMemberFor(i, m)) {
            return "not-a-member";
        }
        return a.forumDisengaged[i * a.forums + a.itemForum[m]] ? "disengaged" : "no-salience";
    }

    /**
     * Sequential best response: the delegations able to belong, present or not (alignment is
     * arranged between capitals, not in the room), in an order drawn from the replication's generator
     * over the delegations sorted by id, each take their best option if its gain over staying exceeds
     * the switching cost; passes repeat until no one moves.
     */
    private boolean respond(Assembly a, CoalitionActors actors, int m, MersenneTwisterFast random) {
        int n = a.delegations;
        int count = 0;
        for (int x = 0; x < n; x++) {
            // Shuffled from the order of ids, so the drawn order does not depend on the file's.
            if (canBelong(a, a.idOrder[x], m)) {
                order[count++] = a.idOrder[x];
            }
        }
        for (int x = count - 1; x > 0; x--) {
            int y = random.nextInt(x + 1);
            int swap = order[x];
            order[x] = order[y];
            order[y] = swap;
        }
        landscape.load(a, actors, m);
        boolean moved = true;
        for (int pass = 0; moved && pass < MAX_PASSES; pass++) {
            moved = false;
            for (int x = 0; x < count; x++) {
                moved |= choose(a, actors, m, order[x]);
            }
        }
        refresh(a, actors, m);
        return !moved;
    }

    /** Delegation i's move, if one gains more than the switching cost; ties go to the smaller id. */
    private boolean choose(Assembly a, CoalitionActors actors, int m, int i) {
        int n = a.delegations;
        int current = actors.coalitionOf[m * n + i];
        if (current != CoalitionActors.NONE) {
            landscape.add(a, current, i, -1);
        }
        double stay = current == CoalitionActors.NONE ? 0 : landscape.utility(a, actors, m, current, i);
        double best = stay;
        int bestCoalition = current;
        int partner = CoalitionActors.NONE;
        String bestLabel = null;
        int count = liveSlots(actors, m);
        for (int l = 0; l < count; l++) {
            int s = live[l];
            if (s == current || actors.size[m * n + s] == 0) {
                continue;
            }
            double u = landscape.utility(a, actors, m, s, i);
            if (u > best || u == best && bestCoalition != current && actors.id(m, s).compareTo(bestLabel) < 0) {
                best = u;
                bestCoalition = s;
                partner = CoalitionActors.NONE;
                bestLabel = actors.id(m, s);
            }
        }
        if (current != CoalitionActors.NONE && 0 > best) {
            best = 0;
            bestCoalition = CoalitionActors.NONE;
            partner = CoalitionActors.NONE;
            bestLabel = "";
        }
        double total = actors.itemCapability[m];
        // A founded pair must be able to stand: with min_members above 2 it would dissolve at once.
        for (int j = 0; j < n && rule.minMembers() <= 2; j++) {
            if (j == i || actors.coalitionOf[m * n + j] != CoalitionActors.NONE || !canBelong(a, j, m)) {
                continue;
            }
            double p = landscape.propensity(a, i, j);
            double u = total > 0 ? a.capability[j] * p / total : 0;
            boolean partnerGains = total > 0 && a.capability[i] * p / total > rule.switchingCost();
            if (partnerGains && (u > best || u == best && bestLabel != null && a.delegationIds[j].compareTo(bestLabel) < 0)) {
                best = u;
                bestCoalition = CoalitionActors.NONE;
                partner = j;
                bestLabel = a.delegationIds[j];
            }
        }
        boolean moves = best - stay > rule.switchingCost() && (bestCoalition != current || partner != CoalitionActors.NONE);
        if (!moves) {
            if (current != CoalitionActors.NONE) {
                landscape.add(a, current, i, 1);
            }
            return false;
        }
        String who = a.delegationIds[i];
        String left = current == CoalitionActors.NONE ? "" : actors.id(m, current);
        if (current != CoalitionActors.NONE) {
            actors.size[m * n + current]--;
        }
        if (partner != CoalitionActors.NONE) {
            int founded = actors.open(m, null, CoalitionActors.NONE, rule.cohesion());
            landscape.clear(a, founded);
            join(a, actors, m, founded, i);
            join(a, actors, m, founded, partner);
            actors.leader[m * n + founded] = CoalitionLeadership.strongest(a, actors, m, founded);
            actors.record(new CoalitionActors.Event(m, "found", actors.id(m, founded), who, a.delegationIds[partner]));
            if (current != CoalitionActors.NONE) {
                actors.record(new CoalitionActors.Event(m, "defect", actors.id(m, founded), who, left));
            }
        } else if (bestCoalition == CoalitionActors.NONE) {
            actors.coalitionOf[m * n + i] = CoalitionActors.NONE;
            actors.record(new CoalitionActors.Event(m, "leave", left, who, "alone"));
        } else {
            join(a, actors, m, bestCoalition, i);
            actors.record(current == CoalitionActors.NONE
                    ? new CoalitionActors.Event(m, "join", actors.id(m, bestCoalition), who, "")
                    : new CoalitionActors.Event(m, "defect", actors.id(m, bestCoalition), who, left));
        }
        return true;
    }

    private void join(Assembly a, CoalitionActors actors, int m, int s, int i) {
        actors.coalitionOf[m * a.delegations + i] = s;
        actors.size[m * a.delegations + s]++;
        landscape.add(a, s, i, 1);
    }



    /**
     * The energy of item m's coalition structure, E = - sum over pairs in the same coalition of
     * c_i c_j p_ij / C^2, computed pair by pair (for tests and docs; the game never needs it whole).
     */
    double energy(Assembly a, int m) {
        CoalitionActors actors = a.actors();
        if (order.length != a.delegations) {
            allocate(a);
        }
        landscape.coordinatingGroups(a);
        landscape.shares(a, m);
        int n = a.delegations;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (canBelong(a, i, m)) {
                total += a.capability[i];
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf(m, i);
            for (int j = i + 1; j < n && s != CoalitionActors.NONE; j++) {
                if (actors.coalitionOf(m, j) == s) {
                    sum += a.capability[i] * a.capability[j] * landscape.propensity(a, i, j);
                }
            }
        }
        return -sum / (total * total);
    }




    private boolean dissolveSmall(Assembly a, CoalitionActors actors, int m) {
        boolean any = false;
        for (int s = 0; s < a.delegations; s++) {
            if (actors.alive(m, s) && actors.size[m * a.delegations + s] < rule.minMembers()) {
                actors.record(new CoalitionActors.Event(m, "dissolve", actors.id(m, s), "", "too-few"));
                actors.close(m, s);
                any = true;
            }
        }
        refresh(a, actors, m);
        return any;
    }

    /**
     * Merges the closest pair (by interests) within merge_distance whose union lowers the energy, into
     * the one with more capability (the smaller id on ties), until none is left; true if any merged. The survivor keeps its leader
     * and cohesion and takes the pen of the one it absorbs.
     */
    private boolean merge(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        boolean any = false;
        while (true) {
            int first = CoalitionActors.NONE;
            int second = CoalitionActors.NONE;
            double closest = rule.mergeDistance();
            int count = liveSlots(actors, m);
            landscape.load(a, actors, m);
            for (int x = 0; x < count; x++) {
                for (int y = x + 1; y < count; y++) {
                    double distance = landscape.interestDistance(a, m, live[x], live[y]);
                    boolean closer = first == CoalitionActors.NONE || distance < closest
                            || distance == closest && pairLabel(actors, m, live[x], live[y]).compareTo(pairLabel(actors, m, first, second)) < 0;
                    if (distance <= closest && closer && mergeGain(a, actors, m, live[x], live[y]) > 0) {
                        closest = distance;
                        first = live[x];
                        second = live[y];
                    }
                }
            }
            if (first == CoalitionActors.NONE) {
                return any;
            }
            any = true;
            double firstCapability = actors.capability[m * n + first];
            double secondCapability = actors.capability[m * n + second];
            boolean firstSurvives = firstCapability > secondCapability
                    || firstCapability == secondCapability && actors.id(m, first).compareTo(actors.id(m, second)) < 0;
            int survivor = firstSurvives ? first : second;
            int absorbed = firstSurvives ? second : first;
            actors.record(new CoalitionActors.Event(m, "merge", actors.id(m, survivor), "", actors.id(m, absorbed)));
            for (int i = 0; i < n; i++) {
                if (actors.coalitionOf[m * n + i] == absorbed) {
                    actors.coalitionOf[m * n + i] = survivor;
                }
            }
            actors.absorb(m, absorbed, survivor);
            refresh(a, actors, m);
        }
    }

    /** A pair of coalitions named by their ids in order, to break ties between equally close pairs. */
    private static String pairLabel(CoalitionActors actors, int m, int s, int t) {
        String x = actors.id(m, s);
        String y = actors.id(m, t);
        return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    }

    /** The fall in energy (times C) if coalition t joined s: sum over members i of t of c_i U_i(s). */
    private double mergeGain(Assembly a, CoalitionActors actors, int m, int s, int t) {
        double gain = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (actors.coalitionOf[m * a.delegations + i] == t) {
                gain += a.capability[i] * landscape.utility(a, actors, m, s, i);
            }
        }
        return gain;
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

    /** Members' count, capability, common position (every dimension) and cohesion of each live coalition of item m. */
    private void refresh(Assembly a, CoalitionActors actors, int m) {
        int n = a.delegations;
        int d = a.dimensions;
        for (int s = 0; s < n; s++) {
            if (actors.alive(m, s)) {
                actors.size[m * n + s] = 0;
                actors.capability[m * n + s] = 0;
                Arrays.fill(weighted, s * d, s * d + d, 0);
                Arrays.fill(weight, s * d, s * d + d, 0);
                Arrays.fill(plain, s * d, s * d + d, 0);
                int bloc = actors.seedBloc[m * n + s];
                actors.cohesion[m * n + s] = bloc != CoalitionActors.NONE ? a.cohesion[bloc] : rule.cohesion();
            }
        }
        for (int i = 0; i < n; i++) {
            int s = actors.coalitionOf[m * n + i];
            if (s == CoalitionActors.NONE) {
                continue;
            }
            actors.size[m * n + s]++;
            actors.capability[m * n + s] += a.capability[i];
            for (int k = 0; k < d; k++) {
                double w = a.capability[i] * a.activeSalience[i * d + k];
                weighted[s * d + k] += w * a.position[i * d + k];
                weight[s * d + k] += w;
                plain[s * d + k] += a.position[i * d + k];
            }
        }
        for (int s = 0; s < n; s++) {
            if (!actors.alive(m, s)) {
                continue;
            }
            int ms = m * n + s;
            for (int k = 0; k < d; k++) {
                int sk = s * d + k;
                actors.common[ms * d + k] = weight[sk] > 0 ? weighted[sk] / weight[sk]
                        : actors.size[ms] > 0 ? plain[sk] / actors.size[ms] : Double.NaN;
            }
        }
        totalCapability(a, actors, m);
    }

    private static void totalCapability(Assembly a, CoalitionActors actors, int m) {
        double total = 0;
        for (int i = 0; i < a.delegations; i++) {
            if (canBelong(a, i, m)) {
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
                        Arrays.copyOfRange(actors.common, ms * d, ms * d + d), actors.id[ms]));
            }
            onItem.sort((x, y) -> Double.compare(y.capabilityShare(), x.capabilityShare()));
            list.addAll(onItem);
        }
        return list;
    }
}
