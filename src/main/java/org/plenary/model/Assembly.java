package org.plenary.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.plenary.scenario.Scenario;

/**
 * The plain state of one assembly: delegations, blocs and agenda items, on flat primitive arrays
 * so that the mechanisms' loops stay cheap. Per-delegation, per-dimension values are stored at
 * {@code i * dimensions + k}. Mechanisms in {@code org.plenary.dynamics} read and change it; it
 * never does I/O and never draws random numbers.
 */
public final class Assembly {

    public final int delegations;
    public final int dimensions;
    public final int items;
    public final int groups;
    public final int forums;
    public final int bodies;

    public final String[] delegationIds;
    public final String[] groupIds;
    public final String[] itemIds;
    public final String[] dimensionIds;
    /** Standards bodies (docs/ODD.md 7.13); one implicit body, {@link #ASSEMBLY}, when the scenario declares none. */
    public final String[] bodyIds;
    /**
     * Delegation indexes in the order of their ids, for mechanisms whose result must not depend on the
     * order in which the scenario lists delegations (docs/ODD.md 7.4b, 7.10).
     */
    public final int[] idOrder;

    /** Ideal points x*: the capitals' instructions. */
    public final double[] ideal;
    /** Current negotiating positions x(t). */
    public final double[] position;
    /** Declared salience per dimension. */
    public final double[] salience;
    /** Salience in force: zero on dimensions the delegation has disengaged from. */
    public final double[] activeSalience;
    public final boolean[] dimensionDisengaged;
    public final boolean[] forumDisengaged;
    public final double[] capability;
    public final double[] openness;
    public final double[] tolerance;
    public final double[] objectionThreshold;
    public final boolean[] withdrawn;
    /** False for participants without a say in decisions (sector members, academia). */
    public final boolean[] voting;

    /** Membership matrix, {@code member[i * groups + g]}. */
    public final boolean[] member;
    public final double[] cohesion;

    public final double[] itemWeights;
    public final double[] statusQuo;
    public final int[] itemForum;
    /** Each body's decision procedure, indexed like {@link #bodyIds}. */
    public final Scenario.Procedure[] bodyProcedure;
    /** Each body's super-majority of the votes cast (3gpp's technical votes), indexed like {@link #bodyIds}. */
    public final double[] bodyMajority;
    /** The body each item sits in. */
    public final int[] itemBody;
    /**
     * Each delegation's role in each body, {@code role[i * bodies + b]}: the body procedure's role code
     * (Scenario.Procedure.roleCode), 0 for not a member. Everyone is a member of the implicit body.
     */
    public final int[] role;
    /** The roles the scenario declares, for a delegation that re-engages in a body it withdrew from. */
    public final int[] declaredRole;
    public final int[] deadline;
    public final double[] draft;
    /** Items voted on as tabled, {@code draft} fixed at their text: the chair never redrafts them. */
    public final boolean[] tabled;
    /**
     * The round in which an item's last call ends (ITU-T A.8, docs/ODD.md 7.13), its text frozen till then;
     * 0 when it is in none.
     */
    public final int[] lastCallEnds;
    /**
     * Items an ITU-T study group approves by the traditional approval process (WTSA Resolution 1, section 9;
     * docs/ODD.md 7.13), the others by the alternative one; read only in an {@code itu-t-aap} body.
     */
    public final boolean[] traditionalApproval;
    /** The chair's accumulated move of each draft toward objectors, added to the compromise. */
    public final double[] concession;
    public final ItemState[] itemState;
    public final int[] decidedRound;
    /** Sustained objections of the latest decision round, {@code objecting[m * delegations + i]}. */
    public final boolean[] objecting;
    public final double[] objectingShare;
    /** The tally of each item's vote, {@code votes[3 * m + 0..2]} = yes, no, abstain; -1 before any vote. */
    public final int[] votes;
    /**
     * Each delegation's ballot in an item's latest vote, {@code ballots[m * delegations + i]}, as the vote
     * writes it (DecisionMaking.tally: +1 yes, -1 no, 0 abstain, ABSENT, NO_BALLOT); read only after a vote.
     */
    public final int[] ballots;
    /**
     * The probabilities a probabilistic vote model gave each ballot of an item's latest vote,
     * {@code ballotChance[3 * (m * delegations + i) + 0..2]} = yes, no, abstain; NaN where the ballot
     * was not drawn from probabilities (the threshold vote, absent delegations).
     */
    public final double[] ballotChance;

