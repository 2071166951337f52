package org.plenary.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated scenario: every value present, in range and cross-checked. Built only by
 * {@link ScenarioBinder}; positions and saliences are indexed like {@link #dimensions()}.
 */
public record Scenario(
        String name,
        String description,
        long seed,
        int rounds,
        int replications,
        List<Dimension> dimensions,
        List<Delegation> delegations,
        List<Bloc> blocs,
        List<Item> agenda,
        Decision decision,
        Chair chair,
        Influence influence,
        Coalitions coalitions,
        List<Event> events,
        List<SweepAxis> sweep,
        Formation formation,
        AgendaSetting agendaSetting,
        Negotiation negotiation,
        Bodies bodies) {

    /** A scenario of one ITU-like assembly, as every scenario without {@code bodies} is. */
    public Scenario(String name, String description, long seed, int rounds, int replications,
                    List<Dimension> dimensions, List<Delegation> delegations, List<Bloc> blocs, List<Item> agenda,
                    Decision decision, Chair chair, Influence influence, Coalitions coalitions, List<Event> events,
                    List<SweepAxis> sweep, Formation formation, AgendaSetting agendaSetting, Negotiation negotiation) {
        this(name, description, seed, rounds, replications, dimensions, delegations, blocs, agenda, decision, chair,
                influence, coalitions, events, sweep, formation, agendaSetting, negotiation, Bodies.NONE);
    }

    /** This scenario with the standards bodies given. */
    public Scenario withBodies(Bodies newBodies) {
        return new Scenario(name, description, seed, rounds, replications, dimensions, delegations, blocs, agenda,
                decision, chair, influence, coalitions, events, sweep, formation, agendaSetting, negotiation, newBodies);
    }

    /** The forums an agenda item can sit in and a delegation can disengage from. */
    public static final List<String> FORUMS = List.of("plenary", "study-group", "ad-hoc");

    public record Dimension(String id, String label, String low, String high) { }

    /**
     * A delegation; {@code votes} is false for participants such as sector members and academia,
     * who persuade and are persuaded but have no say in drafts, objections, votes or quorum.
     */
    public record Delegation(String id, String name, String region, List<String> groups,
                             double[] position, double[] salience, double capability, double openness,
                             double tolerance, double objectionThreshold, boolean votes) {

        public Delegation withGroups(List<String> newGroups) {
            return new Delegation(id, name, region, List.copyOf(newGroups), position, salience, capability, openness,
                    tolerance, objectionThreshold, votes);
        }

        public Delegation withPreferences(double[] newPosition, double[] newSalience) {
            return new Delegation(id, name, region, groups, newPosition, newSalience, capability, openness, tolerance,
                    objectionThreshold, votes);
        }
    }

    /**
     * A declared bloc; groups that delegations name without declaring them get cohesion 0.
     * {@code leaders}: the declared leader of the coalition the bloc seeds, then its successors in
     * order (empty: the member with the most capability x salience leads).
     */
    public record Bloc(String id, double cohesion, List<String> leaders) { }

    /**
     * An agenda item; statusQuo is NaN on dimensions the item does not touch (weight 0);
     * {@code sponsor} is the delegation or bloc whose proposal is the first draft, or null. A tabled item
     * has a fixed {@code text} (same indexing; null otherwise): it is voted as it stands, never redrafted.
     */
    public record Item(String id, String title, String forum, double[] weights, double[] statusQuo,
                       int deadline, String sponsor, double[] text) {

        /** An item the chair drafts, with no sponsor. */
        public Item(String id, String title, String forum, double[] weights, double[] statusQuo, int deadline) {
            this(id, title, forum, weights, statusQuo, deadline, null, null);
        }

        public boolean tabled() {
            return text != null;
        }
    }

    public enum Rule { CONSENSUS, VOTE }

    public enum Fallback { VOTE, FAIL }

    /**
     * The decision rule; {@code voteModel} says how a delegation taking part votes: {@code THRESHOLD}
     * (v1: by distance, with the abstention band) or {@code SPATIAL_LOGIT} (an ordered logit, {@code logit}).
     */
    public record Decision(Rule rule, Fallback fallback, double majority, double quorum,
                           double maxObjectingShare, double standingExponent, double abstentionBand,
                           VoteModel voteModel, Logit logit) { }

    public enum VoteModel { THRESHOLD, SPATIAL_LOGIT }

    /**
     * The spatial-logit vote (docs/ODD.md 7.7c): scale {@code beta}, abstention threshold {@code tau},
     * sponsor affinity {@code gamma}; {@code valence[m]}, {@code tauShift[m]} (item m's own cut-point is
     * max(0, tau + tauShift[m])) and {@code sponsor[m]} (a delegation or group id, null for none) per agenda
     * item, indexed like the agenda. {@code affinity[m * n + i]}: delegation
     * i's affinity to item m's sponsor from past voting agreement (n delegations); null: by shared groups.
     * {@code history}: alpha, rho_yes, rho_no, rho_abstain, the weights with which a forecast pools the
     * ballot probabilities with a delegation's earlier vote on the item ({@code plenary backtest --previous});
     * null: not pooled.
     */
    public record Logit(double beta, double tau, double gamma, double[] valence, double[] tauShift, String[] sponsor,
                        double[] affinity, double[] history) {
        /** Item m's cut-point: the shared tau moved by the item's own shift, never below 0. */
        public double tau(int m) {
            return Math.max(0, tau + tauShift[m]);
        }

        /** By value, arrays included, so that two scenarios with the same vote compare equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Logit o && beta == o.beta && tau == o.tau && gamma == o.gamma
                    && java.util.Arrays.equals(valence, o.valence) && java.util.Arrays.equals(tauShift, o.tauShift)
                    && java.util.Arrays.equals(sponsor, o.sponsor)
                    && java.util.Arrays.equals(affinity, o.affinity) && java.util.Arrays.equals(history, o.history);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(beta, tau, gamma, java.util.Arrays.hashCode(valence),
                    java.util.Arrays.hashCode(tauShift),
                    java.util.Arrays.hashCode(sponsor), java.util.Arrays.hashCode(affinity),
                    java.util.Arrays.hashCode(history));
        }

        @Override
        public String toString() {
            return "Logit[beta=" + beta + ", tau=" + tau + ", gamma=" + gamma + ", valence="
                    + java.util.Arrays.toString(valence) + ", tauShift=" + java.util.Arrays.toString(tauShift)
                    + ", sponsor=" + java.util.Arrays.toString(sponsor)
                    + (affinity == null ? "" : ", affinity from votes")
                    + (history == null ? "" : ", history=" + java.util.Arrays.toString(history)) + "]";
        }
    }

    /** What the chair accommodates: objectors' negotiating positions, or their ideal points. */
    public enum AccommodationTarget { POSITION, IDEAL }

    /** What happens to the concessions a draft owes a delegation once it withdraws. */
    public enum ConcessionsOnWithdrawal { KEEP, DROP, DECAY }

    /**
     * The chair: its accommodation rate, what it accommodates, and what becomes of a withdrawn
     * delegation's concessions ({@code concessionDecay}: the fraction taken back each round under DECAY).
     */
    public record Chair(double accommodation, AccommodationTarget accommodateToward,
                        ConcessionsOnWithdrawal concessionsOnWithdrawal, double concessionDecay) { }

    public enum InfluenceModel { HEGSELMANN_KRAUSE, DEFFUANT, NONE }

    public record Influence(InfluenceModel model, double rate, double anchor, double affinity,
                            double salienceResistance, double meetings, double noise) { }

    public enum CoalitionMethod { DBSCAN, LANDSCAPE }

    /**
     * How coalitions are detected: {@code radius} is DBSCAN's; {@code starts} and {@code blocBonus}
     * (the propensity added for a shared bloc) are the landscape method's; {@code minMembers} both.
     */
    public record Coalitions(CoalitionMethod method, double radius, int minMembers, int starts, double blocBonus) { }

    public enum EventType { WITHDRAW, DISENGAGE, REENGAGE, SET, JOIN, LEAVE }

    /**
     * A scheduled change. Only the fields its type uses are set: {@code delegation} for all but a
     * bloc-level {@code set}; {@code dimensions}/{@code forums} for disengage and re-engage;
     * {@code attribute}/{@code value} for set; {@code bloc} for join, leave and bloc-level set; {@code body}
     * (else null) for a withdraw from, or a re-engage in, one standards body only.
     */
    public record Event(int round, EventType type, String delegation, String bloc, List<String> dimensions,
                        List<String> forums, String attribute, double value, String body) {

        /** An event that is not about one standards body. */
        public Event(int round, EventType type, String delegation, String bloc, List<String> dimensions,
                     List<String> forums, String attribute, double value) {
            this(round, type, delegation, bloc, dimensions, forums, attribute, value, null);
        }
    }

    public enum FormationModel { NONE, ALLIANCE }

    /**
     * Coalitions as actors (docs/ODD.md, 7.4b): {@code reach} is the distance at which two
     * delegations' propensity to ally falls to zero, {@code blocAffinity} what each shared bloc adds to
     * it (times the bloc's cohesion), {@code switchingCost} the gain a move needs,
     * {@code mergeDistance} how close two coalitions must be to merge, {@code minMembers} the smallest
     * coalition that survives, {@code cohesion} that of coalitions founded during the game.
     */
    public record Formation(FormationModel model, double reach, double blocAffinity, double switchingCost,
                            double mergeDistance, int minMembers, double cohesion) {
        public boolean on() {
            return model != FormationModel.NONE;
        }
    }

    public enum AgendaModel { NONE, TABLING }

    /** What a proposer tables: its coalition's text, or the closed-rule proposal (docs/ODD.md, 7.6b). */
    public enum Proposal { COALITION_TEXT, CLOSED_RULE }

    /**
     * Agenda-setting (docs/ODD.md, 7.6b): {@code proposers} rival coalitions recognised per item and
     * round, each with probability proportional to capability^{@code recognitionExponent}, {@code pen}
     * how far a coalition's text leans from its common position toward its leader's, {@code compromise}
     * how far the chair moves the text taken up toward the compromise, {@code proposal} what each
     * proposer tables.
     */
    public record AgendaSetting(AgendaModel model, int proposers, double pen, double compromise,
                                Proposal proposal, double recognitionExponent) {
        public boolean on() {
            return model != AgendaModel.NONE;
        }
    }

    /** One axis of a parameter sweep: a --set path and the values it takes. */
    public record SweepAxis(String path, List<String> values) { }

    /**
     * Model v2 mechanisms of docs/ODD.md 7.9-7.12 (aspirations, exchange, attendance, vote discipline);
     * every one of them off by default, so that a v1 scenario runs as it did.
     */
    public record Negotiation(Aspirations aspirations, Exchange exchange, Attendance attendance, Voting voting) { }

    /** What a delegation's objection is measured against: the status quo (v1) or its current aspiration. */
    public enum Objections { STATUS_QUO, ASPIRATION }

    /**
     * Aspirations and concession: {@code aspiration[i * dimensions + k]} is the point delegation i
     * pushes for (NaN: its ideal point); {@code concession[i]} the exponent e of its time-dependent tactic.
     */
    public record Aspirations(Objections objections, double[] aspiration, double[] concession) { }

    public enum ExchangeModel { NONE, STOKMAN }

    /** Exchange of support (Stokman and van Oosten 1994); {@code rate} the share of the largest exchange made. */
    public record Exchange(ExchangeModel model, double rate) { }

    public enum AttendanceModel { ALL, CAPACITY }

    /**
     * Attendance (Panke 2013): with {@code capacity}, capacity_i = (c_i / fullCapability)^exponent items
     * covered at once.
     */
    public record Attendance(AttendanceModel model, double fullCapability, double exponent) { }

    public enum Discipline { NONE, BLOC }

    /** What a member that does not follow its bloc's line does when the line is against its own vote. */
    public enum CrossPressure { ABSTAIN, SINCERE }

    public record Voting(Discipline discipline, CrossPressure crossPressured) { }

    /**
     * A standards body's decision procedure (docs/ODD.md 7.13) and the membership roles it knows, in
     * the order of their codes in the model (role code = position + 1; 0 = not a member).
     */
    public enum Procedure {
        ITU_PLENARY("itu-plenary", List.of("member")),
        ITU_T_AAP("itu-t-aap", List.of("member-state", "sector-member")),
        ISO_IEC("iso-iec", List.of("P", "O")),
        IETF("ietf", List.of("participant")),
        THREE_GPP("3gpp", List.of("individual-member", "observer"), List.of("individual-member"));

        private final String label;
        private final List<String> roles;
        /** The roles whose ballots count: every role, but a 3GPP observer's vote is not counted. */
        private final List<String> voters;

        Procedure(String label, List<String> roles) {
            this(label, roles, roles);
        }

        Procedure(String label, List<String> roles, List<String> voters) {
            this.label = label;
            this.roles = roles;
            this.voters = voters;
        }

        /** Whether a member with this role code casts a counted ballot in the body's votes. */
        public boolean votes(int roleCode) {
            return roleCode > 0 && voters.contains(roles.get(roleCode - 1));
        }

        public String label() {
            return label;
        }

        public List<String> roles() {
            return roles;
        }

        /** The model's code of a role of this procedure: its position in {@link #roles()} + 1, 0 if unknown. */
        public int roleCode(String role) {
            return roles.indexOf(role) + 1;
        }

        public static Procedure ofLabel(String label) {
            for (Procedure p : values()) {
                if (p.label.equals(label)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown procedure " + label);
        }

        public static List<String> labels() {
            return java.util.Arrays.stream(values()).map(Procedure::label).toList();
        }
    }

    /**
     * A standards body and its procedure's parameters: {@code rough}, the objecting share of participants
     * a rough consensus leaves "in the rough" (ietf); {@code majority}, the share of votes cast a vote
     * needs (3gpp's technical super-majority); {@code lastCall}, the rounds of an AAP last call (itu-t-aap).
     */
    public record Body(String id, Procedure procedure, double rough, double majority, int lastCall) { }

    public enum ShiftingModel { NONE, EXPECTED_OUTCOME }

    /**
     * Forum shifting (docs/ODD.md 7.14): a delegation moves an open item to another body when it expects a
     * better outcome there by more than {@code cost} (in units of its weighted distance); a move
     * extends the item's deadline to at least {@code delay} rounds ahead; an item moves at most
     * {@code maxMoves} times.
     */
    public record ForumShifting(ShiftingModel model, double cost, int delay, int maxMoves) {
        public static final ForumShifting NONE = new ForumShifting(ShiftingModel.NONE, 0.2, 10, 1);

        public boolean on() {
            return model != ShiftingModel.NONE;
        }
    }

    /**
     * The standards bodies of a scenario (docs/ODD.md 7.13): {@code itemBody} the body id of each agenda
     * item (indexed like the agenda); {@code roles} each delegation's role per body (delegation id to
     * body id to role; a missing entry: not a member); {@code shifting} whether and how items move between them;
     * {@code traditionalApproval} the ids of the items an ITU-T study group approves by the traditional approval
     * process ({@code agenda[].approval: tap}), the others by the alternative one. {@link #NONE}: one ITU-like assembly of every delegation.
     */
    public record Bodies(List<Body> list, List<String> itemBody, Map<String, Map<String, String>> roles,
                         ForumShifting shifting, Set<String> traditionalApproval) {
        public static final Bodies NONE = new Bodies(List.of(), List.of(), Map.of(), ForumShifting.NONE);

        /** Bodies without forum shifting, every ITU-T item under the alternative approval process. */
        public Bodies(List<Body> list, List<String> itemBody, Map<String, Map<String, String>> roles) {
            this(list, itemBody, roles, ForumShifting.NONE);
        }

        /** Every ITU-T item under the alternative approval process. */
        public Bodies(List<Body> list, List<String> itemBody, Map<String, Map<String, String>> roles,
                      ForumShifting shifting) {
            this(list, itemBody, roles, shifting, Set.of());
        }

        public boolean declared() {
            return !list.isEmpty();
        }

        public int indexOf(String id) {
            for (int b = 0; b < list.size(); b++) {
                if (list.get(b).id().equals(id)) {
                    return b;
                }
            }
            return -1;
        }
    }

    public int dimensionIndex(String id) {
        for (int k = 0; k < dimensions.size(); k++) {
            if (dimensions.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }
}
