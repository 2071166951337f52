package org.plenary.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standards bodies of a scenario (docs/scenario-format.md, "Standards bodies"; docs/ODD.md 7.13-7.14):
 * {@code bodies}, {@code forum_shifting}, each delegation's {@code membership}, each agenda item's
 * {@code body} and the {@code body} of a withdraw or reengage event. A scenario without {@code bodies} gets
 * {@link Scenario.Bodies#NONE}: one ITU-like assembly, as before.
 */
final class BodiesBinder {
    static final List<String> BODY_KEYS = List.of("id", "procedure", "members", "rough", "majority", "last_call");
    static final List<String> SHIFTING_KEYS = List.of("model", "cost", "delay", "max_moves");

    private BodiesBinder() {
    }

    /**
     * The mapping entries of the list at {@code key}, quietly: the section's own binder has already reported
     * anything wrong with the list itself, and reporting it twice would only repeat it.
     */
    private static List<YamlNode> entries(YamlNode top, String key) {
        List<YamlNode> entries = new ArrayList<>();
        YamlNode list = top.at(key);
        for (int i = 0; list.node.isArray() && i < list.node.size(); i++) {
            entries.add(new YamlNode(top.binding, list.node.get(i), list.pointer + "/" + i, key + "[" + i + "]"));
        }
        return entries;
    }

    /** The bodies, with the delegations, agenda and events already bound from the same {@code top}. */
    static Scenario.Bodies bind(YamlNode top, List<Scenario.Delegation> delegations, List<Scenario.Item> agenda,
                                List<Scenario.Event> events) {
        List<Scenario.Body> bodies = bodies(top);
        List<String> bodyIds = bodies.stream().map(Scenario.Body::id).toList();
        Map<String, Map<String, String>> roles = memberships(top, bodies, delegations);
        List<String> itemBody = itemBodies(top, bodyIds, agenda);
        checkEventBodies(top, bodyIds, events);
        Scenario.ForumShifting shifting = shifting(top, bodies.size());
        Set<String> traditional = traditionalApproval(top, bodies, itemBody, agenda, shifting);
        if (bodies.isEmpty()) {
            return Scenario.Bodies.NONE;
        }
        allMembers(top, bodies, delegations, roles);
        checkEventMembers(top, events, roles);
        requirePMembers(top, bodies, itemBody, roles, shifting);
        return new Scenario.Bodies(List.copyOf(bodies), List.copyOf(itemBody), roles, shifting, traditional);
    }

    private static List<Scenario.Body> bodies(YamlNode top) {
        List<Scenario.Body> bodies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (top.node.has("bodies") && top.node.path("bodies").isEmpty()) {
            top.problemAt("bodies", "at least one body is needed, e.g. [{id: sc42, procedure: iso-iec}]");
        }
        for (YamlNode entry : top.list("bodies", false)) {
            String id = entry.requiredId("id");
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                entry.problemAt("id", "duplicate body id '" + id + "'");
            }
            entry.field = "bodies[" + id + "]";
            entry.allow(BODY_KEYS);
            Scenario.Procedure procedure = Scenario.Procedure.ofLabel(
                    entry.choice("procedure", "itu-plenary", Scenario.Procedure.labels()));
            entry.choice("members", "listed", List.of("all", "listed"));
            bodies.add(new Scenario.Body(id, procedure, entry.number("rough", 0.1, 0, 1),
                    entry.number("majority", 0.71, 0.5, 1), entry.integer("last_call", 2, 1, 1000)));
        }
        return bodies;
    }

    /** delegations[].membership: body id to role, each role one of its body's procedure. */
    private static Map<String, Map<String, String>> memberships(YamlNode top, List<Scenario.Body> bodies,
                                                                List<Scenario.Delegation> delegations) {
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        List<String> bodyIds = bodies.stream().map(Scenario.Body::id).toList();
        List<YamlNode> entries = entries(top, "delegations");
        for (int i = 0; i < entries.size() && i < delegations.size(); i++) {
            YamlNode entry = entries.get(i);
            if (entry.value("membership") == null) {
                continue;
            }
            entry.field = "delegations[" + delegations.get(i).id() + "]";
            YamlNode membership = entry.object("membership", null);
            if (bodies.isEmpty()) {
                entry.problemAt("membership", "names bodies, but the scenario declares none: add a 'bodies' list");
                continue;
            }
            Map<String, String> own = new LinkedHashMap<>();
            membership.node.fieldNames().forEachRemaining(body -> {
                int b = bodyIds.indexOf(body);
                String role = membership.text(body, "");
                if (b < 0) {
                    membership.problemAt(body, Suggestions.unknown("body", body, bodyIds));
                } else if (!bodies.get(b).procedure().roles().contains(role)) {
                    membership.problemAt(body, "'" + role + "' is not a role of " + bodies.get(b).procedure().label()
                            + " (roles: " + String.join(", ", bodies.get(b).procedure().roles()) + ")");
                } else {
                    own.put(body, role);
                }
            });
            roles.put(delegations.get(i).id(), own);
        }
        return roles;
    }

    /** Bodies with {@code members: all}: every delegation not given a role there takes the procedure's first. */
    private static void allMembers(YamlNode top, List<Scenario.Body> bodies, List<Scenario.Delegation> delegations,
                                   Map<String, Map<String, String>> roles) {
        for (int b = 0; b < bodies.size(); b++) {
            if (!"all".equals(top.node.path("bodies").path(b).path("members").asText())) {
                continue;
            }
            Scenario.Body body = bodies.get(b);
            for (Scenario.Delegation d : delegations) {
                roles.computeIfAbsent(d.id(), id -> new LinkedHashMap<>())
                        .putIfAbsent(body.id(), body.procedure().roles().get(0));
            }
        }
    }

    /** agenda[].body: one of the declared bodies; the first declared when left out. */
    private static List<String> itemBodies(YamlNode top, List<String> bodyIds, List<Scenario.Item> agenda) {
        List<String> itemBody = new ArrayList<>();
        List<YamlNode> entries = entries(top, "agenda");
        for (int m = 0; m < agenda.size() && m < entries.size(); m++) {
            YamlNode entry = entries.get(m);
            entry.field = "agenda[" + agenda.get(m).id() + "]";
            String body = entry.text("body", null);
            if (body != null && bodyIds.isEmpty()) {
                entry.problemAt("body", "names a body, but the scenario declares none: add a 'bodies' list");
            } else if (body != null && !bodyIds.contains(body)) {
                entry.problemAt("body", Suggestions.unknown("body", body, bodyIds));
            }
            itemBody.add(body != null && bodyIds.contains(body) ? body : bodyIds.isEmpty() ? null : bodyIds.get(0));
        }
        return itemBody;
    }

    /**
     * agenda[].approval: {@code aap} (the default) or {@code tap}, the ITU-T approval process of the item's
     * Recommendation (WTSA Resolution 1, section 8). It means something only in an {@code itu-t-aap} body: the
     * item must sit in one, or forum shifting must be able to bring it to one.
     */
    private static Set<String> traditionalApproval(YamlNode top, List<Scenario.Body> bodies, List<String> itemBody,
                                                   List<Scenario.Item> agenda, Scenario.ForumShifting shifting) {
        Set<String> traditional = new LinkedHashSet<>();
        List<YamlNode> entries = entries(top, "agenda");
        boolean anyItuT = bodies.stream().anyMatch(b -> b.procedure() == Scenario.Procedure.ITU_T_AAP);
        for (int m = 0; m < agenda.size() && m < entries.size(); m++) {
            YamlNode entry = entries.get(m);
            entry.field = "agenda[" + agenda.get(m).id() + "]";
            if (!"tap".equals(entry.choice("approval", "aap", List.of("aap", "tap")))) {
                continue;
            }
            int b = bodies.stream().map(Scenario.Body::id).toList().indexOf(itemBody.get(m));
            boolean ituT = b >= 0 && bodies.get(b).procedure() == Scenario.Procedure.ITU_T_AAP;
            if (!ituT && !(shifting.on() && anyItuT)) {
                entry.problemAt("approval", "'tap' is ITU-T's traditional approval process: the item must sit in an"
                        + " itu-t-aap body (its body is " + (b < 0 ? "none" : "'" + itemBody.get(m) + "', "
                        + bodies.get(b).procedure().label()) + ")");
            }
            traditional.add(agenda.get(m).id());
        }
        return Set.copyOf(traditional);
    }

    /** A withdraw or reengage event may name one body: only its membership there changes. */
    private static void checkEventBodies(YamlNode top, List<String> bodyIds, List<Scenario.Event> events) {
        List<YamlNode> entries = entries(top, "events");
        for (int e = 0; e < entries.size() && e < events.size(); e++) {
            YamlNode entry = entries.get(e);
            Scenario.Event event = events.get(e);
            if (event.body() == null) {
                continue;
            }
            if (bodyIds.isEmpty()) {
                entry.problemAt("body", "names a body, but the scenario declares none: add a 'bodies' list");
            } else if (!bodyIds.contains(event.body())) {
                entry.problemAt("body", Suggestions.unknown("body", event.body(), bodyIds));
            }
        }
    }

    /** Leaving or rejoining a body the delegation holds no role in would silently change nothing: a mistake. */
    private static void checkEventMembers(YamlNode top, List<Scenario.Event> events,
                                          Map<String, Map<String, String>> roles) {
        List<YamlNode> entries = entries(top, "events");
        for (int e = 0; e < entries.size() && e < events.size(); e++) {
            Scenario.Event event = events.get(e);
            if (event.body() != null && event.delegation() != null
                    && !roles.getOrDefault(event.delegation(), Map.of()).containsKey(event.body())) {
                entries.get(e).problemAt("body", "'" + event.delegation() + "' is not a member of '" + event.body()
                        + "' (no membership entry there): the event would change nothing");
            }
        }
    }

    private static Scenario.ForumShifting shifting(YamlNode top, int bodies) {
        YamlNode node = top.object("forum_shifting", SHIFTING_KEYS);
        Scenario.ForumShifting defaults = Scenario.ForumShifting.NONE;
        Scenario.ShiftingModel model = node.option(Scenario.ShiftingModel.class, "model", "none",
                List.of("none", "expected-outcome"));
        if (model != Scenario.ShiftingModel.NONE && bodies < 2) {
            node.problemAt("model", "moving items between bodies needs at least two bodies");
        }
        return new Scenario.ForumShifting(model, node.number("cost", defaults.cost(), 0, 1),
                node.integer("delay", defaults.delay(), 0, 1_000_000),
                node.integer("max_moves", defaults.maxMoves(), 1, 1000));
    }

    /**
     * An ISO/IEC ballot counts the P-members' votes: a body an item sits in (or may be moved to) with no
     * P-member could never approve anything, which is a mistake in the input.
     */
    private static void requirePMembers(YamlNode top, List<Scenario.Body> bodies, List<String> itemBody,
                                        Map<String, Map<String, String>> roles, Scenario.ForumShifting shifting) {
        List<YamlNode> items = entries(top, "agenda");
        for (int b = 0; b < bodies.size(); b++) {
            String id = bodies.get(b).id();
            boolean used = shifting.on() || itemBody.contains(id);
            boolean anyP = roles.values().stream().anyMatch(own -> "P".equals(own.get(id)));
            if (bodies.get(b).procedure() != Scenario.Procedure.ISO_IEC || !used || anyP) {
                continue;
            }
            String message = "an ISO/IEC ballot in '" + id + "' needs P-members, and no delegation is one: give"
                    + " some delegations membership: {" + id + ": P} (or list them in a members_file)";
            int m = itemBody.indexOf(id);
            if (m >= 0 && m < items.size() && items.get(m).value("body") != null) {
                items.get(m).field = "agenda[" + items.get(m).node.path("id").asText() + "]";
                items.get(m).problemAt("body", message);
            } else {
                YamlNode body = entries(top, "bodies").get(b);
                body.field = "bodies[" + id + "]";
                body.problemAt("procedure", message);
            }
        }
    }
}
