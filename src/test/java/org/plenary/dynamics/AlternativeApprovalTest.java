package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * ITU-T A.8 (docs/ODD.md 7.13) round by round on the one-item assemblies of {@link BodyAssemblies} (deadline 5):
 * consent, a last call of two rounds with the text frozen, approval without comments, a comment that reopens it.
 */
class AlternativeApprovalTest {

    @TempDir
    Path dir;

    private static final Scenario.Body SG = new Scenario.Body("sg17", Scenario.Procedure.ITU_T_AAP, 0.1, 0.71, 2);

    @Test
    void consentThenALastCallWithoutCommentsApproves() throws Exception {
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "sector-member");
        Assembly consented = BodyAssemblies.stepped(dir, SG, roles, 1, 1);
        assertEquals(ItemState.OPEN, consented.itemState[0], "consent opens the last call, it does not approve");
        assertEquals(3, consented.lastCallEnds[0], "consented in round 1, last call of 2 rounds ends in round 3");
        assertTrue(consented.textFixed(0), "the text is frozen during the last call");
        Assembly midway = BodyAssemblies.stepped(dir, SG, roles, 1, 2);
        assertEquals(ItemState.OPEN, midway.itemState[0]);
        Assembly approved = BodyAssemblies.stepped(dir, SG, roles, 1, 3);
        assertEquals(ItemState.CONSENSUS, approved.itemState[0]);
        assertEquals(3, approved.decidedRound[0]);
    }

    @Test
    void aCommentWithoutStandingReopensTheTextAndTheDeadlineEndsIt() throws Exception {
        // C cannot block consent (no standing) but comments in the last call: reopened in round 3, consented
        // again (C still cannot object), its second last call ends in round 6, past the deadline 5, with a comment.
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "member-state", "C1", "sector-member");
        Assembly reopened = BodyAssemblies.stepped(dir, SG, roles, 1, 3);
        assertEquals(ItemState.OPEN, reopened.itemState[0]);
        assertEquals(0, reopened.lastCallEnds[0], "the comment reopened the text");
        Assembly again = BodyAssemblies.stepped(dir, SG, roles, 1, 4);
        assertEquals(6, again.lastCallEnds[0], "consented again in round 4");
        Assembly failed = BodyAssemblies.stepped(dir, SG, roles, 1, 6);
        assertEquals(ItemState.FAILED, failed.itemState[0]);
        assertEquals(6, failed.decidedRound[0]);
    }

    @Test
    void aConsentInTheDeadlinesRoundIsApprovedAtThatMeeting() throws Exception {
        var roles = BodyAssemblies.roles("Y1", "member-state", "C1", "sector-member");
        Assembly a = BodyAssemblies.decided(dir, SG, roles, 5);
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);
        assertEquals(0, a.lastCallEnds[0]);
    }

    @Test
    void withoutConsentByTheDeadlineTheTextFails() throws Exception {
        var roles = BodyAssemblies.roles("Y1", "member-state", "X1", "member-state");
        assertEquals(ItemState.OPEN, BodyAssemblies.decided(dir, SG, roles, 4).itemState[0]);
        assertEquals(ItemState.FAILED, BodyAssemblies.decided(dir, SG, roles, 5).itemState[0]);
    }
}
