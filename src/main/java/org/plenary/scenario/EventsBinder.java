package org.plenary.scenario;

import static org.plenary.scenario.YamlNode.enumName;
import static org.plenary.scenario.YamlNode.fmt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code events} section: withdrawals, disengagements, attribute changes and bloc moves by round. */
final class EventsBinder {
    static final List<String> SET_ATTRIBUTES = List.of("capability", "openness", "tolerance",
            "objection_threshold", "position.<dimension>", "salience.<dimension>", "cohesion (of a bloc)");
    private static final List<String> TYPES = List.of("withdraw", "disengage", "reengage", "set", "join", "leave");

    /** Fields each event type does not use: giving them is a mistake worth reporting. */
    private static final Map<Scenario.EventType, List<String>> EVENT_FIELDS = Map.of(
            Scenario.EventType.WITHDRAW, List.of("bloc", "dimensions", "forums", "attribute", "value"),
            Scenario.EventType.DISENGAGE, List.of("bloc", "attribute", "value", "body"),
            Scenario.EventType.REENGAGE, List.of("bloc", "attribute", "value"),
            Scenario.EventType.SET, List.of("dimensions", "forums", "body"),
            Scenario.EventType.JOIN, List.of("dimensions", "forums", "attribute", "value", "body"),
            Scenario.EventType.LEAVE, List.of("dimensions", "forums", "attribute", "value", "body"));

    private EventsBinder() {
    }

    /** The groups an event may name: the delegations' groups, the blocs, and the blocs a join event founds. */
    static Set<String> groups(YamlNode top, List<Scenario.Delegation> delegations, List<Scenario.Bloc> blocs) {
        Set<String> groups = new LinkedHashSet<>();
        delegations.forEach(d -> groups.addAll(d.groups()));
        blocs.forEach(b -> groups.add(b.id()));
        top.list("events", false).stream().filter(e -> "join".equals(e.node.path("type").asText()))
                .map(e -> e.node.path("bloc").asText()).filter(b -> ScenarioBinder.ID.matcher(b).matches())
                .forEach(groups::add);
        return groups;
    }

    static List<Scenario.Event> bind(YamlNode top, int rounds, List<String> dims, Set<String> delegationIds,
                                     Set<String> groups) {
        List<Scenario.Event> events = new ArrayList<>();
        for (YamlNode entry : top.list("events", false)) {
            entry.allow(List.of("round", "type", "delegation", "bloc", "dimensions", "forums", "attribute", "value",
                    "body"));
            int round = entry.requiredInteger("round", 1, 1_000_000);
            if (round > rounds) {
                entry.warnAt("round", "the event at round " + round + " never happens: the scenario"
                        + " has " + rounds + " rounds");
            }
            String typeName = entry.requiredChoice("type", TYPES);
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
                } else if (!ScenarioBinder.ID.matcher(bloc).matches()) {
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
            if (type == Scenario.EventType.REENGAGE && entry.text("body", null) != null
                    && !(eventDims.isEmpty() && forums.isEmpty())) {
                // A return to one body restores its role only; listed dimensions or forums would be silently dropped.
                entry.problemAt(eventDims.isEmpty() ? "forums" : "dimensions", "a reengage event with a body"
                        + " returns to that body only; re-engage dimensions or forums in an event of their own");
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
            // A withdraw or reengage in one standards body only (BodiesBinder checks the body's id).
            events.add(new Scenario.Event(round, type, delegation, bloc, eventDims, forums, attribute, value,
                    entry.text("body", null)));
        }
        return events;
    }

    private static void checkSetAttribute(YamlNode entry, boolean blocLevel, String attribute, double value,
                                          List<String> dims) {
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
}
