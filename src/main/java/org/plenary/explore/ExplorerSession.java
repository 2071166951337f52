package org.plenary.explore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.results.RunAggregate;
import org.plenary.results.SummaryWriter;
import org.plenary.scenario.DelegationsFile;
import org.plenary.scenario.InputException;
import org.plenary.scenario.KtabFile;
import org.plenary.scenario.MembersFile;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioBinder;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.scenario.SourceTree;
import org.plenary.scenario.YamlLoader;
import org.plenary.sim.Experiment;

/**
 * What one explorer shows: the chosen scenario, the settings changed in the form (as {@code --set}
 * overrides), the events triggered by hand, and replication 1 of the scenario they make, stepped
 * round by round. The scenario is always rebuilt from the file through the CLI's pipeline (read,
 * merge the delegations file, override, validate), hand events included as scenario events, and
 * replayed from round 0: what is shown is exactly what {@code plenary run} of {@link #exportYaml()}
 * records as replication 1. Methods are synchronized: the page's requests and the play timer share it.
 */
public final class ExplorerSession {
    /** The longest scenario the explorer plays (it keeps every round in memory). */
    public static final int MAX_ROUNDS = 5000;
    /** The most replications one "run N replications" request may ask for. */
    public static final int MAX_REPLICATIONS = 2000;
    /** The most events one replication may be given by hand: each makes every later change replay longer. */
    public static final int MAX_HAND_EVENTS = 200;
    /** Where problems with hand-triggered events come from, in messages. */
    static final String EVENT_SOURCE = "event";