    // Model v2 (docs/ODD.md 7.9-7.12); inert while those mechanisms are off.
    /** The point each delegation pushes for, A_i (its ideal point unless the scenario gives one). */
    public final double[] aspiration;
    /** The exponent e of each delegation's time-dependent concession tactic. */
    public final double[] concessionExponent;
    /** Each delegation's current demand on each item, r_im(t), at {@code (m * delegations + i) * dimensions + k}. */
    public final double[] demand;
    /** Absent from a forum this round (attendance), {@code absent[i * forums + f]}. */
    public final boolean[] absent;
    /** The exchanges of support made this round. */
    public final Exchanges exchanges = new Exchanges();
    /** The items moved between bodies this round (forum shifting). */
    public final VenueMoves venueMoves = new VenueMoves();

    private List<Coalition> coalitions = List.of();
    /** Coalitions as actors (formation, leaders, tabled texts); null when those mechanisms are off. */
    private CoalitionActors actors;
    /** The decision step's sincere vote intentions of this round; null before it has run. */
    private VoteIntentions voteIntentions;
    private int round;

    public Assembly(Scenario scenario) {
        List<Scenario.Delegation> list = scenario.delegations();
        delegations = list.size();
        dimensions = scenario.dimensions().size();
        items = scenario.agenda().size();
        forums = Scenario.FORUMS.size();
        dimensionIds = scenario.dimensions().stream().map(Scenario.Dimension::id).toArray(String[]::new);
        delegationIds = list.stream().map(Scenario.Delegation::id).toArray(String[]::new);
        itemIds = scenario.agenda().stream().map(Scenario.Item::id).toArray(String[]::new);
        groupIds = allGroups(scenario).toArray(String[]::new);
        idOrder = IntStream.range(0, delegations).boxed()
                .sorted(Comparator.comparing(i -> delegationIds[i])).mapToInt(Integer::intValue).toArray();
        groups = groupIds.length;

        ideal = new double[delegations * dimensions];
        salience = new double[delegations * dimensions];
        capability = new double[delegations];
        openness = new double[delegations];
        tolerance = new double[delegations];
        objectionThreshold = new double[delegations];
        member = new boolean[delegations * groups];
        voting = new boolean[delegations];
        for (int i = 0; i < delegations; i++) {
            Scenario.Delegation d = list.get(i);
            System.arraycopy(d.position(), 0, ideal, i * dimensions, dimensions);
            System.arraycopy(d.salience(), 0, salience, i * dimensions, dimensions);
            capability[i] = d.capability();
            openness[i] = d.openness();
            tolerance[i] = d.tolerance();
            objectionThreshold[i] = d.objectionThreshold();
            voting[i] = d.votes();
            for (String group : d.groups()) {
                member[i * groups + groupIndex(group)] = true;
            }
        }
        position = ideal.clone();
        activeSalience = salience.clone();
        dimensionDisengaged = new boolean[delegations * dimensions];
        forumDisengaged = new boolean[delegations * forums];
        withdrawn = new boolean[delegations];
        cohesion = new double[groups];
        for (Scenario.Bloc bloc : scenario.blocs()) {
            cohesion[groupIndex(bloc.id())] = bloc.cohesion();
        }

        itemWeights = new double[items * dimensions];
        statusQuo = new double[items * dimensions];
        itemForum = new int[items];
        deadline = new int[items];
        for (int m = 0; m < items; m++) {
            Scenario.Item item = scenario.agenda().get(m);
            System.arraycopy(item.weights(), 0, itemWeights, m * dimensions, dimensions);
            System.arraycopy(item.statusQuo(), 0, statusQuo, m * dimensions, dimensions);
            itemForum[m] = Scenario.FORUMS.indexOf(item.forum());
            deadline[m] = item.deadline();
        }
        draft = statusQuo.clone();
        tabled = new boolean[items];
        for (int m = 0; m < items; m++) {
            Scenario.Item item = scenario.agenda().get(m);
            if (item.tabled()) {
                tabled[m] = true;
                System.arraycopy(item.text(), 0, draft, m * dimensions, dimensions);
            }
        }
        lastCallEnds = new int[items];
        traditionalApproval = new boolean[items];
        for (int m = 0; m < items; m++) {
            traditionalApproval[m] = scenario.bodies().traditionalApproval().contains(scenario.agenda().get(m).id());
        }
        concession = new double[items * dimensions];
        itemState = new ItemState[items];
        Arrays.fill(itemState, ItemState.OPEN);
        decidedRound = new int[items];
        objecting = new boolean[items * delegations];
        objectingShare = new double[items];
        votes = new int[3 * items];
        Arrays.fill(votes, -1);
        ballots = new int[items * delegations];
        ballotChance = new double[3 * items * delegations];
        Arrays.fill(ballotChance, Double.NaN);

        Scenario.Aspirations aspirations = scenario.negotiation().aspirations();
        aspiration = aspirations.aspiration().clone();
        for (int x = 0; x < aspiration.length; x++) {
            if (Double.isNaN(aspiration[x])) {
                aspiration[x] = ideal[x];
            }
        }
        concessionExponent = aspirations.concession().clone();
        Scenario.Bodies declared = scenario.bodies();
        bodies = Math.max(1, declared.list().size());
        bodyIds = declared.declared()
                ? declared.list().stream().map(Scenario.Body::id).toArray(String[]::new) : new String[] {ASSEMBLY};
        bodyProcedure = declared.declared() ? declared.list().stream().map(Scenario.Body::procedure)
                .toArray(Scenario.Procedure[]::new) : new Scenario.Procedure[] {Scenario.Procedure.ITU_PLENARY};
        bodyMajority = declared.list().stream().mapToDouble(Scenario.Body::majority).toArray();
        itemBody = new int[items];
        role = new int[delegations * bodies];
        if (declared.declared()) {
            for (int m = 0; m < items; m++) {
                itemBody[m] = declared.indexOf(declared.itemBody().get(m));
            }
            for (int i = 0; i < delegations; i++) {
                Map<String, String> roles = declared.roles().getOrDefault(delegationIds[i], Map.of());
                for (int b = 0; b < bodies; b++) {
                    String name = roles.get(bodyIds[b]);
                    role[i * bodies + b] = name == null ? 0 : declared.list().get(b).procedure().roleCode(name);
                }
            }
        } else {
            Arrays.fill(role, 1);
        }
        declaredRole = role.clone();
        demand = new double[items * delegations * dimensions];
        absent = new boolean[delegations * forums];
    }

