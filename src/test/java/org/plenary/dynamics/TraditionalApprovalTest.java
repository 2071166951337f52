package org.plenary.dynamics;

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
 * ITU-T's traditional approval process (WTSA Resolution 1, section 9; docs/ODD.md 7.13) round by round on the
 * one-item assemblies of {@link BodyAssemblies} (deadline 5, consultation of 2 rounds): determination in round 1,
 * the Member States' consultation and the decision meeting in round 3, each way of failing on its own.
 */
class TraditionalApprovalTest {

    @TempDir
    Path dir;

    private static final Scenario.Body SG = new Scenario.Body("sg3", Scenario.Procedure.ITU_T_AAP, 0.1, 0.71, 2);

    private Assembly tap(Map<String, String> roles, int to) throws Exception {
        return BodyAssemblies.stepped(dir, SG, roles, 1, to, true, 0);
    }

    @Test
    void determinationConsultationAndAnUnopposedMeetingApprove() throws Exception {
        // C1, a sector member hurt beyond its threshold, comments under AAP and reopens the text there; under TAP
        // it neither replies to the consultation nor decides at the meeting.
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "member-state", "C1", "sector-member");
        Assembly determined = tap(roles, 1);
        assertEquals(ItemState.OPEN, determined.itemState[0]);
        assertEquals(3, determined.lastCallEnds[0], "determined in round 1: the meeting after 2 rounds");
        assertTrue(determined.textFixed(0), "the text is frozen during the consultation");
        Assembly approved = tap(roles, 3);
        assertEquals(ItemState.CONSENSUS, approved.itemState[0]);
        assertEquals(3, approved.decidedRound[0]);
        Assembly underAap = BodyAssemblies.stepped(dir, SG, roles, 1, 3);
        assertEquals(ItemState.OPEN, underAap.itemState[0], "the same text under AAP: C1's comment reopens it");
    }

    @Test
    void seventyPerCentOfTheRepliesInSupportIsEnoughAndLessIsNot() throws Exception {
        // The C's are Member States hurt beyond their thresholds without the standing to object in the room
        // (capability 0.01): they reply against in the consultation, but would not oppose at the meeting.
        Assembly seven = tap(memberStates(7, 3), 3);
        assertEquals(ItemState.CONSENSUS, seven.itemState[0], "7 of 10 replies support: 70 %, it proceeds");
        Assembly six = tap(memberStates(6, 3), 3);
        assertEquals(ItemState.OPEN, six.itemState[0], "6 of 9 (66.7 %): not considered at this meeting");
        assertEquals(0, six.lastCallEnds[0], "the text is reopened");
        assertFalse(six.textFixed(0));
        assertTrue(TraditionalApproval.proceeds(7, 10));
        assertFalse(TraditionalApproval.proceeds(6, 9));
        assertTrue(TraditionalApproval.proceeds(0, 0), "no replies: the Director lets it proceed");
        assertFalse(TraditionalApproval.proceeds(0, 1));
    }

    @Test
    void oneMemberStatesOppositionAtTheMeetingStopsItAfterASuccessfulConsultation() throws Exception {
        // X1 holds a fifth of the capability: the tolerated share 0.25 lets the study group determine the text, and
        // 4 of 5 replies (80 %) support it, but at the meeting X1's objection is an opposition: not unopposed.
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "member-state", "Y3", "member-state",
                "Y4", "member-state", "X1", "member-state");
        Assembly determined = BodyAssemblies.stepped(dir, SG, roles, 1, 1, true, 0.25);
        assertEquals(3, determined.lastCallEnds[0], "determined despite X1");
        Assembly opposed = BodyAssemblies.stepped(dir, SG, roles, 1, 3, true, 0.25);
        assertEquals(ItemState.OPEN, opposed.itemState[0], "opposed: reopened");
        assertEquals(0, opposed.lastCallEnds[0]);
        Assembly failed = BodyAssemblies.stepped(dir, SG, roles, 1, 6, true, 0.25);
        assertEquals(ItemState.FAILED, failed.itemState[0], "determined again in round 4, opposed at round 6's meeting");
        assertEquals(6, failed.decidedRound[0]);

        var sectorMember = BodyAssemblies.roles("Y1", "member-state", "Y2", "member-state", "Y3", "member-state",
                "Y4", "member-state", "X1", "sector-member");
        Assembly approved = BodyAssemblies.stepped(dir, SG, sectorMember, 1, 3, true, 0.25);
        assertEquals(ItemState.CONSENSUS, approved.itemState[0], "a sector member's objection does not oppose");
    }

    @Test
    void withoutDeterminationBeforeTheDeadlineTheTextFails() throws Exception {
        var blocked = BodyAssemblies.roles("Y1", "member-state", "X1", "member-state");
        assertEquals(ItemState.OPEN, BodyAssemblies.stepped(dir, SG, blocked, 4, 4, true, 0).itemState[0]);
        assertEquals(ItemState.FAILED, BodyAssemblies.stepped(dir, SG, blocked, 5, 5, true, 0).itemState[0]);
        var agreed = BodyAssemblies.roles("Y1", "member-state", "Y2", "member-state");
        Assembly late = BodyAssemblies.stepped(dir, SG, agreed, 5, 5, true, 0);
        assertEquals(ItemState.FAILED, late.itemState[0], "agreed in the deadline's round: no time to consult");
        assertEquals(ItemState.CONSENSUS, BodyAssemblies.decided(dir, SG, agreed, 5).itemState[0],
                "under AAP the same consent is approved at that meeting");
    }

    private static Map<String, String> memberStates(int supporting, int against) {
        String[] pairs = new String[2 * (supporting + against)];
        for (int i = 0; i < supporting + against; i++) {
            pairs[2 * i] = (i < supporting ? "Y" : "C") + i;
            pairs[2 * i + 1] = "member-state";
        }
        return BodyAssemblies.roles(pairs);
    }
}
