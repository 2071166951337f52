package org.plenary.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario written back as YAML with every default filled in (scenario.resolved.yaml): running
 * that file gives the same results as the original with its overrides.
 */
public final class ScenarioYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private ScenarioYaml() {
    }

    public static String write(Scenario s) {
        try {
            return YAML.writeValueAsString(toMap(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario is always serialisable", e);
        }
    }

    /** A scenario tree (as read from a file, before defaults) written as YAML. */
    public static String writeTree(JsonNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree is always serialisable", e);
        }
    }

    /** The scenario as ordered maps and lists, in the order of the file format. */
    public static Map<String, Object> toMap(Scenario s) {
        List<String> dims = s.dimensions().stream().map(Scenario.Dimension::id).toList();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        root.put("rounds", s.rounds());
        root.put("replications", s.replications());
        List<Object> dimensions = new ArrayList<>();
        for (Scenario.Dimension d : s.dimensions()) {
            dimensions.add(ordered("id", d.id(), "label", d.label(), "low", d.low(), "high", d.high()));
        }
        root.put("dimensions", dimensions);
        List<Object> delegations = new ArrayList<>();
        for (Scenario.Delegation d : s.delegations()) {
            Map<String, Object> delegation = ordered("id", d.id(), "name", d.name(), "region", d.region(), "groups", d.groups(),
                    "position", perDimension(dims, d.position()), "salience", perDimension(dims, d.salience()),
                    "capability", d.capability(), "openness", d.openness(), "tolerance", d.tolerance(),
                    "objection_threshold", d.objectionThreshold(), "votes", d.votes());
            NegotiationYaml.putDelegation(delegation, s, delegations.size());
            if (s.bodies().declared()) {
                delegation.put("membership", s.bodies().roles().getOrDefault(d.id(), Map.of()));
            }
            delegations.add(delegation);
        }
        root.put("delegations", delegations);
        List<Object> blocs = new ArrayList<>();
        for (Scenario.Bloc b : s.blocs()) {
            Map<String, Object> bloc = ordered("id", b.id(), "cohesion", b.cohesion());
            if (!b.leaders().isEmpty()) {
                bloc.put("leaders", b.leaders());
            }
            blocs.add(bloc);
        }
        root.put("blocs", blocs);
        putBodies(root, s.bodies());
        List<Object> agenda = new ArrayList<>();
        for (Scenario.Item item : s.agenda()) {
            Map<String, Object> entry = ordered("id", item.id(), "title", item.title(), "forum", item.forum(),
                    "weights", perDimension(dims, item.weights()), "status_quo", perDimension(dims, item.statusQuo()),
                    "deadline", item.deadline());
            putIfPresent(entry, "sponsor", item.sponsor());
            if (item.tabled()) {
                entry.put("text", perDimension(dims, item.text()));
            }
            if (s.bodies().declared()) {
                entry.put("body", s.bodies().itemBody().get(agenda.size()));
                if (s.bodies().traditionalApproval().contains(item.id())) {
                    entry.put("approval", "tap");
                }
            }
            agenda.add(entry);
        }
        root.put("agenda", agenda);
        Scenario.Decision dec = s.decision();
        root.put("decision", ordered("rule", label(dec.rule()), "fallback", label(dec.fallback()),
                "majority", dec.majority(), "quorum", dec.quorum(), "max_objecting_share", dec.maxObjectingShare(),
                "standing_exponent", dec.standingExponent(), "abstention_band", dec.abstentionBand()));
        NegotiationYaml.putDecision(root, s);
        Scenario.Chair chair = s.chair();
        root.put("chair", ordered("accommodation", chair.accommodation(), "accommodate_toward",
                label(chair.accommodateToward()), "concessions_on_withdrawal", label(chair.concessionsOnWithdrawal()),
                "concession_decay", chair.concessionDecay()));
        Scenario.Influence inf = s.influence();
        root.put("influence", ordered("model", label(inf.model()), "rate", inf.rate(), "anchor", inf.anchor(),
                "affinity", inf.affinity(), "salience_resistance", inf.salienceResistance(),
                "meetings", inf.meetings(), "noise", inf.noise()));
        Scenario.Coalitions coalitions = s.coalitions();
        root.put("coalitions", ordered("method", label(coalitions.method()), "radius", coalitions.radius(),
                "min_members", coalitions.minMembers(), "starts", coalitions.starts(),
                "bloc_bonus", coalitions.blocBonus()));
        // Written only when switched on, so that v1 scenarios resolve to the same file as before.
        Scenario.Formation formation = s.formation();
        if (formation.on()) {
            root.put("coalition_formation", ordered("model", label(formation.model()), "reach", formation.reach(),
                    "bloc_affinity", formation.blocAffinity(),
                    "switching_cost", formation.switchingCost(), "merge_distance", formation.mergeDistance(),
                    "min_members", formation.minMembers(),
                    "cohesion", formation.cohesion()));
        }
        Scenario.AgendaSetting agendaSetting = s.agendaSetting();
        if (agendaSetting.on()) {
            root.put("agenda_setting", ordered("model", label(agendaSetting.model()),
                    "proposers", agendaSetting.proposers(), "pen", agendaSetting.pen(),
                    "compromise", agendaSetting.compromise(), "proposal", label(agendaSetting.proposal()),
                    "recognition_exponent", agendaSetting.recognitionExponent()));
        }
        List<Object> events = new ArrayList<>();
        for (Scenario.Event e : s.events()) {
            Map<String, Object> event = ordered("round", e.round(), "type", label(e.type()));
            putIfPresent(event, "delegation", e.delegation());
            putIfPresent(event, "bloc", e.bloc());
            if (!e.dimensions().isEmpty()) {
                event.put("dimensions", e.dimensions());
            }
            if (!e.forums().isEmpty()) {
                event.put("forums", e.forums());
            }
            putIfPresent(event, "attribute", e.attribute());
            if (!Double.isNaN(e.value())) {
                event.put("value", e.value());
            }
            putIfPresent(event, "body", e.body());
            events.add(event);
        }
        root.put("events", events);
        NegotiationYaml.putMechanisms(root, s);
        if (!s.sweep().isEmpty()) {
            List<Object> sweep = new ArrayList<>();
            s.sweep().forEach(axis -> sweep.add(ordered("path", axis.path(), "values", axis.values())));
            root.put("sweep", sweep);
        }
        return root;
    }

    /**
     * The standards bodies and forum shifting (docs/scenario-format.md, "Standards bodies"), none for a
     * scenario without: each member's role is written in its delegation's {@code membership}.
     */
    private static void putBodies(Map<String, Object> root, Scenario.Bodies bodies) {
        if (!bodies.declared()) {
            return;
        }
        List<Object> list = new ArrayList<>();
        for (Scenario.Body body : bodies.list()) {
            list.add(ordered("id", body.id(), "procedure", body.procedure().label(), "rough", body.rough(),
                    "majority", body.majority(), "last_call", body.lastCall()));
        }
        root.put("bodies", list);
        Scenario.ForumShifting shifting = bodies.shifting();
        root.put("forum_shifting", ordered("model", shifting.on() ? "expected-outcome" : "none",
                "cost", shifting.cost(), "delay", shifting.delay(), "max_moves", shifting.maxMoves()));
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }

    /** Only the dimensions with a value (NaN marks "not applicable", e.g. an unweighted status quo). */
    static Map<String, Object> perDimension(List<String> dims, double[] values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < dims.size(); k++) {
            if (!Double.isNaN(values[k])) {
                map.put(dims.get(k), values[k]);
            }
        }
        return map;
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
