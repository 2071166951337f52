package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * scenarios/seoul-statement.yaml (issue 21): three kinds of body with their memberships from the labelled data
 * files, the shared preferences of the flagships, and the US leaving the ITU only.
 */
class SeoulStatementScenarioTest {

    @Test
    void threeBodiesTheirMembersFromTheDataFilesAndTheUsLeavingTheItuOnly() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", "seoul-statement.yaml"), List.of()).scenario();
        Scenario.Bodies bodies = s.bodies();
        assertEquals(List.of(Scenario.Procedure.ITU_T_AAP, Scenario.Procedure.ISO_IEC, Scenario.Procedure.IETF),
                bodies.list().stream().map(Scenario.Body::procedure).toList());
        Map<String, Map<String, String>> roles = bodies.roles();
        assertEquals(194, roles.values().stream().filter(r -> "member-state".equals(r.get("itu-t"))).count());
        List<String> rows = Files.readAllLines(Path.of("scenarios", "data", "sc42-members.csv"));
        long pRows = rows.stream().filter(r -> r.contains(",P,")).count();
        assertEquals(pRows, roles.values().stream().filter(r -> "P".equals(r.get("sc42"))).count());
        assertEquals(25, rows.stream().filter(r -> r.endsWith(",P,source")).count(), "P-members read from a source");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith(",source") || r.endsWith(",assumption")),
                "every row labelled");
        assertEquals(Map.of("itu-t", "member-state", "sc42", "P", "ietf", "participant"), roles.get("USA"));
        assertFalse(roles.get("BRB").containsKey("sc42"), "not in the members file: not a member");
        Scenario.Event leaves = s.events().get(1);
        assertEquals("USA", leaves.delegation());
        assertEquals("itu-t", leaves.body());
        assertNull(s.events().get(0).body());
        Scenario baseline = ScenarioLoader.load(Path.of("scenarios", "itu-baseline.yaml"), List.of()).scenario();
        for (int i = 0; i < s.delegations().size(); i++) {
            assertArrayEquals(baseline.delegations().get(i).position(), s.delegations().get(i).position(), 0.0,
                    "the shared preferences of the flagships: " + s.delegations().get(i).id());
        }
    }

    /**
     * The resolved text (scenario.resolved.yaml, the explorer's export) keeps the bodies, the memberships, the
     * items' bodies, forum shifting and the US's withdrawal from the ITU only: it loads back to the same bodies
     * and replays replication 1 move for move.
     */
    @Test
    void theResolvedScenarioKeepsItsBodiesAndReplaysTheSameMoves(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", "seoul-statement.yaml"), List.of()).scenario();
        Path resolved = dir.resolve("seoul.resolved.yaml");
        Files.writeString(resolved, ScenarioYaml.write(s));
        Scenario again = ScenarioLoader.load(resolved, List.of()).scenario();
        assertEquals(s.bodies(), again.bodies());
        assertEquals(s.events(), again.events());
        org.plenary.observe.ReplicationRecord first = org.plenary.sim.Experiment.replicate(s, 0, 1);
        org.plenary.observe.ReplicationRecord second = org.plenary.sim.Experiment.replicate(again, 0, 1);
        int moves = 0;
        for (int t = 0; t <= s.rounds(); t++) {
            assertArrayEquals(first.venueMoves(t), second.venueMoves(t), "round " + t);
            moves += first.venueMoves(t).length / 4;
        }
        assertTrue(moves > 0, "replication 1 moves an item");
        for (int m = 0; m < s.agenda().size(); m++) {
            assertEquals(first.finalState(m), second.finalState(m));
        }
    }

    /** An item approved by the traditional approval process stays one in the resolved text (ODD 7.13). */
    @Test
    void theResolvedScenarioKeepsTheTraditionalApprovalOfAnItem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", "seoul-statement.yaml"),
                List.of(Overrides.Assignment.parse("agenda.ai-hr-by-design.approval=tap"))).scenario();
        assertEquals(java.util.Set.of("ai-hr-by-design"), s.bodies().traditionalApproval());
        Path resolved = dir.resolve("seoul-tap.resolved.yaml");
        Files.writeString(resolved, ScenarioYaml.write(s));
        assertEquals(s.bodies(), ScenarioLoader.load(resolved, List.of()).scenario().bodies());
    }
}
