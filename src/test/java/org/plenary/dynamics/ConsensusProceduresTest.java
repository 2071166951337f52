package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * IETF rough consensus and the 3GPP vote of Individual Members (docs/ODD.md 7.13), by hand on the one-item
 * assemblies of {@link BodyAssemblies}: X objects and votes no, Y votes yes, N votes no without objecting.
 */
class ConsensusProceduresTest {

    @TempDir
    Path dir;

    private static final Scenario.Body WG = new Scenario.Body("wg", Scenario.Procedure.IETF, 0.1, 0.71, 2);
    private static final Scenario.Body RAN = new Scenario.Body("ran", Scenario.Procedure.THREE_GPP, 0.1, 0.71, 2);

    private static String[] participants(int yes, int objectors) {
        String[] pairs = new String[2 * (yes + objectors)];
        for (int p = 0; p < yes + objectors; p++) {
            pairs[2 * p] = p < yes ? "Y" + p : "X" + p;
            pairs[2 * p + 1] = "participant";
        }
        return pairs;
    }

    @Test
    void oneObjectorInTenIsInTheRoughTwoAreNot() throws Exception {
        // rough 0.1: 1 objector <= 0.1 x 10 participants; 2 objectors > 0.1 x 11.
        Assembly rough = BodyAssemblies.decided(dir, WG, BodyAssemblies.roles(participants(9, 1)), 1);
        assertEquals(ItemState.CONSENSUS, rough.itemState[0]);
        Assembly open = BodyAssemblies.decided(dir, WG, BodyAssemblies.roles(participants(9, 2)), 1);
        assertEquals(ItemState.OPEN, open.itemState[0]);
    }

    @Test
    void roughConsensusCountsHeadsNotCapabilityAndNeverVotes() throws Exception {
        // 9 of 11 favour the draft, but at the deadline the IETF does not vote: the item fails.
        Assembly a = BodyAssemblies.decided(dir, WG, BodyAssemblies.roles(participants(9, 2)), 5);
        assertEquals(ItemState.FAILED, a.itemState[0]);
        assertEquals(-1, a.votes[0], "no ballot was held");
    }

    @Test
    void threeGppReachesConsensusWithoutAVote() throws Exception {
        Assembly a = BodyAssemblies.decided(dir, RAN, BodyAssemblies.roles("Y1", "individual-member",
                "N1", "individual-member"), 1);
        assertEquals(ItemState.CONSENSUS, a.itemState[0], "N votes no but sustains no objection");
    }

    @Test
    void threeGppVotesAtTheDeadlineWithTheSuperMajorityOfIndividualMembers() throws Exception {
        // Before the deadline an objection keeps the item open.
        String[] fiveToTwo = {"Y1", "individual-member", "Y2", "individual-member", "Y3", "individual-member",
            "Y4", "individual-member", "Y5", "individual-member", "X1", "individual-member", "X2", "individual-member"};
        assertEquals(ItemState.OPEN, BodyAssemblies.decided(dir, RAN, BodyAssemblies.roles(fiveToTwo), 4).itemState[0]);
        // At the deadline: 5 yes of 7 = 71.4% >= 71%, adopted.
        assertEquals(ItemState.VOTE_ADOPTED,
                BodyAssemblies.decided(dir, RAN, BodyAssemblies.roles(fiveToTwo), 5).itemState[0]);
        // A third no vote: 5 of 8 = 62.5% < 71%, rejected, though a simple majority favours it.
        String[] fiveToThree = java.util.Arrays.copyOf(fiveToTwo, 16);
        fiveToThree[14] = "X3";
        fiveToThree[15] = "individual-member";
        assertEquals(ItemState.VOTE_REJECTED,
                BodyAssemblies.decided(dir, RAN, BodyAssemblies.roles(fiveToThree), 5).itemState[0]);
        // As an observer, X3 debates and objects but its vote is not counted: 5 of 7 again.
        fiveToThree[15] = "observer";
        assertEquals(ItemState.VOTE_ADOPTED,
                BodyAssemblies.decided(dir, RAN, BodyAssemblies.roles(fiveToThree), 5).itemState[0]);
    }

    @Test
    void theSuperMajorityMetExactlyCarries() {
        assertTrue(ThreeGppVote.carries(0.71, 71, 29));
        assertFalse(ThreeGppVote.carries(0.71, 70, 30));
        assertFalse(ThreeGppVote.carries(0.71, 2, 1), "two-thirds is not enough");
        assertFalse(ThreeGppVote.carries(0.71, 0, 0), "no vote cast");
    }
}
