package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Forum shifting by expected outcome (docs/ODD.md 7.14), by hand on {@link Scenarios#BODIES}: the ITU would not
 * take its compromise (M objects), so the item is worth 0 to M there; SC 42 would approve its compromise, worth
 * 0.4 - 0.0667 = 0.3333 to M. The difference, 0.3333, is what a move is worth to M; the R's are not members of
 * SC 42 and cannot move it there.
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
        return Scenarios.load(dir, Scenarios.BODIES, "forum_shifting.cost=" + cost);
    }

    @Test
    void aMemberOfBothBodiesMovesTheItemWhenTheGainExceedsTheCost() throws Exception {
        Assembly a = afterOneRound(0.33);
        assertEquals(1, a.itemBody[0], "moved to SC 42");
        assertArrayEquals(new int[] {0, 0, 1, a.delegationIndex("M")}, a.venueMoves.toArray());
        assertEquals(12, a.deadline[0], "the restart: round 2 + delay 10, later than the deadline 10");
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
    void aTextTabledInTheOldBodyIsRedraftedByTheNewBodysChair() throws Exception {
        Scenario s = Scenarios.load(dir, Scenarios.BODIES.replace("deadline: 10, body: itu}",
                "deadline: 10, body: itu, text: {a: 0.3}}"));
        Assembly a = new Assembly(s);
        a.setRound(2);
        assertTrue(a.textFixed(0), "tabled in the ITU: voted as it stands there");
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions).step(a, new MersenneTwisterFast(1));
        assertEquals(1, a.itemBody[0], "moved to SC 42, worth 0.3333 - 0.1 to M");
        assertFalse(a.textFixed(0), "no longer tabled");
        assertEquals(0.3, a.draft[0], 1e-12, "the text travels as the starting draft");
        new ChairDrafting(s.chair()).step(a, new MersenneTwisterFast(1));
        assertEquals((0.9 + 0.8 + 0.8) / 3, a.draft[0], 1e-12, "SC 42's chair drafts its members' compromise");
    }

    /**
     * M, the item's sponsor, leaves the ITU in round 1. The R's alone would write 0.2 there and take it by consensus:
     * worth 0.4 - 0.7 = -0.3 to M; SC 42's text is worth 0.3333. Taking the work elsewhere is worth 0.6333 to M.
     */
    private Assembly afterTheSponsorLeavesTheItu(double cost, String sponsor) throws Exception {
        Scenario s = Scenarios.load(dir, Scenarios.BODIES.replace("body: itu}", "body: itu" + sponsor + "}"),
                "forum_shifting.cost=" + cost);
        Assembly a = new Assembly(s);
        EventSchedule.apply(a, new Scenario.Event(1, Scenario.EventType.WITHDRAW, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        a.setRound(2);
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions).step(a, new MersenneTwisterFast(1));
        return a;
    }

    @Test
    void aSponsorThatLeftTheItemsBodyTakesTheWorkElsewhere() throws Exception {
        Assembly a = afterTheSponsorLeavesTheItu(0.63, ", sponsor: M");
        int m = a.delegationIndex("M");
        assertFalse(a.takesPart(m, 0) && a.itemBody[0] == 0, "M is out of the ITU");
        assertEquals(1, a.itemBody[0], "moved to SC 42 by M from outside the ITU");
        assertArrayEquals(new int[] {0, 0, 1, m}, a.venueMoves.toArray());
        assertEquals(0, afterTheSponsorLeavesTheItu(0.64, ", sponsor: M").venueMoves.count(),
                "0.6333 does not beat the cost 0.64");
        assertEquals(0, afterTheSponsorLeavesTheItu(0.1, "").venueMoves.count(),
                "without a sponsor only those taking part may move it, and the R's are not in SC 42");
    }

    @Test
    void aCostAboveTheGainKeepsTheItemWhereItIs() throws Exception {
        Assembly a = afterOneRound(0.34);
        assertEquals(0, a.itemBody[0]);
        assertEquals(0, a.venueMoves.count());
        assertEquals(10, a.deadline[0]);
    }
}
