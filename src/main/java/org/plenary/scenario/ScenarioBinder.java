package org.plenary.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link SourceTree} into a {@link Scenario}: applies every documented default, checks
 * types, ranges and cross-references, and reports every problem with its file, line and field.
 * The defaults and ranges are the ones documented in docs/scenario-format.md; each YAML section has
 * its own binder beside this class (DimensionsBinder, DelegationsBinder, ...), all reading through
 * {@link YamlNode} into one {@link Binding}. The order of the sections below is the order in which
 * problems are reported.
 */
public final class ScenarioBinder {

    /** A bound scenario and the non-fatal remarks about it (e.g. an event after the last round). */
    public record Result(Scenario scenario, List<Problem> warnings) { }

    /** Ids become CSV columns and file names: letters, digits, '_' and '-', at most 64 characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");
    /** Scenario names become directory names: no separators, no leading dot. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}");

    static final List<String> TOP_KEYS = List.of("name", "description", "seed", "rounds", "replications",
            "dimensions", "delegations", "delegations_file", "delegation_defaults", "blocs", "agenda", "decision",
            "chair", "influence", "coalitions", "events", "sweep", "profiles", "coalition_formation", "agenda_setting",
            "exchange", "attendance", "voting", "positions_from");

    private ScenarioBinder() {
    }

    public static Result bind(SourceTree tree) throws InputException {
        Binding binding = new Binding(tree);
        Scenario scenario;
        try {
            scenario = bindScenario(binding);
        } catch (RuntimeException e) {
            // Derived values (profiles, sponsors, ...) assume valid entries: a failure after problems were
            // found is a consequence of them, so the user sees the problems, never the failure.
            binding.problems().throwIfAny();
            throw e;
        }
        binding.problems().throwIfAny();
        return new Result(scenario, binding.warnings());
    }

    private static Scenario bindScenario(Binding binding) {
        if (!binding.tree().root().isObject()) {
            binding.problem("", "", "a scenario must be a YAML mapping of keys (name, dimensions, delegations, ...)");
            return null;
        }
        YamlNode top = binding.root();
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

        List<Scenario.Dimension> dimensions = DimensionsBinder.bind(top);
        List<String> dimensionIds = dimensions.stream().map(Scenario.Dimension::id).toList();
        boolean profiled = top.node.has("profiles");
        DelegationDefaults defaults = DelegationDefaults.bind(top, dimensionIds);
        List<Scenario.Delegation> delegations = DelegationsBinder.bind(top, dimensionIds, profiled, defaults);
        Set<String> delegationIds = new LinkedHashSet<>();
        delegations.forEach(d -> delegationIds.add(d.id()));
        List<Scenario.Bloc> blocs = BlocsBinder.bind(top, delegationIds, delegations);
        if (profiled) {
            new ProfilesBinder(top.object("profiles", ProfilesBinder.KEYS), dimensionIds, defaults.salience())
                    .fill(delegations);
        }
        PositionsFromBinder.apply(top, dimensionIds, delegations);
        Scenario.AgendaSetting agendaSetting = AgendaSettingBinder.bind(top);
        List<Scenario.Item> agenda = AgendaBinder.bind(top, dimensionIds, rounds);
        AgendaBinder.checkSponsors(top, agenda, agendaSetting, delegationIds, blocs);
        Scenario.Formation formation = FormationBinder.bind(top);
        Scenario.Decision decision = DecisionBinder.bind(top, agenda, delegations, blocs);
        Scenario.Chair chair = ChairBinder.bind(top);
        Scenario.Influence influence = InfluenceBinder.bind(top);
        Scenario.Coalitions coalitions = CoalitionsBinder.bind(top);
        Set<String> groups = EventsBinder.groups(top, delegations, blocs);
        List<Scenario.Event> events = EventsBinder.bind(top, rounds, dimensionIds, delegationIds, groups);
        InfluenceBinder.checkConvex(binding, influence, delegations, events);
        List<Scenario.SweepAxis> sweep = SweepBinder.bind(top);
        Scenario.Negotiation negotiation = bindNegotiation(top, dimensionIds, delegations);
        return new Scenario(name, description, seed, rounds, replications, dimensions, delegations, blocs,
                agenda, decision, chair, influence, coalitions, events, sweep, formation, agendaSetting, negotiation);
    }

    /**
     * The model v2 mechanisms (docs/scenario-format.md, "Model v2"): aspirations, exchange, attendance and
     * voting. The exchange, attendance and voting mappings' keys are all checked before their values are
     * read, as they always were, so problems keep their order.
     */
    private static Scenario.Negotiation bindNegotiation(YamlNode top, List<String> dims,
                                                        List<Scenario.Delegation> delegations) {
        Scenario.Aspirations aspirations = AspirationsBinder.bind(top, dims, delegations);
        ExchangeBinder exchange = new ExchangeBinder(top);
        AttendanceBinder attendance = new AttendanceBinder(top);
        VotingBinder voting = new VotingBinder(top);
        return new Scenario.Negotiation(aspirations, exchange.bind(), attendance.bind(), voting.bind());
    }
}
