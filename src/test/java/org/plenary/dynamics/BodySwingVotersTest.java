package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.observe.PivotalVoters;
import org.plenary.scenario.Scenario;

/**
 * Swing voters of an ISO/IEC ballot and a 3GPP vote (docs/ODD.md 7.13), by hand on {@link BodyAssemblies}: each
 * counted under its body's rule, not the plenary's majority and quorum.
 */
class BodySwingVotersTest {

    @TempDir
    Path dir;

    private static boolean[] pivotal(Assembly a, int[] count) {
        boolean[] flags = new boolean[a.delegations];
        // The plenary's majority 0.9 and quorum 1 would make every yes voter swing: they must not be what counts.
        Scenario.Decision plenary = new Scenario.Decision(Scenario.Rule.CONSENSUS, Scenario.Fallback.VOTE, 0.9, 1, 0,
                0.5, 0.05, Scenario.VoteModel.THRESHOLD, null);
        count[0] = PivotalVoters.mark(a, 0, plenary, flags, 0, new int[a.delegations]);
        return flags;
    }

    @Test
    void inAnIsoBallotAPMemberOnTheEdgeOfTwoThirdsSwingsAndAnOMemberInsideTheQuarterDoesNot() throws Exception {
        // P: Y1, Y2 yes, N1 no (2 of 3, two-thirds exactly); O: Y3..Y7 yes. All cast: 7 yes, 1 no. Adopted.
        // Y1 abstaining leaves 1 of 2 P in favour: rejected, so Y1 and Y2 swing. Y3 voting no makes 6 yes, 2 no:
        // 2 of 8 negative, a quarter exactly, still approved; abstaining changes nothing: no O-member swings.
        Scenario.Body sc42 = new Scenario.Body("sc42", Scenario.Procedure.ISO_IEC, 0.1, 0.71, 2);
        var roles = BodyAssemblies.roles("Y1", "P", "Y2", "P", "N1", "P", "Y3", "O", "Y4", "O", "Y5", "O", "Y6", "O",
                "Y7", "O");
        Assembly a = BodyAssemblies.decided(dir, sc42, roles, 1);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
        assertTrue(PivotalVoters.applies(a, 0));
        int[] count = new int[1];
        boolean[] flags = pivotal(a, count);
        assertEquals(2, count[0]);
        assertTrue(flags[a.delegationIndex("Y1")] && flags[a.delegationIndex("Y2")]);
        assertFalse(flags[a.delegationIndex("Y3")] || flags[a.delegationIndex("N1")]);
    }

    @Test
    void inA3gppVoteEachIndividualMemberOfAThinSuperMajoritySwingsAndAnObserverNever() throws Exception {
        // X1 objects, so no consensus: the deadline's vote. Individual Members: Y1..Y5 yes, X1 and N1 no: 5 of 7 =
        // 0.714 >= 0.71 carries; one yes abstaining leaves 4 of 6 (0.667): each of the five swings. Y6, an observer,
        // votes yes uncounted and never swings; the no side lost.
        Scenario.Body tsg = new Scenario.Body("sa", Scenario.Procedure.THREE_GPP, 0.1, 0.71, 2);
        var roles = BodyAssemblies.roles("X1", "individual-member", "Y1", "individual-member", "Y2",
                "individual-member", "Y3", "individual-member", "Y4", "individual-member", "Y5", "individual-member",
                "N1", "individual-member", "Y6", "observer");
        Assembly a = BodyAssemblies.decided(dir, tsg, roles, 5);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
        int[] count = new int[1];
        boolean[] flags = pivotal(a, count);
        assertEquals(5, count[0]);
        for (String yes : new String[] {"Y1", "Y2", "Y3", "Y4", "Y5"}) {
            assertTrue(flags[a.delegationIndex(yes)], yes);
        }
        assertFalse(flags[a.delegationIndex("Y6")], "an observer never swings");
        assertFalse(flags[a.delegationIndex("X1")] || flags[a.delegationIndex("N1")]);
    }

    @Test
    void aRoughConsensusHoldsNoVoteAndHasNoSwingVoters() throws Exception {
        Scenario.Body ietf = new Scenario.Body("ietf", Scenario.Procedure.IETF, 0.1, 0.71, 2);
        Assembly a = BodyAssemblies.decided(dir, ietf, BodyAssemblies.roles("Y1", "participant", "N1", "participant"),
                1);
        a.itemState[0] = ItemState.OPEN;
        assertFalse(PivotalVoters.applies(a, 0));
    }
}
