package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link SourceTree} into a {@link Scenario}: applies every documented default, checks
 * types, ranges and cross-references, and reports every problem with its file, line and field.
 * The defaults and ranges here are the ones documented in docs/scenario-format.md.
 */
public final class ScenarioBinder {

    /** A bound scenario and the non-fatal remarks about it (e.g. an event after the last round). */
    public record Result(Scenario scenario, List<Problem> warnings) { }

    /** Ids become CSV columns and file names: letters, digits, '_' and '-', at most 64 characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");
    /** Scenario names become directory names: no separators, no leading dot. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}");
    private static final int MAX_DIMENSIONS = 32;
    private static final Set<String> RESERVED_COLUMNS = Set.of("replication", "round", "delegation", "status",
            "item", "state", "objectors", "objecting_capability_share", "coalition", "size", "capability_share",
            "members");

    static final List<String> TOP_KEYS = List.of("name", "description", "seed", "rounds", "replications",
            "dimensions", "delegations", "delegations_file", "delegation_defaults", "blocs", "agenda", "decision",
            "chair", "influence", "coalitions", "events", "sweep", "profiles", "coalition_formation", "agenda_setting",
            "exchange", "attendance", "voting", "positions_from");
    static final List<String> DELEGATION_KEYS = List.of("id", "name", "region", "groups", "position", "salience",
            "capability", "openness", "tolerance", "objection_threshold", "votes", "aspiration", "concession");
    static final List<String> DEFAULT_KEYS = List.of("salience", "capability", "openness", "tolerance",
            "objection_threshold", "aspiration", "concession");
    static final List<String> SET_ATTRIBUTES = List.of("capability", "openness", "tolerance",
            "objection_threshold", "position.<dimension>", "salience.<dimension>", "cohesion (of a bloc)");

    private final SourceTree tree;
    private final Problems problems = new Problems();
    /** delegation_defaults.salience, kept for profiles to fall back on. */
    private double[] defaultSalience;
    private final List<Problem> warnings = new ArrayList<>();

    private ScenarioBinder(SourceTree tree) {
        this.tree = tree;
    }

    public static Result bind(SourceTree tree) throws InputException {
        ScenarioBinder binder = new ScenarioBinder(tree);
        Scenario scenario;
        try {
            scenario = binder.bindScenario();
        } catch (RuntimeException e) {
            // Derived values (profiles, sponsors, ...) assume valid entries: a failure after problems were
            // found is a consequence of them, so the user sees the problems, never the failure.
            binder.problems.throwIfAny();
            throw e;
        }
        binder.problems.throwIfAny();
        return new Result(scenario, List.copyOf(binder.warnings));
    }

    private Scenario bindScenario() {
        if (!tree.root().isObject()) {
            problem("", "", "a scenario must be a YAML mapping of keys (name, dimensions, delegations, ...)");
            return null;
        }
        Node top = new Node(tree.root(), "", "");
        top.allow(TOP_KEYS);
        String name = top.requiredText("name");
        if (name != null && !NAME.matcher(name).matches()) {
            top.problemAt("name", "must be 1-100 letters, digits, '.', '_' or '-' and start with a letter or"
                    + " digit (it names the results directory), got '" + name + "'");
        }
        String description = top.text("description", "");
        long seed = top.longValue("seed", 1L);
        int rounds = top.integer("rounds", 60, 1, 1_000_000);
        int replications = top.integer("replications", 10, 1, 10_000_000);

        List<Scenario.Dimension> dimensions = bindDimensions(top);
        List<String> dimensionIds = dimensions.stream().map(Scenario.Dimension::id).toList();
        boolean profiled = top.node.has("profiles");
        List<Scenario.Delegation> delegations = bindDelegations(top, dimensionIds, profiled);
        Set<String> delegationIds = new LinkedHashSet<>();
        delegations.forEach(d -> delegationIds.add(d.id()));
        List<Scenario.Bloc> blocs = bindBlocs(top, delegationIds, delegations);
        if (profiled) {
            new Profiles(top.object("profiles", Profiles.KEYS), dimensionIds).fill(delegations);
        }
        positionsFromIdealPoints(top, dimensionIds, delegations);
        Scenario.AgendaSetting agendaSetting = bindAgendaSetting(top);
        List<Scenario.Item> agenda = bindAgenda(top, dimensionIds, rounds);
        checkSponsors(top, agenda, agendaSetting, delegationIds, blocs);
        Scenario.Formation formation = bindFormation(top);
        Scenario.Decision decision = bindDecision(top, agenda, delegations, blocs);
        Scenario.Chair chair = bindChair(top);
        Scenario.Influence influence = bindInfluence(top);
        Scenario.Coalitions coalitions = bindCoalitions(top);
        Set<String> groups = new LinkedHashSet<>();
        delegations.forEach(d -> groups.addAll(d.groups()));
        blocs.forEach(b -> groups.add(b.id()));
        top.list("events", false).stream().filter(e -> "join".equals(e.node.path("type").asText()))
                .map(e -> e.node.path("bloc").asText()).filter(b -> ID.matcher(b).matches()).forEach(groups::add);
        List<Scenario.Event> events = bindEvents(top, rounds, dimensionIds, delegationIds, groups);
        checkConvexInfluence(influence, delegations, events);
        List<Scenario.SweepAxis> sweep = bindSweep(top);
        Scenario.Negotiation negotiation = bindNegotiation(top, dimensionIds, delegations);
        return new Scenario(name, description, seed, rounds, replications, dimensions, delegations, blocs,
                agenda, decision, chair, influence, coalitions, events, sweep, formation, agendaSetting, negotiation);
    }

    private List<Scenario.Dimension> bindDimensions(Node top) {
        List<Scenario.Dimension> dimensions = new ArrayList<>();
        List<Node> list = top.list("dimensions", true);
        if (list.isEmpty() && top.node.has("dimensions")) {
            top.problemAt("dimensions", "at least one dimension is needed");
        }
        if (list.size() > MAX_DIMENSIONS) {
            top.problemAt("dimensions", "at most " + MAX_DIMENSIONS + " dimensions are supported, got " + list.size());
        }
        Set<String> seen = new HashSet<>();
        for (Node entry : list) {
            entry.allow(List.of("id", "label", "low", "high"));
            String id = entry.requiredId("id");
            if (id == null) {
                continue;
            }
            if (RESERVED_COLUMNS.contains(id)) {
                entry.problemAt("id", "'" + id + "' is reserved for a results column; choose another id");
            }
            if (!seen.add(id)) {
                entry.problemAt("id", "duplicate dimension id '" + id + "'");
            }
            dimensions.add(new Scenario.Dimension(id, entry.text("label", id.replace('_', ' ')),
                    entry.text("low", "low"), entry.text("high", "high")));
        }
        return dimensions;
    }