    /** An event triggered by hand, in the scenario format's terms (docs/scenario-format.md, events). */
    public record HandEvent(int round, String type, String delegation, String forum, String dimension,
                            String value, String body) {

        ObjectNode toYaml() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("round", round);
            node.put("type", type);
            node.put("delegation", delegation);
            if (type.equals("set")) {
                node.put("attribute", "salience." + dimension);
                if (value != null) {
                    // A number where the text is a plain decimal; other text is left for the validator to report.
                    if (value.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                        node.put("value", Double.parseDouble(value));
                    } else {
                        node.put("value", value);
                    }
                }
            } else if (!type.equals("withdraw")) {
                if (forum != null) {
                    node.putArray("forums").add(forum);
                }
                if (dimension != null) {
                    node.putArray("dimensions").add(dimension);
                }
            }
            if (body != null) {
                // A withdraw or reengage in one standards body; on any other type the validator reports it.
                node.put("body", body);
            }
            return node;
        }
    }

    private final ScenarioCatalog catalog;
    private final int threads;
    private ScenarioCatalog.Entry entry;
    private Map<String, String> settings = new LinkedHashMap<>();
    private List<HandEvent> events = new ArrayList<>();
    private Scenario scenario;
    private List<Problem> warnings = List.of();
    private LiveReplication live;

    /** Opens the catalog's first scenario (a file given on the command line, if any); its problems if invalid. */
    public ExplorerSession(ScenarioCatalog catalog, int threads) throws InputException {
        this.catalog = catalog;
        this.threads = threads;
        if (catalog.entries().isEmpty()) {
            throw new InputException(new Problem("explore", 0, "", "no scenario to explore: give a scenario file,"
                    + " or start it in the project folder, where scenarios/ holds the bundled ones"));
        }
        open(0);
    }

    /** Opens a scenario of the catalog with its own settings: no overrides, no hand events, round 0. */
    public synchronized void open(int index) throws InputException {
        ScenarioCatalog.Entry chosen = catalog.get(index);
        if (chosen == null) {
            throw new InputException(new Problem("scenario", 0, "scenario", "no scenario number " + index
                    + " (0 to " + (catalog.entries().size() - 1) + ")"));
        }
        ScenarioBinder.Result result = build(chosen.file(), Map.of(), List.of(), List.of());
        entry = chosen;
        install(result, new LinkedHashMap<>(), new ArrayList<>(), 0);
    }

    /**
     * Applies the form's changed values (path to value, as after {@code --set}) on top of the earlier
     * ones and replays to the current round. All or nothing: with any problem nothing changes.
     */
    public synchronized void apply(Map<String, String> changes) throws InputException {
        Map<String, String> next = new LinkedHashMap<>(settings);
        next.putAll(changes);
        install(build(entry.file(), next, events, List.of()), next, events, live.round());
    }

    /** Plays one round; false when the scenario's last round was already played. */
    public synchronized boolean step() {
        if (live.finished()) {
            return false;
        }
        live.step();
        return true;
    }

    /** Back to round 0 with the same settings and hand events. */
    public synchronized void reset() {
        live = new LiveReplication(scenario);
    }

    /**
     * Triggers an event now: it becomes a scenario event at the current round (round 1 before any
     * round is played), and the replication is replayed to the current round with it, so its effect
     * shows at once.
     */
    public synchronized void trigger(String type, String delegation, String forum, String dimension, String value,
                                     String body) throws InputException {
        int round = Math.max(1, live.round());
        if (events.size() >= MAX_HAND_EVENTS) {
            throw new InputException(new Problem(EVENT_SOURCE, 0, "type", "at most " + MAX_HAND_EVENTS
                    + " events can be triggered by hand in one replication; export the scenario and add more"
                    + " events to the file"));
        }
        int i = delegationIndex(delegation);
        int b = scenario.bodies().indexOf(body);
        if (type.equals("withdraw") && body == null && i >= 0 && isWithdrawn(delegation)) {
            throw new InputException(new Problem(EVENT_SOURCE, 0, "delegation", delegation + " has already withdrawn"));
        }
        if (i >= 0 && b >= 0) {
            checkMembershipChange(type, i, b);
        }
        List<HandEvent> next = new ArrayList<>(events);
        next.add(new HandEvent(round, type, delegation, forum, dimension, value, body));
        install(build(entry.file(), settings, next, List.of()), settings, next, live.round());
    }

    private int delegationIndex(String delegation) {
        for (int i = 0; i < scenario.delegations().size(); i++) {
            if (scenario.delegations().get(i).id().equals(delegation)) {
                return i;
            }
        }
        return -1;
    }

    /** Withdrawn from the whole assembly (a withdrawal from one body only leaves it a member of the others). */
    private boolean isWithdrawn(String delegation) {
        for (HandEvent event : events) {
            if (event.type().equals("withdraw") && event.body() == null && event.delegation().equals(delegation)) {
                return true;
            }
        }
        return scenario.events().stream().anyMatch(e -> e.type() == Scenario.EventType.WITHDRAW && e.body() == null
                && delegation.equals(e.delegation()) && e.round() <= Math.max(1, live.round()));
    }

    /**
     * A withdrawal from, or a return to, one body (the events' {@code body}) only where it changes something:
     * leaving a body the delegation is a member of now, returning to one it belongs to by the scenario but
     * has left.
     */
    private void checkMembershipChange(String type, int i, int b) throws InputException {
        String id = scenario.delegations().get(i).id();
        String body = scenario.bodies().list().get(b).id();
        boolean declared = scenario.bodies().roles().getOrDefault(id, Map.of()).containsKey(body);
        boolean member = live.role(i, b) != null;
        String refusal = type.equals("withdraw") && !member ? id + " is not a member of " + body + " now"
                : type.equals("reengage") && !declared ? id + " is not a member of " + body + " in the scenario;"
                        + " membership is declared in the delegation's 'membership'"
                : type.equals("reengage") && member ? id + " is a member of " + body + " already" : null;
        if (refusal != null) {
            throw new InputException(new Problem(EVENT_SOURCE, 0, "body", refusal));
        }
    }

    /** Runs N replications of the current scenario as {@code plenary run} would and summarises them. */
    public Map<String, Object> replicate(int replications) throws InputException, InterruptedException {
        Scenario many;
        synchronized (this) {
            if (replications > MAX_REPLICATIONS) {
                throw new InputException(new Problem("--replications " + replications, 0, "replications",
                        "the explorer runs at most " + MAX_REPLICATIONS + " replications at once; use plenary run"
                                + " for more"));
            }
            many = build(entry.file(), settings, events,
                    List.of(Overrides.Assignment.option("--replications", "replications", replications))).scenario();
        }
        RunAggregate aggregate = new RunAggregate(many);
        Experiment.run(many, 0, threads, aggregate::add);
        return SummaryWriter.summary(aggregate);
    }

    /** The current settings and hand events as a scenario file that plenary run reproduces exactly. */
    public synchronized String exportYaml() {
        return "# Exported by plenary explore from " + entry.label() + " with " + settings.size()
                + " changed setting(s) and " + events.size() + " event(s) triggered by hand.\n"
                + "# Replication 1 of 'plenary run' on this file is the replication the explorer showed.\n"
                + ScenarioYaml.write(scenario);
    }

    /** The scenario, the form and the catalog: what the page needs after opening or changing settings. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Object> scenarios = new ArrayList<>();
        catalog.entries().forEach(e -> scenarios.add(Map.of("index", e.index(), "label", e.label())));
        view.put("scenarios", scenarios);
        view.put("selected", entry.index());
        view.put("name", scenario.name());
        view.put("description", scenario.description());
        view.put("rounds", scenario.rounds());
        view.put("dimensions", scenario.dimensions());
        Scenario.Bodies bodies = scenario.bodies();
        List<Object> delegations = new ArrayList<>();
        for (int i = 0; i < scenario.delegations().size(); i++) {
            Scenario.Delegation d = scenario.delegations().get(i);
            Map<String, Object> delegation = new LinkedHashMap<>(Map.of("id", d.id(), "name", d.name(),
                    "groups", d.groups(), "bloc", live.primaryBloc(i), "capability", d.capability()));
            if (bodies.declared()) {
                delegation.put("membership", bodies.roles().getOrDefault(d.id(), Map.of()));
            }
            delegations.add(delegation);
        }
        view.put("delegations", delegations);
        List<Object> items = new ArrayList<>();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            Scenario.Item item = scenario.agenda().get(m);
            Map<String, Object> shown = new LinkedHashMap<>(Map.of("id", item.id(), "title", item.title(),
                    "forum", item.forum(), "weights", item.weights(), "statusQuo", nullForNaN(item.statusQuo()),
                    "deadline", item.deadline()));
            if (bodies.declared()) {
                shown.put("body", bodies.itemBody().get(m));
            }
            items.add(shown);
        }
        view.put("items", items);
        if (bodies.declared()) {
            view.put("bodies", bodies.list().stream().map(ExplorerSession::bodyView).toList());
            Scenario.ForumShifting shifting = bodies.shifting();
            view.put("forumShifting", Map.of("model", shifting.on() ? "expected-outcome" : "none",
                    "cost", shifting.cost(), "delay", shifting.delay(), "maxMoves", shifting.maxMoves()));
        }
        view.put("forums", Scenario.FORUMS);
        view.put("fields", ParameterForm.fields(scenario));
        view.put("delegationFields", ParameterForm.delegationFields(scenario));
        view.put("settings", settings);
        view.put("events", events);
        view.put("warnings", warnings.stream().map(Problem::toString).toList());
        return view;
    }

    /** The current round's views. */
    public synchronized Map<String, Object> snapshot() {
        return live.snapshot();
    }

    public synchronized int round() {
        return live.round();
    }

    public synchronized boolean finished() {
        return live.finished();
    }

    public synchronized Scenario scenario() {
        return scenario;
    }

    private void install(ScenarioBinder.Result result, Map<String, String> newSettings, List<HandEvent> newEvents,
                         int round) {
        scenario = result.scenario();
        warnings = result.warnings();
        settings = newSettings;
        events = newEvents;
        live = new LiveReplication(scenario);
        live.advanceTo(round);
    }

    /**
     * The CLI's input pipeline (as in {@link org.plenary.scenario.ScenarioLoader}) with the hand events
     * appended to the file's events before validation.
     */
    private static ScenarioBinder.Result build(Path file, Map<String, String> settings, List<HandEvent> events,
                                               List<Overrides.Assignment> options) throws InputException {
        SourceTree tree = KtabFile.isKtab(file) ? KtabFile.load(file) : YamlLoader.load(file);
        DelegationsFile.merge(tree);
        MembersFile.merge(tree);
        List<Overrides.Assignment> assignments = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            assignments.add(Overrides.Assignment.parse(setting.getKey() + "=" + setting.getValue()));
        }
        assignments.addAll(options);
        Overrides.apply(tree, assignments);
        if (!events.isEmpty() && tree.root() instanceof ObjectNode root) {
            ArrayNode list = root.get("events") instanceof ArrayNode existing ? existing : root.putArray("events");
            for (HandEvent event : events) {
                tree.recordOrigin("/events/" + list.size(), new SourceTree.Origin(EVENT_SOURCE, 0));
                list.add(event.toYaml());
            }
        }
        ScenarioBinder.Result result = ScenarioBinder.bind(tree);
        if (result.scenario().rounds() > MAX_ROUNDS) {
            throw new InputException(new Problem(tree.originOf("/rounds").source(), 0, "rounds",
                    "the explorer plays at most " + MAX_ROUNDS + " rounds, got " + result.scenario().rounds()
                            + "; use plenary run for longer runs"));
        }
        return result;
    }

    /** A body, its procedure, the roles it knows and the parameters of its rule. */
    private static Map<String, Object> bodyView(Scenario.Body body) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", body.id());
        view.put("procedure", body.procedure().label());
        view.put("roles", body.procedure().roles());
        view.put("rough", body.rough());
        view.put("majority", body.majority());
        view.put("lastCall", body.lastCall());
        return view;
    }

    private static Double[] nullForNaN(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int k = 0; k < values.length; k++) {
            boxed[k] = Double.isNaN(values[k]) ? null : values[k];
        }
        return boxed;
    }
}
