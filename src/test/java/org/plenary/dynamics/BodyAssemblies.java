package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * One item in one standards body, for the hand-computed tests of the bodies' procedures: one dimension,
 * the draft at 0.75 against the status quo 0.5 (abstention band 0.05), capability and salience 1, deadline 5.
 * A delegation's id prefix says where it stands: Y at 0.75 votes yes (0 from the draft, 0.25 from the status
 * quo); N at 0.25 votes no but never objects (threshold 1e6); X at 0.25 votes no and objects (it loses 0.25,
 * over its threshold 0.1); A at 0.625 abstains (0.125 from both); C at 0.25 with capability 0.01 is hurt beyond
 * its threshold 0.1 but lacks the standing to object (standing exponent 0.5: pressure 0.25 x (0.01 / mean)^0.5).
 * "Outsider", at 0.25 and objecting, is in no body.
 */
final class BodyAssemblies {
    private BodyAssemblies() {
    }

    /** Roles from pairs: delegation id, role. */
    static Map<String, String> roles(String... pairs) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (int p = 0; p < pairs.length; p += 2) {
            roles.put(pairs[p], pairs[p + 1]);
        }
        return roles;
    }

    /** The assembly after one decision step in {@code round}, the item in a body {@code body} of the given roles. */
    static Assembly decided(Path dir, Scenario.Body body, Map<String, String> roles, int round) throws Exception {
        return stepped(dir, body, roles, round, round);
    }

    /** As {@link #decided}, after decision steps in rounds {@code from} to {@code to}, the draft fixed. */
    static Assembly stepped(Path dir, Scenario.Body body, Map<String, String> roles, int from, int to)
            throws Exception {
        return stepped(dir, body, roles, from, to, false, 0);
    }

    /**
     * As {@link #stepped}, the item under ITU-T's traditional approval process when {@code tap}, with a tolerated
     * objecting share {@code tolerated} (decision.max_objecting_share).
     */
    static Assembly stepped(Path dir, Scenario.Body body, Map<String, String> roles, int from, int to, boolean tap,
                            double tolerated) throws Exception {
        StringBuilder delegations = new StringBuilder();
        for (String id : roles.keySet()) {
            double at = id.startsWith("Y") ? 0.75 : id.startsWith("A") ? 0.625 : 0.25;
            String threshold = id.startsWith("X") || id.startsWith("C") ? "0.1" : "1000000";
            String capability = id.startsWith("C") ? "0.01" : "1";
            delegations.append("  - {id: %s, position: {a: %s}, objection_threshold: %s, capability: %s}%n"
                    .formatted(id, at, threshold, capability));
        }
        delegations.append("  - {id: Outsider, position: {a: 0.25}, objection_threshold: 0.1}\n");
        Scenario s = Scenarios.load(dir, """
                name: body
                rounds: 5
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0}
                decision: {abstention_band: 0.05, max_objecting_share: %s}
                delegation_defaults: {salience: 1}
                agenda:
                  - {id: ai, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 5}
                delegations:
                """.formatted(tolerated) + delegations);
        Map<String, Map<String, String>> membership = new LinkedHashMap<>();
        roles.forEach((id, role) -> membership.put(id, Map.of(body.id(), role)));
        s = s.withBodies(new Scenario.Bodies(List.of(body), List.of(body.id()), membership,
                Scenario.ForumShifting.NONE, tap ? Set.of("ai") : Set.of()));
        Assembly a = new Assembly(s);
        a.draft[0] = 0.75;
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        for (int round = from; round <= to; round++) {
            a.setRound(round);
            decisions.step(a, new MersenneTwisterFast(1));
        }
        return a;
    }
}
