package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Forum shifting by expected outcome (docs/ODD.md 7.14), by hand. One dimension, salience and capability 1,
 * status quo 0.5, nobody objects (thresholds 1e6). The item sits in the ITU: members M (0.9), R1, R2, R3 (0.2);
 * its compromise (0.9 + 3 x 0.2) / 4 = 0.375 passes by consensus, so M's value there is
 * |0.9 - 0.5| - |0.9 - 0.375| = 0.4 - 0.525 = -0.125. In SC 42 (ISO/IEC), P-members M, Y1, Y2 (0.8): compromise
 * (0.9 + 1.6) / 3 = 0.8333, all three vote yes, approved; M's value 0.4 - 0.0667 = 0.3333. The difference,
 * 0.4583, is what a move is worth to M; the R's are not members of SC 42.
 */
class ForumShiftingTest {

    @TempDir
    Path dir;

    private Assembly afterOneRound(double cost) throws Exception {
        Scenario s = twoBodies(cost);
        Assembly a = new Assembly(s);
        a.setRound(2);
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions).step(a, new MersenneTwisterFast(1));
        return a;
    }

    private Scenario twoBodies(double cost) throws Exception {
        Scenario s = Scenarios.load(dir, """
                name: shift
                rounds: 5
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0}
                delegation_defaults: {salience: 1, objection_threshold: 1000000}
                agenda:
                  - {id: ai, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 5}
                delegations:
                  - {id: M, position: {a: 0.9}}
                  - {id: R1, position: {a: 0.2}}
                  - {id: R2, position: {a: 0.2}}
                  - {id: R3, position: {a: 0.2}}
                  - {id: Y1, position: {a: 0.8}}
                  - {id: Y2, position: {a: 0.8}}
                """);
        Map<String, Map<String, String>> roles = Map.of("M", Map.of("itu", "member", "sc42", "P"),
                "R1", Map.of("itu", "member"), "R2", Map.of("itu", "member"), "R3", Map.of("itu", "member"),
                "Y1", Map.of("sc42", "P"), "Y2", Map.of("sc42", "P"));
        Scenario.ForumShifting shifting = new Scenario.ForumShifting(Scenario.ShiftingModel.EXPECTED_OUTCOME, cost, 10, 1);
        return s.withBodies(new Scenario.Bodies(List.of(
                new Scenario.Body("itu", Scenario.Procedure.ITU_PLENARY, 0.1, 0.71, 2),
                new Scenario.Body("sc42", Scenario.Procedure.ISO_IEC, 0.1, 0.71, 2)), List.of("itu"), roles, shifting));
    }

    @Test
    void aMemberOfBothBodiesMovesTheItemWhenTheGainExceedsTheCost() throws Exception {
        Assembly a = afterOneRound(0.45);
        assertEquals(1, a.itemBody[0], "moved to SC 42");
        assertArrayEquals(new int[] {0, 0, 1, a.delegationIndex("M")}, a.venueMoves.toArray());
        assertEquals(12, a.deadline[0], "the restart: round 2 + delay 10, later than the deadline 5");
    }

    @Test
    void withdrawingFromOneBodyLeavesTheDelegationAMemberOfTheOther() throws Exception {
        Assembly a = new Assembly(twoBodies(0.2));
        int m = a.delegationIndex("M");
        EventSchedule.apply(a, new Scenario.Event(1, Scenario.EventType.WITHDRAW, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        assertFalse(a.takesPart(m, 0), "out of the ITU, where the item sits");
        assertEquals(0, a.role[m * a.bodies]);
        assertEquals(Scenario.Procedure.ISO_IEC.roleCode("P"), a.role[m * a.bodies + 1], "still a P-member of SC 42");
        assertFalse(a.withdrawn[m], "not withdrawn from the assembly as a whole");
        a.itemBody[0] = 1;
        assertTrue(a.takesPart(m, 0), "takes part once the item is in SC 42");
        a.itemBody[0] = 0;
        EventSchedule.apply(a, new Scenario.Event(2, Scenario.EventType.REENGAGE, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        assertTrue(a.takesPart(m, 0), "re-engaged in the ITU with its declared role");
    }

    @Test
    void aCostAboveTheGainKeepsTheItemWhereItIs() throws Exception {
        Assembly a = afterOneRound(0.46);
        assertEquals(0, a.itemBody[0]);
        assertEquals(0, a.venueMoves.count());
        assertEquals(5, a.deadline[0]);
    }
}
