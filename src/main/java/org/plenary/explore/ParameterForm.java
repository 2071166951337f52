package org.plenary.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.scenario.Scenario;

/**
 * The explorer's parameter form: each field is a {@code --set} path with the domain that the
 * scenario format allows (docs/scenario-format.md; ExplorerFormTest checks each bound against the
 * validator) and its value in the current scenario. Values the page sends back go through the same
 * overrides and validation as {@code plenary run --set}, so errors read the same.
 */
public final class ParameterForm {

    /**
     * One field: a number in [min, max] (either may be null for "no bound"), a whole number, or
     * one of {@code choices}.
     */
    public record Field(String path, String label, String group, String kind, Double min, Double max,
                        List<String> choices, Object value) { }

    static final double MAX_CAPABILITY = 1e9;

    private ParameterForm() {
    }

    /** The assembly-wide fields (run, decision, chair, influence, blocs). */
    public static List<Field> fields(Scenario s) {
        List<Field> fields = new ArrayList<>();
        fields.add(integer("seed", "master seed", "Run", null, null, s.seed()));
        fields.add(integer("rounds", "rounds", "Run", 1.0, (double) ExplorerSession.MAX_ROUNDS, s.rounds()));
        Scenario.Decision decision = s.decision();
        fields.add(choice("decision.rule", "decision rule", "Decision", List.of("consensus", "vote"), label(decision.rule())));
        fields.add(choice("decision.fallback", "fallback after the deadline", "Decision", List.of("vote", "fail"),
                label(decision.fallback())));
        fields.add(number("decision.majority", "majority", "Decision", 0.5, 1.0, decision.majority()));
        fields.add(number("decision.quorum", "quorum", "Decision", 0.0, 1.0, decision.quorum()));
        fields.add(number("decision.max_objecting_share", "objecting share allowed", "Decision", 0.0, 0.99,
                decision.maxObjectingShare()));
        fields.add(number("chair.accommodation", "chair's accommodation", "Chair", 0.0, 1.0, s.chair().accommodation()));
        Scenario.Influence influence = s.influence();
        fields.add(choice("influence.model", "influence model", "Influence",
                List.of("hegselmann-krause", "deffuant", "none"), label(influence.model())));
        fields.add(number("influence.rate", "rate", "Influence", 0.0, 1.0, influence.rate()));
        fields.add(number("influence.anchor", "pull back to instructions", "Influence", 0.0, 1.0, influence.anchor()));
        for (Scenario.Bloc bloc : s.blocs()) {
            fields.add(number("blocs." + bloc.id() + ".cohesion", bloc.id() + " cohesion", "Bloc cohesion", 0.0, 1.0,
                    bloc.cohesion()));
        }
        return fields;
    }

    /** A delegation's own fields: position and salience per dimension, capability. */
    public static List<Field> delegationFields(Scenario s, Scenario.Delegation d) {
        List<Field> fields = new ArrayList<>();
        String prefix = "delegations." + d.id() + ".";
        for (int k = 0; k < s.dimensions().size(); k++) {
            String dim = s.dimensions().get(k).id();
            fields.add(number(prefix + "position." + dim, "position: " + s.dimensions().get(k).label(), d.id(),
                    0.0, 1.0, d.position()[k]));
        }
        for (int k = 0; k < s.dimensions().size(); k++) {
            String dim = s.dimensions().get(k).id();
            fields.add(number(prefix + "salience." + dim, "salience: " + s.dimensions().get(k).label(), d.id(),
                    0.0, 1.0, d.salience()[k]));
        }
        fields.add(number(prefix + "capability", "capability", d.id(), 0.0, MAX_CAPABILITY, d.capability()));
        return fields;
    }

    /** Every delegation's fields, by delegation id, for the page's delegation chooser. */
    public static Map<String, List<Field>> delegationFields(Scenario s) {
        Map<String, List<Field>> all = new LinkedHashMap<>();
        for (Scenario.Delegation d : s.delegations()) {
            all.put(d.id(), delegationFields(s, d));
        }
        return all;
    }

    private static Field number(String path, String label, String group, Double min, Double max, double value) {
        return new Field(path, label, group, "number", min, max, List.of(), value);
    }

    private static Field integer(String path, String label, String group, Double min, Double max, long value) {
        return new Field(path, label, group, "integer", min, max, List.of(), value);
    }

    private static Field choice(String path, String label, String group, List<String> choices, String value) {
        return new Field(path, label, group, "choice", null, null, choices, value);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