    /** The id of the one body of a scenario that declares none. */
    public static final String ASSEMBLY = "assembly";

    /** Every group named by a delegation or a bloc declaration or a join event, in first-seen order. */
    private static Set<String> allGroups(Scenario scenario) {
        Set<String> all = new LinkedHashSet<>();
        scenario.blocs().forEach(b -> all.add(b.id()));
        scenario.delegations().forEach(d -> all.addAll(d.groups()));
        scenario.events().stream().filter(e -> e.bloc() != null).forEach(e -> all.add(e.bloc()));
        return all;
    }

    public int groupIndex(String id) {
        for (int g = 0; g < groupIds.length; g++) {
            if (groupIds[g].equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown group " + id);
    }

    public int delegationIndex(String id) {
        for (int i = 0; i < delegations; i++) {
            if (delegationIds[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown delegation " + id);
    }

    public int dimensionIndex(String id) {
        for (int k = 0; k < dimensions; k++) {
            if (dimensionIds[k].equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dimension " + id);
    }

    public boolean isActive(int i) {
        return !withdrawn[i];
    }

    /**
     * Has a say on an item: a voting delegation, not withdrawn, not disengaged from the item's forum
     * and not absent from it this round.
     */
    public boolean takesPart(int i, int item) {
        return engagedIn(i, item) && !absent[i * forums + itemForum[item]];
    }

    /**
     * Engaged in an item whether or not present this round: a voting delegation, not withdrawn and
     * not disengaged from the item's forum (absence suspends, it does not disengage).
     */
    public boolean engagedIn(int i, int item) {
        return voting[i] && !withdrawn[i] && !forumDisengaged[i * forums + itemForum[item]] && isMemberFor(i, item);
    }

    /** Whether item m's text stands as it is: tabled, or frozen by a last call. */
    public boolean textFixed(int item) {
        return tabled[item] || lastCallEnds[item] > 0;
    }

    /** Whether delegation i has a role in the body item m sits in now. */
    public boolean isMemberFor(int i, int item) {
        return roleFor(i, item) != 0;
    }

    /** Whether delegation i holds a voting role in the body item m sits in now (a 3GPP observer does not). */
    public boolean votesIn(int i, int item) {
        return bodyProcedure[itemBody[item]].votes(roleFor(i, item));
    }

    /** Delegation i's role code in the body item m sits in now; 0 when it is not a member. */
    public int roleFor(int i, int item) {
        return role[i * bodies + itemBody[item]];
    }

    public boolean isMember(int i, int g) {
        return member[i * groups + g];
    }

    /** Whether i and j share at least one bloc or group. */
    public boolean shareGroup(int i, int j) {
        int a = i * groups;
        int b = j * groups;
        for (int g = 0; g < groups; g++) {
            if (member[a + g] && member[b + g]) {
                return true;
            }
        }
        return false;
    }

    /** The status written to results: withdrawn, disengaged (from any dimension or forum) or active. */
    public String statusLabel(int i) {
        return withdrawn[i] ? "withdrawn" : disengagedAnywhere(i) ? "disengaged" : "active";
    }

    /** Whether delegation i has disengaged from any dimension or forum (withdrawal aside). */
    public boolean disengagedAnywhere(int i) {
        for (int k = 0; k < dimensions; k++) {
            if (dimensionDisengaged[i * dimensions + k]) {
                return true;
            }
        }
        for (int f = 0; f < forums; f++) {
            if (forumDisengaged[i * forums + f]) {
                return true;
            }
        }
        return false;
    }

    public int round() {
        return round;
    }

    public void setRound(int round) {
        this.round = round;
    }

    public List<Coalition> coalitions() {
        return coalitions;
    }

    public void setCoalitions(List<Coalition> coalitions) {
        this.coalitions = List.copyOf(coalitions);
    }

    public CoalitionActors actors() {
        return actors;
    }

    public void setActors(CoalitionActors actors) {
        this.actors = actors;
    }

    /** The decision step's sincere vote intentions (a read-only view), or null before it has run. */
    public VoteIntentions voteIntentions() {
        return voteIntentions;
    }

    public void setVoteIntentions(VoteIntentions voteIntentions) {
        this.voteIntentions = voteIntentions;
    }

    /** Ids of the delegations sustaining an objection to an item in the latest decision round. */
    public List<String> objectors(int item) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < delegations; i++) {
            if (objecting[item * delegations + i]) {
                ids.add(delegationIds[i]);
            }
        }
        return ids;
    }
}