    private List<Scenario.Delegation> bindDelegations(Node top, List<String> dims, boolean profiled) {
        Node defaults = top.object("delegation_defaults", DEFAULT_KEYS);
        defaultSalience = new double[dims.size()];
        Arrays.fill(defaultSalience, 0.5);
        if (defaults.node.has("salience")) {
            defaultSalience = defaults.perDimension("salience", dims, 0.5, false);
        }
        double defaultCapability = defaults.number("capability", 1.0, 0, 1e9);
        double defaultOpenness = defaults.number("openness", 0.5, 0, 1);
        double defaultTolerance = defaults.number("tolerance", 0.3, 0, 1);
        double defaultThreshold = defaults.number("objection_threshold", 0.2, 0, 1e6);

        List<Node> list = top.list("delegations", true);
        if (list.isEmpty() && top.node.has("delegations")) {
            top.problemAt("delegations", "at least one delegation is needed");
        }
        List<Scenario.Delegation> delegations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node entry : list) {
            String id = entry.requiredId("id");
            if (id != null && !seen.add(id)) {
                entry.problemAt("id", "duplicate delegation id '" + id + "'");
            }
            if (id != null) {
                entry.field = "delegations[" + id + "]";
            }
            entry.allow(DELEGATION_KEYS);
            // With profiles, positions and saliences not given are derived after blocs are known (NaN until then).
            double[] position = entry.perDimension("position", dims, Double.NaN, !profiled);
            double[] salience = entry.perDimension("salience", dims, Double.NaN, false);
            for (int k = 0; k < dims.size() && !profiled; k++) {
                if (Double.isNaN(salience[k])) {
                    salience[k] = defaultSalience[k];
                }
            }
            delegations.add(new Scenario.Delegation(id, entry.text("name", id), entry.text("region", ""),
                    entry.idList("groups"), position, salience,
                    entry.number("capability", defaultCapability, 0, 1e9),
                    entry.number("openness", defaultOpenness, 0, 1),
                    entry.number("tolerance", defaultTolerance, 0, 1),
                    entry.number("objection_threshold", defaultThreshold, 0, 1e6),
                    entry.bool("votes", true)));
        }
        return delegations;
    }

    private List<Scenario.Bloc> bindBlocs(Node top, Set<String> delegationIds, List<Scenario.Delegation> delegations) {
        List<Scenario.Bloc> blocs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node entry : top.list("blocs", false)) {
            String id = entry.requiredId("id");
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                entry.problemAt("id", "duplicate bloc id '" + id + "'");
            }
            entry.field = "blocs[" + id + "]";
            entry.allow(List.of("id", "cohesion", "members", "leaders"));
            double cohesion = entry.number("cohesion", 0.5, 0, 1);
            List<String> members = entry.idList("members");
            List<String> leaders = entry.idList("leaders");
            for (String member : members) {
                if (!delegationIds.contains(member)) {
                    entry.problemAt("members", Suggestions.unknown("delegation", member, delegationIds));
                }
            }
            // Listing members in a bloc is the same as naming the bloc in each member's groups.
            for (int i = 0; i < delegations.size(); i++) {
                Scenario.Delegation d = delegations.get(i);
                if (members.contains(d.id()) && !d.groups().contains(id)) {
                    List<String> groups = new ArrayList<>(d.groups());
                    groups.add(id);
                    delegations.set(i, d.withGroups(groups));
                }
            }
            if (delegations.stream().noneMatch(d -> d.groups().contains(id))) {
                warnings.add(entry.locate("id", "bloc '" + id + "' has no members (no delegation lists it in"
                        + " groups); it only matters if delegations join it by an event"));
            }
            for (String leader : leaders) {
                if (!delegationIds.contains(leader)) {
                    entry.problemAt("leaders", Suggestions.unknown("delegation", leader, delegationIds));
                } else if (delegations.stream().noneMatch(d -> d.id().equals(leader) && d.groups().contains(id))) {
                    entry.problemAt("leaders", "'" + leader + "' is not a member of bloc '" + id
                            + "': a declared leader must belong to the bloc");
                }
            }
            blocs.add(new Scenario.Bloc(id, cohesion, leaders));
        }
        return blocs;
    }

    /**
     * The model v2 mechanisms (docs/scenario-format.md, "Model v2"): decision.objections, the
     * aspiration and concession of delegation_defaults and of each delegation, exchange,
     * attendance and voting. Unknown keys are reported where the mappings are first read.
     */
    private Scenario.Negotiation bindNegotiation(Node top, List<String> dims, List<Scenario.Delegation> delegations) {
        int d = dims.size();
        Node decision = new Node(top.node.path("decision"), "/decision", "decision");
        Scenario.Objections objections = Scenario.Objections.valueOf(enumName(
                decision.choice("objections", "status-quo", List.of("status-quo", "aspiration"))));
        Node defaults = new Node(top.node.path("delegation_defaults"), "/delegation_defaults", "delegation_defaults");
        double[] defaultAspiration = defaults.perDimension("aspiration", dims, Double.NaN, false);
        double defaultConcession = defaults.number("concession", 1.0, MIN_CONCESSION, MAX_CONCESSION);
        double[] aspiration = new double[delegations.size() * d];
        double[] concession = new double[delegations.size()];
        for (int i = 0; i < delegations.size(); i++) {
            System.arraycopy(defaultAspiration, 0, aspiration, i * d, d);
            concession[i] = defaultConcession;
        }
        JsonNode entries = top.node.path("delegations");
        for (int j = 0; j < entries.size(); j++) {
            JsonNode entry = entries.get(j);
            String id = entry.path("id").asText("");
            int i = indexOf(delegations, id);
            if (!entry.isObject() || i < 0) {
                continue;
            }
            Node node = new Node(entry, "/delegations/" + j, "delegations[" + id + "]");
            double[] own = node.perDimension("aspiration", dims, Double.NaN, false);
            for (int k = 0; k < d; k++) {
                if (!Double.isNaN(own[k])) {
                    aspiration[i * d + k] = own[k];
                }
            }
            concession[i] = node.number("concession", defaultConcession, MIN_CONCESSION, MAX_CONCESSION);
        }
        Node exchange = top.object("exchange", List.of("model", "rate"));
        Node attendance = top.object("attendance", List.of("model", "full_capability", "exponent"));
        double fullCapability = attendance.number("full_capability", 1.0, 0, 1e9);
        if (fullCapability == 0) {
            attendance.problemAt("full_capability", "must be greater than 0");
        }
        Node voting = top.object("voting", List.of("discipline", "cross_pressured"));
        return new Scenario.Negotiation(
                new Scenario.Aspirations(objections, aspiration, concession),
                new Scenario.Exchange(Scenario.ExchangeModel.valueOf(enumName(
                        exchange.choice("model", "none", List.of("none", "stokman")))),
                        exchange.number("rate", 1.0, 0, 1)),
                new Scenario.Attendance(Scenario.AttendanceModel.valueOf(enumName(
                        attendance.choice("model", "all", List.of("all", "capacity")))),
                        fullCapability, attendance.number("exponent", 0.3, 0, 10)),
                new Scenario.Voting(Scenario.Discipline.valueOf(enumName(
                        voting.choice("discipline", "none", List.of("none", "bloc")))),
                        Scenario.CrossPressure.valueOf(enumName(
                                voting.choice("cross_pressured", "abstain", List.of("abstain", "sincere"))))));
    }

    /**
     * {@code positions_from} (docs/scenario-format.md): a dimension's positions from an ideal-points file by
     * the linear map through two anchors, position = p_A + (e - e_A) (p_B - p_A) / (e_B - e_A), clipped
     * to [0, 1]; delegations the file lacks keep their positions (a warning names them).
     */
    private void positionsFromIdealPoints(Node top, List<String> dims, List<Scenario.Delegation> delegations) {
        for (Node entry : top.list("positions_from", false)) {
            entry.allow(List.of("file", "ideal_dimension", "dimension", "anchors", "shrink", "prior_sd"));
            boolean shrink = entry.choice("shrink", "none", List.of("none", "groups")).equals("groups");
            double priorSd = entry.number("prior_sd", Double.NaN, 0, 100);
            String file = entry.requiredText("file");
            int idealDimension = entry.integer("ideal_dimension", 1, 1, 2);
            int k = dims.indexOf(entry.choice("dimension", null, dims));
            if (entry.value("dimension") == null) {
                entry.problemAt("dimension", "missing (required): one of " + String.join(", ", dims));
            }
            Node anchorsNode = entry.object("anchors", null);
            List<String> anchors = new ArrayList<>();
            anchorsNode.node.fieldNames().forEachRemaining(anchors::add);
            if (anchors.size() != 2) {
                entry.problemAt("anchors", "needs exactly two delegations with their positions, e.g. {USA: 0.15, RUS: 0.85}");
            }
            if (file == null || k < 0 || anchors.size() != 2) {
                continue;
            }
            Map<String, Double> estimates = new LinkedHashMap<>();
            try {
                Map<String, IdealPointsFile.Estimate> read =
                        IdealPointsFile.read(tree.file().toAbsolutePath().getParent().resolve(file), idealDimension);
                read.forEach((id, estimate) -> estimates.put(id, estimate.value()));
                if (shrink && read.values().stream().anyMatch(e -> Double.isNaN(e.standardError()))) {
                    entry.problemAt("shrink", file + " needs low and high columns (intervals) to shrink by them");
                    continue;
                }
                if (shrink) {
                    Map<String, List<String>> groupsOf = new LinkedHashMap<>();
                    delegations.forEach(d -> groupsOf.put(d.id(), d.groups()));
                    estimates.putAll(GroupShrinkage.posteriorMeans(read, groupsOf, priorSd));
                }
            } catch (InputException e) {
                e.problems().forEach(problems::add);
                continue;
            }
            double[] from = new double[2];
            double[] to = new double[2];
            for (int a = 0; a < 2; a++) {
                String anchor = anchors.get(a);
                to[a] = anchorsNode.number(anchor, Double.NaN, 0, 1);
                Double estimate = estimates.get(anchor);
                if (estimate == null) {
                    anchorsNode.problemAt(anchor, Suggestions.unknown("delegation in " + file, anchor, estimates.keySet()));
                    return;
                }
                from[a] = estimate;
            }
            if (from[0] == from[1] || Double.isNaN(to[0]) || Double.isNaN(to[1])) {
                entry.problemAt("anchors", "the two anchors need different estimates and positions in [0, 1]");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < delegations.size(); i++) {
                Scenario.Delegation d = delegations.get(i);
                Double estimate = estimates.get(d.id());
                if (estimate == null) {
                    missing.add(d.id());
                    continue;
                }
                double[] position = d.position().clone();
                position[k] = Math.max(0, Math.min(1, to[0] + (estimate - from[0]) * (to[1] - to[0]) / (from[1] - from[0])));
                delegations.set(i, d.withPreferences(position, d.salience()));
            }
            if (!missing.isEmpty()) {
                warnings.add(entry.locate("file", file + " has no estimate for " + String.join(", ", missing)
                        + ": their positions on '" + dims.get(k) + "' stay as written"));
            }
        }
    }

    /** The exponent e of the time-dependent concession tactic: Boulware below 1, conceder above. */
    static final double MIN_CONCESSION = 0.01;
    static final double MAX_CONCESSION = 100;

    private static int indexOf(List<Scenario.Delegation> delegations, String id) {
        for (int i = 0; i < delegations.size(); i++) {
            if (delegations.get(i).id() != null && delegations.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private List<Scenario.Item> bindAgenda(Node top, List<String> dims, int rounds) {
        List<Scenario.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node entry : top.list("agenda", false)) {
            String id = entry.requiredId("id");
            if (id != null && !seen.add(id)) {
                entry.problemAt("id", "duplicate agenda item id '" + id + "'");
            }
            if (id != null) {
                entry.field = "agenda[" + id + "]";
            }
            entry.allow(List.of("id", "title", "forum", "weights", "status_quo", "deadline", "sponsor", "text"));
            String forum = entry.choice("forum", "plenary", Scenario.FORUMS);
            double[] weights = entry.perDimension("weights", dims, 0.0, false);
            if (!entry.node.has("weights")) {
                entry.problemAt("weights", "missing: say which dimensions the item touches,"
                        + " e.g. weights: {" + (dims.isEmpty() ? "dimension" : dims.get(0)) + ": 1.0}");
            } else if (Arrays.stream(weights).noneMatch(w -> w > 0)) {
                entry.problemAt("weights", "at least one weight must be positive");
            }
            double[] statusQuo = entry.perDimension("status_quo", dims, Double.NaN, false);
            for (int k = 0; k < dims.size(); k++) {
                if (weights[k] > 0 && Double.isNaN(statusQuo[k])) {
                    entry.problemAt("status_quo", "missing a value for '" + dims.get(k)
                            + "', which the item weights");
                } else if (weights[k] == 0 && !Double.isNaN(statusQuo[k])) {
                    entry.problemAt("status_quo", "gives '" + dims.get(k)
                            + "', which the item does not weight; add a weight or remove it");
                }
            }
            int deadline = entry.integer("deadline", rounds, 1, 1_000_000);
            if (deadline > rounds) {
                warnings.add(entry.locate("deadline", "deadline " + deadline + " is after the last round ("
                        + rounds + "): if still open at the end, the item is recorded as open"));
            }
            String sponsor = entry.text("sponsor", null);
            if (sponsor != null && !ID.matcher(sponsor).matches()) {
                entry.problemAt("sponsor", "'" + sponsor + "' is not a valid id: name a delegation or a bloc");
                sponsor = null;
            }
            double[] text = entry.node.has("text") ? bindTabledText(entry, dims, weights) : null;
            items.add(new Scenario.Item(id, entry.text("title", id), forum, weights, statusQuo, deadline, sponsor,
                    text));
        }
        return items;
    }

    /** A tabled text: a value in [0, 1] on exactly the dimensions the item weights. */
    private static double[] bindTabledText(Node entry, List<String> dims, double[] weights) {
        double[] text = entry.perDimension("text", dims, Double.NaN, false);
        for (int k = 0; k < dims.size(); k++) {
            if (weights[k] > 0 && Double.isNaN(text[k])) {
                entry.problemAt("text", "missing a value for '" + dims.get(k) + "', which the item weights");
            } else if (weights[k] == 0 && !Double.isNaN(text[k])) {
                entry.problemAt("text", "gives '" + dims.get(k) + "', which the item does not weight;"
                        + " add a weight or remove it");
            }
        }
        return text;
    }

    private Scenario.Decision bindDecision(Node top, List<Scenario.Item> agenda, List<Scenario.Delegation> delegations,
                                           List<Scenario.Bloc> blocs) {
        Node node = top.object("decision", List.of("rule", "fallback", "majority", "quorum",
                "max_objecting_share", "standing_exponent", "abstention_band", "objections", "vote_model", "logit"));
        Scenario.VoteModel voteModel = Scenario.VoteModel.valueOf(enumName(node.choice("vote_model", "threshold",
                List.of("threshold", "spatial-logit"))));
        if (voteModel == Scenario.VoteModel.SPATIAL_LOGIT
                && "bloc".equals(top.node.path("voting").path("discipline").asText())) {
            node.problemAt("vote_model", "spatial-logit ballots do not combine with voting: {discipline: bloc};"
                    + " use one of them (a shared group's pull enters the logit through gamma)");
        }
        return new Scenario.Decision(
                Scenario.Rule.valueOf(enumName(node.choice("rule", "consensus", List.of("consensus", "vote")))),
                Scenario.Fallback.valueOf(enumName(node.choice("fallback", "vote", List.of("vote", "fail")))),
                node.number("majority", 0.5, 0.5, 1),
                node.number("quorum", 0.5, 0, 1),
                node.number("max_objecting_share", 0.0, 0, 0.99),
                node.number("standing_exponent", 0.5, 0, 2),
                node.number("abstention_band", 0.02, 0, 1),
                voteModel,
                bindLogit(node.object("logit", List.of("beta", "tau", "gamma", "valence", "sponsors", "affinity", "history")), agenda,
                        delegations, blocs));
    }

    /**
     * The spatial-logit vote's parameters (docs/scenario-format.md): beta, tau, gamma, and per item
     * id a valence and a sponsor (a delegation or a group); read, with their defaults, whatever the vote model.
     */
    private Scenario.Logit bindLogit(Node logit, List<Scenario.Item> agenda, List<Scenario.Delegation> delegations,
                                     List<Scenario.Bloc> blocs) {
        List<String> itemIds = agenda.stream().map(Scenario.Item::id).toList();
        Node valences = logit.object("valence", itemIds);
        Node sponsors = logit.object("sponsors", itemIds);
        Set<String> known = new LinkedHashSet<>();
        delegations.forEach(d -> known.add(d.id()));
        delegations.forEach(d -> known.addAll(d.groups()));
        blocs.forEach(b -> known.add(b.id()));
        known.remove(null); // invalid ids are reported where they are read
        double[] valence = new double[agenda.size()];
        String[] sponsor = new String[agenda.size()];
        for (int m = 0; m < agenda.size(); m++) {
            String id = itemIds.get(m);
            valence[m] = valences.number(id, 0.0, -LOGIT_LIMIT, LOGIT_LIMIT);
            sponsor[m] = sponsors.text(id, null);
            if (sponsor[m] != null && !known.contains(sponsor[m])) {
                sponsors.problemAt(id, Suggestions.unknown("delegation or group", sponsor[m], known));
                sponsor[m] = null;
            }
        }
        return new Scenario.Logit(logit.number("beta", 10.0, 0, LOGIT_LIMIT), logit.number("tau", 1.0, 0, LOGIT_LIMIT),
                logit.number("gamma", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT), valence, sponsor,
                logit.node.has("affinity") ? affinityFromVotes(logit.object("affinity", List.of("votes", "roll_calls",
                        "before_session")), sponsor, sponsors, itemIds, delegations) : null,
                logit.node.has("history") ? historyWeights(logit.object("history", List.of("alpha", "repeat"))) : null);
    }

    /** {@code logit.history}: alpha and the repeat weights of an earlier yes, no and abstention. */
    private static double[] historyWeights(Node history) {
        Node repeat = history.object("repeat", List.of("yes", "no", "abstain"));
        return new double[] {history.number("alpha", 1.0, 0, LOGIT_LIMIT), repeat.number("yes", 0.0, -LOGIT_LIMIT,
                LOGIT_LIMIT), repeat.number("no", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT),
            repeat.number("abstain", 0.0, -LOGIT_LIMIT, LOGIT_LIMIT)};
    }

    /** {@code logit.affinity}: each delegation's agreement with each item's sponsor in earlier roll calls. */
    private double[] affinityFromVotes(Node affinity, String[] sponsor, Node sponsors, List<String> itemIds,
                                       List<Scenario.Delegation> delegations) {
        String votes = affinity.requiredText("votes");
        String rollCalls = affinity.requiredText("roll_calls");
        int beforeSession = affinity.requiredInteger("before_session", 1, 1000);
        if (votes == null || rollCalls == null || beforeSession < 1) {
            return null;
        }
        Path here = tree.file().toAbsolutePath().getParent();
        RollCalls calls;
        try {
            calls = VotingAgreement.read(here.resolve(votes), here.resolve(rollCalls), beforeSession);
        } catch (InputException e) {
            e.problems().forEach(problems::add);
            return null;
        }
        List<String> ids = delegations.stream().map(Scenario.Delegation::id).toList();
        double[] values = new double[sponsor.length * ids.size()];
        for (int m = 0; m < sponsor.length; m++) {
            double[] agreement = sponsor[m] == null ? new double[ids.size()]
                    : VotingAgreement.withSponsor(calls, ids, sponsor[m]);
            if (agreement == null) {
                sponsors.problemAt(itemIds.get(m), "affinity from votes needs a sponsoring delegation that voted in "
                        + votes + " before session " + beforeSession + "; '" + sponsor[m] + "' did not");
                return null;
            }
            System.arraycopy(agreement, 0, values, m * ids.size(), ids.size());
        }
        return values;
    }

    /** The largest magnitude of a spatial-logit parameter: far beyond where probabilities saturate. */
    static final double LOGIT_LIMIT = 1000;

    private Scenario.Chair bindChair(Node top) {
        Node node = top.object("chair", List.of("accommodation", "accommodate_toward", "concessions_on_withdrawal",
                "concession_decay"));
        return new Scenario.Chair(node.number("accommodation", 0.2, 0, 1),
                Scenario.AccommodationTarget.valueOf(enumName(node.choice("accommodate_toward", "position",
                        List.of("position", "ideal")))),
                Scenario.ConcessionsOnWithdrawal.valueOf(enumName(node.choice("concessions_on_withdrawal", "drop",
                        List.of("keep", "drop", "decay")))),
                node.number("concession_decay", 0.2, 0, 1));
    }

    private Scenario.Influence bindInfluence(Node top) {
        Node node = top.object("influence", List.of("model", "rate", "anchor", "affinity", "salience_resistance",
                "meetings", "noise"));
        String model = node.choice("model", "hegselmann-krause", List.of("hegselmann-krause", "deffuant", "none"));
        return new Scenario.Influence(Scenario.InfluenceModel.valueOf(enumName(model)),
                node.number("rate", 0.3, 0, 1),
                node.number("anchor", 0.05, 0, 1),
                node.number("affinity", 1.0, 0, 100),
                node.number("salience_resistance", 0.5, 0, 1),
                node.number("meetings", 1.0, 0, 1000),
                node.number("noise", 0.01, 0, 0.5));
    }

    private Scenario.Coalitions bindCoalitions(Node top) {
        Node node = top.object("coalitions", List.of("method", "radius", "min_members", "starts", "bloc_bonus"));
        String method = node.choice("method", "dbscan", List.of("dbscan", "landscape"));
        double radius = node.number("radius", 0.12, 0, 2);
        if (radius == 0) {
            node.problemAt("radius", "must be greater than 0");
        }
        return new Scenario.Coalitions(Scenario.CoalitionMethod.valueOf(enumName(method)), radius,
                node.integer("min_members", 2, 1, 1_000_000), node.integer("starts", 20, 1, 100_000),
                node.number("bloc_bonus", 0.5, 0, 10));
    }

    private Scenario.Formation bindFormation(Node top) {
        Node node = top.object("coalition_formation", List.of("model", "reach", "bloc_affinity", "switching_cost", "merge_distance",
                "min_members", "cohesion"));
        String model = node.choice("model", "none", List.of("none", "alliance"));
        return new Scenario.Formation(Scenario.FormationModel.valueOf(enumName(model)),
                node.number("reach", 0.1, 0.01, 2),
                node.number("bloc_affinity", 1, 0, 100),
                node.number("switching_cost", 0.02, 0, 10),
                node.number("merge_distance", 0.05, 0, 2),
                node.integer("min_members", 2, 1, 1_000_000),
                node.number("cohesion", 0.5, 0, 1));
    }

    private Scenario.AgendaSetting bindAgendaSetting(Node top) {
        Node node = top.object("agenda_setting", List.of("model", "proposers", "pen", "compromise", "proposal",
                "recognition_exponent"));
        String model = node.choice("model", "none", List.of("none", "tabling"));
        return new Scenario.AgendaSetting(Scenario.AgendaModel.valueOf(enumName(model)),
                node.integer("proposers", 1, 0, 1_000_000),
                node.number("pen", 0.5, 0, 1),
                node.number("compromise", 0.5, 0, 1),
                Scenario.Proposal.valueOf(enumName(node.choice("proposal", "coalition-text",
                        List.of("coalition-text", "closed-rule")))),
                node.number("recognition_exponent", 1, 0, 10));
    }

    /** A sponsor is a delegation or a coordinating bloc, and drafts only with agenda-setting on. */
    private void checkSponsors(Node top, List<Scenario.Item> agenda, Scenario.AgendaSetting setting,
                               Set<String> delegationIds, List<Scenario.Bloc> blocs) {
        for (Scenario.Item item : agenda) {
            String sponsor = item.sponsor();
            if (sponsor == null) {
                continue;
            }
            String pointer = "/agenda/" + indexOfItem(top, item.id()) + "/sponsor";
            String field = "agenda[" + item.id() + "].sponsor";
            Scenario.Bloc bloc = blocs.stream().filter(b -> b.id().equals(sponsor)).findFirst().orElse(null);
            if (!setting.on()) {
                problem(pointer, field, "a sponsor drafts the first text only with agenda_setting: {model: tabling}");
            } else if (bloc != null && bloc.cohesion() <= 0) {
                problem(pointer, field, "bloc '" + sponsor + "' has cohesion 0: it does not coordinate, so it cannot"
                        + " sponsor a text; name a delegation or a bloc with cohesion above 0");
            } else if (bloc == null && !delegationIds.contains(sponsor)) {
                Set<String> known = new LinkedHashSet<>(delegationIds);
                blocs.forEach(b -> known.add(b.id()));
                problem(pointer, field, Suggestions.unknown("delegation or bloc", sponsor, known));
            }
        }
    }

    private static int indexOfItem(Node top, String id) {
        JsonNode list = top.node.path("agenda");
        for (int index = 0; index < list.size(); index++) {
            if (id.equals(list.get(index).path("id").asText())) {
                return index;
            }
        }
        return 0;
    }

    private List<Scenario.Event> bindEvents(Node top, int rounds, List<String> dims, Set<String> delegationIds,
                                            Set<String> groups) {
        List<Scenario.Event> events = new ArrayList<>();
        List<String> types = List.of("withdraw", "disengage", "reengage", "set", "join", "leave");
        for (Node entry : top.list("events", false)) {
            entry.allow(List.of("round", "type", "delegation", "bloc", "dimensions", "forums", "attribute", "value"));
            int round = entry.requiredInteger("round", 1, 1_000_000);
            if (round > rounds) {
                warnings.add(entry.locate("round", "the event at round " + round + " never happens: the scenario"
                        + " has " + rounds + " rounds"));
            }
            String typeName = entry.requiredChoice("type", types);
            Scenario.EventType type = typeName == null ? null : Scenario.EventType.valueOf(enumName(typeName));
            String delegation = entry.text("delegation", null);
            String bloc = entry.text("bloc", null);
            boolean blocLevel = type == Scenario.EventType.SET && delegation == null && bloc != null;
            if (type != null) {
                for (String field : EVENT_FIELDS.get(type)) {
                    if (entry.node.has(field)) {
                        entry.problemAt(field, "not used by a " + typeName + " event; remove it");
                    }
                }
            }
            if (delegation == null && !blocLevel && type != null) {
                entry.problemAt("delegation", "missing: a " + typeName + " event names the delegation it concerns");
            } else if (delegation != null && !delegationIds.contains(delegation)) {
                entry.problemAt("delegation", Suggestions.unknown("delegation", delegation, delegationIds));
            }
            if ((type == Scenario.EventType.JOIN || type == Scenario.EventType.LEAVE || blocLevel)) {
                if (bloc == null) {
                    entry.problemAt("bloc", "missing: a " + typeName + " event names a bloc");
                } else if (!ID.matcher(bloc).matches()) {
                    entry.problemAt("bloc", "not a valid id: '" + bloc + "'");
                } else if (type != Scenario.EventType.JOIN && !groups.contains(bloc)) {
                    entry.problemAt("bloc", Suggestions.unknown("bloc", bloc, groups));
                }
            }
            List<String> eventDims = entry.idList("dimensions");
            for (String dim : eventDims) {
                if (!dims.contains(dim)) {
                    entry.problemAt("dimensions", Suggestions.unknown("dimension", dim, dims));
                }
            }
            List<String> forums = entry.idList("forums");
            for (String forum : forums) {
                if (!Scenario.FORUMS.contains(forum)) {
                    entry.problemAt("forums", Suggestions.unknown("forum", forum, Scenario.FORUMS));
                }
            }
            if (type == Scenario.EventType.DISENGAGE && eventDims.isEmpty() && forums.isEmpty()) {
                entry.problemAt("type", "a disengage event lists the dimensions and/or forums it leaves"
                        + " (use type: withdraw to leave the assembly)");
            }
            String attribute = null;
            double value = Double.NaN;
            if (type == Scenario.EventType.SET) {
                attribute = entry.requiredText("attribute");
                value = entry.requiredNumber("value");
                if (attribute != null && !Double.isNaN(value)) {
                    checkSetAttribute(entry, blocLevel, attribute, value, dims);
                }
            }
            events.add(new Scenario.Event(round, type, delegation, bloc, eventDims, forums, attribute, value));
        }
        return events;
    }

    /** Fields each event type does not use: giving them is a mistake worth reporting. */
    private static final java.util.Map<Scenario.EventType, List<String>> EVENT_FIELDS = java.util.Map.of(
            Scenario.EventType.WITHDRAW, List.of("bloc", "dimensions", "forums", "attribute", "value"),
            Scenario.EventType.DISENGAGE, List.of("bloc", "attribute", "value"),
            Scenario.EventType.REENGAGE, List.of("bloc", "attribute", "value"),
            Scenario.EventType.SET, List.of("dimensions", "forums"),
            Scenario.EventType.JOIN, List.of("dimensions", "forums", "attribute", "value"),
            Scenario.EventType.LEAVE, List.of("dimensions", "forums", "attribute", "value"));

    private void checkSetAttribute(Node entry, boolean blocLevel, String attribute, double value, List<String> dims) {
        double max;
        if (blocLevel) {
            if (!attribute.equals("cohesion")) {
                entry.problemAt("attribute", Suggestions.unknown("bloc attribute", attribute, List.of("cohesion")));
                return;
            }
            max = 1;
        } else if (attribute.startsWith("position.") || attribute.startsWith("salience.")) {
            String dim = attribute.substring(attribute.indexOf('.') + 1);
            if (!dims.contains(dim)) {
                entry.problemAt("attribute", Suggestions.unknown("dimension", dim, dims));
                return;
            }
            max = 1;
        } else {
            List<String> plain = List.of("capability", "openness", "tolerance", "objection_threshold");
            if (!plain.contains(attribute)) {
                entry.problemAt("attribute", Suggestions.unknown("attribute", attribute, SET_ATTRIBUTES));
                return;
            }
            max = attribute.equals("capability") ? 1e9 : attribute.equals("objection_threshold") ? 1e6 : 1;
        }
        if (value < 0 || value > max) {
            entry.problemAt("value", "out of range for " + attribute + ": must be in [0, " + fmt(max) + "], got "
                    + fmt(value));
        }
    }

    private List<Scenario.SweepAxis> bindSweep(Node top) {
        List<Scenario.SweepAxis> axes = new ArrayList<>();
        for (Node entry : top.list("sweep", false)) {
            entry.allow(List.of("path", "values"));
            String path = entry.requiredText("path");
            JsonNode values = entry.node.get("values");
            List<String> texts = new ArrayList<>();
            if (values == null || !values.isArray() || values.isEmpty()) {
                entry.problemAt("values", "a sweep axis needs a non-empty list of values");
            } else {
                for (JsonNode value : values) {
                    if (!value.isValueNode() || value.isNull()) {
                        entry.problemAt("values", "sweep values must be single values, got " + describe(value));
                    }
                    texts.add(value.asText());
                }
            }
            axes.add(new Scenario.SweepAxis(path, List.copyOf(texts)));
        }
        return axes;
    }

    private static String enumName(String text) {
        return text.toUpperCase().replace('-', '_');
    }

    private static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }

    /**
     * Hegselmann-Krause moves a position to o_i mu (1 - rho s_ik) of the way toward its neighbours'
     * mean and lambda of the way toward its ideal point at once: a weighted average of the three (which
     * stays in [0, 1]) only when mu o_i + lambda &lt;= 1 for every delegation and every openness an
     * event sets.
     */
    private void checkConvexInfluence(Scenario.Influence influence, List<Scenario.Delegation> delegations,
                                      List<Scenario.Event> events) {
        if (influence.model() != Scenario.InfluenceModel.HEGSELMANN_KRAUSE) {
            return;
        }
        String widest = null;
        double openness = -1;
        for (Scenario.Delegation d : delegations) {
            if (d.openness() > openness) {
                openness = d.openness();
                widest = d.id();
            }
        }
        for (Scenario.Event e : events) {
            if ("openness".equals(e.attribute()) && e.value() > openness) {
                openness = e.value();
                widest = e.delegation() + " (set at round " + e.round() + ")";
            }
        }
        double step = influence.rate() * openness + influence.anchor();
        if (widest != null && step > 1 + 1e-12) {
            problem("/influence/rate", "influence.rate", "rate x openness + anchor must be at most 1, or a"
                    + " position overshoots its neighbours' mean and its ideal point; " + widest + " has openness "
                    + fmt(openness) + ", giving " + fmt(influence.rate()) + " x " + fmt(openness) + " + "
                    + fmt(influence.anchor()) + " = " + fmt(step) + " (lower influence.rate, influence.anchor or"
                    + " the openness)");
        }
    }

    private void problem(String pointer, String field, String message) {
        SourceTree.Origin origin = tree.originOf(pointer);
        problems.add(new Problem(origin.source(), origin.line(), field, message));
    }

    /**
     * Preference profiles (docs/scenario-format.md, "profiles"): positions and saliences a
     * delegation does not give are derived from its groups. On each dimension the value is the
     * mean of the profiles of the delegation's groups that give one, else the default profile's,
     * else (salience only) delegation_defaults.salience; then per-delegation adjustments are added
     * and seeded Gaussian noise of sd {@code noise}, clamped to [0, 1]. The noise depends only on
     * (profiles.seed, delegation id, dimension), so a state's preferences do not change between
     * runs or when other states are added.
     */
    private final class Profiles {
        static final List<String> KEYS = List.of("seed", "noise", "default", "groups", "adjust", "as_of");
        private final List<String> dims;
        private final long seed;
        private final double noise;
        private final double[][] defaults;
        private final java.util.Map<String, double[][]> groups = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, double[][]> adjustments = new java.util.LinkedHashMap<>();
        /** Every delegation with an adjustment, in force at profiles.as_of or not. */
        private final Set<String> adjusted = new LinkedHashSet<>();
        private final Node node;
        private final double[] fallbackSalience;

        Profiles(Node node, List<String> dims) {
            this.node = node;
            this.dims = dims;
            seed = node.longValue("seed", 1L);
            noise = node.number("noise", 0.0, 0, 0.5);
            defaults = profile(node.object("default", List.of("position", "salience")), 0, 1);
            Node groupsNode = node.object("groups", null);
            groupsNode.node.fieldNames().forEachRemaining(group -> groups.put(group,
                    profile(groupsNode.object(group, List.of("position", "salience")), 0, 1)));
            Node adjustNode = node.object("adjust", null);
            java.time.LocalDate asOf = node.date("as_of");
            adjustNode.node.fieldNames().forEachRemaining(id -> {
                Node adjustment = adjustNode.object(id, List.of("position", "salience", "from", "until"));
                double[][] values = profile(adjustment, -1, 1);
                adjusted.add(id);
                if (inForce(asOf, adjustment.date("from"), adjustment.date("until"), adjustment)) {
                    adjustments.put(id, values);
                }
            });
            fallbackSalience = defaultSalience;
        }

        /**
         * A dated adjustment is in force from {@code from} (inclusive) until {@code until} (exclusive); with
         * no profiles.as_of the scenario is set when its adjustments were written, and all apply.
         */
        private static boolean inForce(java.time.LocalDate asOf, java.time.LocalDate from, java.time.LocalDate until,
                                       Node adjustment) {
            if (from != null && until != null && !from.isBefore(until)) {
                adjustment.problemAt("until", "must be after from (" + from + ")");
            }
            return asOf == null || (from == null || !asOf.isBefore(from)) && (until == null || asOf.isBefore(until));
        }

        private double[] filled(double value) {
            double[] values = new double[dims.size()];
            Arrays.fill(values, value);
            return values;
        }

        /** {position, salience} per dimension, NaN where the profile is silent; values in [min, 1]. */
        private double[][] profile(Node profile, double min, double max) {
            double[][] values = {filled(Double.NaN), filled(Double.NaN)};
            String[] keys = {"position", "salience"};
            for (int part = 0; part < 2; part++) {
                if (!profile.node.has(keys[part])) {
                    continue;
                }
                Node map = profile.object(keys[part], dims);
                for (int k = 0; k < dims.size(); k++) {
                    if (map.node.has(dims.get(k))) {
                        values[part][k] = map.number(dims.get(k), Double.NaN, min, max);
                    }
                }
            }
            return values;
        }

        void fill(List<Scenario.Delegation> delegations) {
            Set<String> ids = new HashSet<>();
            delegations.forEach(d -> ids.add(d.id()));
            for (String id : adjusted) {
                if (!ids.contains(id)) {
                    node.problemAt("adjust", Suggestions.unknown("delegation", id, ids));
                }
            }
            for (int i = 0; i < delegations.size(); i++) {
                Scenario.Delegation d = delegations.get(i);
                if (d.id() == null) {
                    continue; // reported as missing; its noise would be seeded by its id
                }
                double[] position = d.position().clone();
                double[] salience = d.salience().clone();
                for (int k = 0; k < dims.size(); k++) {
                    if (Double.isNaN(position[k])) {
                        position[k] = derive(d, 0, k, Double.NaN);
                        if (Double.isNaN(position[k])) {
                            problem(delegationPointer(d.id()), "delegations[" + d.id() + "].position",
                                    "no value for dimension '" + dims.get(k) + "': give it, or a profile for one of"
                                            + " the groups " + d.groups() + " or a default profile");
                        }
                    }
                    if (Double.isNaN(salience[k])) {
                        salience[k] = derive(d, 1, k, fallbackSalience[k]);
                    }
                }
                delegations.set(i, d.withPreferences(position, salience));
            }
        }

        /** Where a delegation was written (its inline entry or delegations file row), found by id. */
        private String delegationPointer(String id) {
            JsonNode entries = tree.root().path("delegations");
            for (int j = 0; j < entries.size(); j++) {
                if (id.equals(entries.get(j).path("id").asText(null))) {
                    return "/delegations/" + j;
                }
            }
            return "/delegations";
        }

        /** One derived value: group mean or default, plus adjustment and noise (positions only), clamped. */
        private double derive(Scenario.Delegation d, int part, int k, double fallback) {
            double sum = 0;
            int count = 0;
            for (String group : d.groups()) {
                double[][] profile = groups.get(group);
                if (profile != null && !Double.isNaN(profile[part][k])) {
                    sum += profile[part][k];
                    count++;
                }
            }
            double value = count > 0 ? sum / count : Double.isNaN(defaults[part][k]) ? fallback : defaults[part][k];
            if (Double.isNaN(value)) {
                return value;
            }
            double[][] adjustment = adjustments.get(d.id());
            if (adjustment != null && !Double.isNaN(adjustment[part][k])) {
                value += adjustment[part][k];
            }
            if (part == 0 && noise > 0) {
                value += noise * standardNormal(seed, d.id(), k);
            }
            return Math.min(1, Math.max(0, value));
        }
    }

    /**
     * Profile noise draws, memoised by (seed, delegation, dimension): seeding a generator per state
     * and dimension dominated binding, and sweeps and sensitivity samples bind every point.
     */
    private static final java.util.Map<List<Object>, Double> NOISE = new java.util.concurrent.ConcurrentHashMap<>();

    private static double standardNormal(long seed, String delegation, int k) {
        if (NOISE.size() > 1_000_000) {
            NOISE.clear();
        }
        return NOISE.computeIfAbsent(List.of(seed, delegation, k), key -> new ec.util.MersenneTwisterFast(
                new int[] {(int) (seed >>> 32), (int) seed, delegation.hashCode(), k}).nextGaussian());
    }

    /** A mapping in the tree, with its pointer and display path, read with defaults and ranges. */
    private final class Node {
        final JsonNode node;
        final String pointer;
        String field;

        Node(JsonNode node, String pointer, String field) {
            this.node = node;
            this.pointer = pointer;
            this.field = field;
        }

        /** Reports keys outside {@code allowed}; null allows any key (e.g. a mapping keyed by group id). */
        void allow(List<String> allowed) {
            if (allowed == null || !node.isObject()) {
                return;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    problemAt(key, Suggestions.unknown("key", key, allowed));
                }
            });
        }

        String path(String key) {
            return field.isEmpty() ? key : field + "." + key;
        }

        String pointer(String key) {
            return pointer + "/" + SourceTree.segment(key);
        }

        void problemAt(String key, String message) {
            problem(pointer(key), path(key), message);
        }

        Problem locate(String key, String message) {
            SourceTree.Origin origin = tree.originOf(pointer(key));
            return new Problem(origin.source(), origin.line(), path(key), message);
        }

        JsonNode value(String key) {
            JsonNode value = node.get(key);
            return value == null || value.isNull() ? null : value;
        }

        Node object(String key, List<String> allowed) {
            JsonNode value = value(key);
            if (value != null && !value.isObject()) {
                problemAt(key, "must be a mapping of keys, got " + describe(value));
                value = null;
            }
            Node object = new Node(value == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : value, pointer(key), path(key));
            object.allow(allowed);
            return object;
        }

        List<Node> list(String key, boolean required) {
            JsonNode value = value(key);
            List<Node> entries = new ArrayList<>();
            if (value == null) {
                if (required) {
                    problemAt(key, "missing (required)");
                }
                return entries;
            }
            if (!value.isArray()) {
                problemAt(key, "must be a list, got " + describe(value));
                return entries;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String elementPointer = pointer(key) + "/" + i;
                String elementField = path(key) + "[" + i + "]";
                if (!element.isObject()) {
                    problem(elementPointer, elementField, "must be a mapping of keys, got " + describe(element));
                    continue;
                }
                entries.add(new Node(element, elementPointer, elementField));
            }
            return entries;
        }

        String text(String key, String fallback) {
            JsonNode value = value(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isValueNode() || value.isBoolean()) {
                problemAt(key, "must be text, got " + describe(value)
                        + (value.isBoolean() ? " (YAML reads yes/no/on/off as true/false: quote the text)" : ""));
                return fallback;
            }
            return value.asText();
        }

        /** A calendar date written YYYY-MM-DD, or null when absent or not a date (reported). */
        java.time.LocalDate date(String key) {
            String text = text(key, null);
            try {
                return text == null ? null : java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                problemAt(key, "not a date: '" + text + "' (write YYYY-MM-DD, e.g. 2018-12-05)");
                return null;
            }
        }

        String requiredText(String key) {
            String text = text(key, null);
            if (text == null && value(key) == null) {
                problemAt(key, "missing (required)");
            }
            return text;
        }

        String requiredId(String key) {
            JsonNode value = value(key);
            if (value != null && value.isNumber() && !Double.isFinite(value.asDouble())) {
                problemAt(key, "must be text, got the number " + value.asText() + ": quote an id that YAML reads as"
                        + " a number");
                return null;
            }
            String text = requiredText(key);
            if (text != null && !ID.matcher(text).matches()) {
                problemAt(key, "'" + text + "' is not a valid id: use letters, digits, '_' or '-',"
                        + " at most 64 characters");
                return null;
            }
            return text;
        }

        List<String> idList(String key) {
            JsonNode value = value(key);
            List<String> ids = new ArrayList<>();
            if (value == null) {
                return ids;
            }
            if (!value.isArray()) {
                problemAt(key, "must be a list such as [A, B], got " + describe(value));
                return ids;
            }
            for (JsonNode element : value) {
                if (!element.isValueNode() || !ID.matcher(element.asText()).matches()) {
                    problemAt(key, "'" + element.asText() + "' is not a valid id");
                } else if (!ids.contains(element.asText())) {
                    ids.add(element.asText());
                }
            }
            return List.copyOf(ids);
        }

        boolean bool(String key, boolean fallback) {
            JsonNode value = value(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isBoolean()) {
                problemAt(key, "must be true or false, got " + describe(value));
                return fallback;
            }
            return value.asBoolean();
        }

        String choice(String key, String fallback, List<String> options) {
            String text = text(key, fallback);
            if (text != null && !options.contains(text)) {
                problemAt(key, Suggestions.unknown("value", text, options));
                return fallback;
            }
            return text;
        }

        String requiredChoice(String key, List<String> options) {
            if (value(key) == null) {
                problemAt(key, "missing (required): one of " + String.join(", ", options));
                return null;
            }
            String text = text(key, null);
            if (text != null && !options.contains(text)) {
                problemAt(key, Suggestions.unknown("value", text, options));
                return null;
            }
            return text;
        }

        double number(String key, double fallback, double min, double max) {
            JsonNode value = value(key);
            if (value == null) {
                return fallback;
            }
            double number = toNumber(key, value);
            if (Double.isNaN(number)) {
                return fallback;
            }
            if (number < min || number > max) {
                problemAt(key, "out of range: must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(number));
                return fallback;
            }
            return number;
        }

        double requiredNumber(String key) {
            JsonNode value = value(key);
            if (value == null) {
                problemAt(key, "missing (required)");
                return Double.NaN;
            }
            return toNumber(key, value);
        }

        /** The value as a finite number, or NaN after reporting why it is not one. */
        double toNumber(String key, JsonNode value) {
            if (!value.isNumber()) {
                problemAt(key, "must be a number, got " + describe(value));
                return Double.NaN;
            }
            double number = value.asDouble();
            if (!Double.isFinite(number)) {
                problemAt(key, "must be a finite number, got " + value.asText());
                return Double.NaN;
            }
            return number;
        }

        int integer(String key, int fallback, int min, int max) {
            JsonNode value = value(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isIntegralNumber()) {
                problemAt(key, "must be a whole number, got " + describe(value));
                return fallback;
            }
            long number = value.asLong();
            if (number < min || number > max) {
                problemAt(key, "out of range: must be in [" + min + ", " + max + "], got " + number);
                return fallback;
            }
            return (int) number;
        }

        int requiredInteger(String key, int min, int max) {
            if (value(key) == null) {
                problemAt(key, "missing (required)");
                return min;
            }
            return integer(key, min, min, max);
        }

        long longValue(String key, long fallback) {
            JsonNode value = value(key);
            if (value == null) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                problemAt(key, "must be a whole number (a 64-bit integer), got " + describe(value));
                return fallback;
            }
            return value.asLong();
        }

        /**
         * A mapping from dimension id to a value in [0, 1] (for weights: [0, 100]). Missing
         * dimensions get the fallback; with {@code required}, every dimension must be given.
         */
        double[] perDimension(String key, List<String> dims, double fallback, boolean required) {
            double[] values = new double[dims.size()];
            Arrays.fill(values, fallback);
            JsonNode value = value(key);
            if (value == null) {
                if (required) {
                    problemAt(key, "missing (required): a value in [0, 1] for each dimension ("
                            + String.join(", ", dims) + ")");
                }
                return values;
            }
            double max = key.equals("weights") ? 100 : 1;
            if (value.isNumber() && !required) {
                double number = number(key, fallback, 0, max);
                Arrays.fill(values, number);
                return values;
            }
            Node map = object(key, dims);
            if (!value.isObject()) {
                return values;
            }
            for (int k = 0; k < dims.size(); k++) {
                if (map.node.has(dims.get(k))) {
                    double number = map.number(dims.get(k), Double.NaN, 0, max);
                    values[k] = number;
                } else if (required) {
                    problemAt(key, "missing a value for dimension '" + dims.get(k) + "'");
                }
            }
            return values;
        }
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "text '" + value.asText() + "'";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        return value.asText();
    }
}
