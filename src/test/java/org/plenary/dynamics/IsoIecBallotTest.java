package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * The ISO/IEC DIS/FDIS counting rule (ISO/IEC Directives Part 1, 2.6-2.7; docs/ODD.md 7.13), by hand: approved when
 * at least two-thirds of the P-members' votes cast are in favour and at most a quarter of all votes cast are
 * negative, abstentions excluded.
 */
class IsoIecBallotTest {

    @TempDir
    Path dir;

    @Test
    void bothHalvesMetApproves() {
        // P: 8 yes, 2 no = 80% >= 2/3; all: O adds 2 yes, no = 2 of 12 = 16.7% <= 25%.
        assertTrue(IsoIecBallot.approves(8, 2, 10, 2));
    }

    @Test
    void theTwoThirdsOfPMembersFailsAlone() {
        // P: 6 yes, 4 no = 60% < 2/3; all: 14 O yes, no = 4 of 24 = 16.7%, the quarter is met.
        assertFalse(IsoIecBallot.approves(6, 4, 20, 4));
        assertTrue(4 * 4 <= 20 + 4, "the negative quarter alone is met");
    }

    @Test
    void theNegativeQuarterFailsAlone() {
        // P: 8 yes, 2 no = 80%; O: 2 no, so all no = 4 of 12 = 33% > 25%.
        assertFalse(IsoIecBallot.approves(8, 2, 8, 4));
        assertTrue(3 * 8 >= 2 * (8 + 2), "the P-members' two-thirds alone is met");
    }

    @Test
    void exactlyTwoThirdsAndExactlyAQuarterApprove() {
        // P: 2 yes, 1 no = 2/3 exactly; all: O adds 1 yes, no = 1 of 4 = 25% exactly ("not more than").
        assertTrue(IsoIecBallot.approves(2, 1, 3, 1));
        // One P no vote more: 2 of 4 = 50% < 2/3.
        assertFalse(IsoIecBallot.approves(2, 2, 4, 2));
    }

    @Test
    void aBallotWithoutAPMembersVoteIsNotApproved() {
        assertFalse(IsoIecBallot.approves(0, 0, 3, 0));
    }

    private static final Scenario.Body SC42 = new Scenario.Body("sc42", Scenario.Procedure.ISO_IEC, 0.1, 0.71, 2);

    /** Round 1, no objection (see {@link BodyAssemblies}): the committee agrees at once and the draft goes to ballot. */
    private Assembly committee(Map<String, String> roles) throws Exception {
        return BodyAssemblies.decided(dir, SC42, roles, 1);
    }

    @Test
    void committeeConsensusGoesToTheBallotWhereOMembersCountOnlyInTheNegativeQuarter() throws Exception {
        // P: Y1..Y4 yes, N1 no = 80%; no O-members: no = 1 of 5 = 20%. Adopted in round 1.
        Assembly adopted = committee(BodyAssemblies.roles("Y1", "P", "Y2", "P", "Y3", "P", "Y4", "P", "N1", "P"));
        assertEquals(ItemState.VOTE_ADOPTED, adopted.itemState[0]);
        assertEquals(1, adopted.decidedRound[0]);
        assertArrayEquals(new int[] {4, 1, 0}, new int[] {adopted.votes[0], adopted.votes[1], adopted.votes[2]},
                "the Outsider, not a member, casts no ballot");
        assertEquals(0, adopted.objectingShare[0], "and its objection, which has standing, does not count");
        // Two O-members voting no: the P-members' 80% stands, but all no = 3 of 7 = 43% > 25%.
        Assembly rejected = committee(BodyAssemblies.roles("Y1", "P", "Y2", "P", "Y3", "P", "Y4", "P", "N1", "P",
                "N2", "O", "N3", "O"));
        assertEquals(ItemState.VOTE_REJECTED, rejected.itemState[0]);
        // The same two as O-members voting yes would not rescue a P-member minority: 2 yes, 2 no = 50%.
        Assembly pFails = committee(BodyAssemblies.roles("Y1", "P", "Y2", "P", "N1", "P", "N2", "P", "Y3", "O", "Y4", "O",
                "Y5", "O", "Y6", "O", "Y7", "O", "Y8", "O"));
        assertEquals(ItemState.VOTE_REJECTED, pFails.itemState[0], "all no = 2 of 10 = 20%, but P yes only 50%");
    }

    @Test
    void abstentionsAreExcludedFromBothCounts() throws Exception {
        // P: Y1, Y2 yes, N1 no, A1..A5 abstain: 2 of 3 votes cast = two-thirds; counting abstentions it would be 2 of 8.
        Assembly a = committee(BodyAssemblies.roles("Y1", "P", "Y2", "P", "N1", "P", "A1", "P", "A2", "P", "A3", "P", "A4", "P",
                "A5", "P", "Y3", "O"));
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0], "no = 1 of 4 votes cast = 25%");
        assertEquals(5, a.votes[2]);
    }
}
