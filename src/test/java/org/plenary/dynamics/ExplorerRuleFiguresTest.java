package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.explore.RuleFigures;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * The figures the explorer shows beside a 3GPP vote and an ITU-T last call, on the hand-computed one-item
 * assemblies of {@link BodyAssemblies} (Y votes yes, X votes no and objects; deadline 5).
 */
class ExplorerRuleFiguresTest {
    private static final Scenario.Body RAN = new Scenario.Body("ran", Scenario.Procedure.THREE_GPP, 0.1, 0.71, 2);
    private static final Scenario.Body SG = new Scenario.Body("sg17", Scenario.Procedure.ITU_T_AAP, 0.1, 0.71, 2);

    @TempDir
    Path dir;

    @Test
    void aThreeGppVoteCountsTheIndividualMembersOnly() throws Exception {
        // 5 individual members for, 2 against, and an objecting observer whose vote is not counted:
        // 5 of 7 = 71.4% >= 71%, adopted (ConsensusProceduresTest).
        Map<String, String> roles = BodyAssemblies.roles("Y1", "individual-member", "Y2", "individual-member",
                "Y3", "individual-member", "Y4", "individual-member", "Y5", "individual-member", "X1",
                "individual-member", "X2", "individual-member", "X3", "observer");
        Assembly before = BodyAssemblies.decided(dir, RAN, roles, 4);
        Map<String, Object> open = RuleFigures.of(null, List.of(RAN), before, 0);
        assertEquals(Map.of("procedure", "3gpp"), open, "no vote before the deadline, nothing counted");
        Assembly voted = BodyAssemblies.decided(dir, RAN, roles, 5);
        assertEquals(ItemState.VOTE_ADOPTED, voted.itemState[0]);
        Map<String, Object> figures = RuleFigures.of(null, List.of(RAN), voted, 0);
        assertEquals(5, figures.get("yes"));
        assertEquals(2, figures.get("no"), "the observer's no is not counted");
        assertEquals(0.71, figures.get("majority"));
    }

    @Test
    void anItuTLastCallShowsTheRoundItEnds() throws Exception {
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "sector-member");
        // Consent in round 1 opens a last call of 2 rounds: frozen until round 3, then approved (AlternativeApprovalTest).
        assertEquals(3, RuleFigures.of(null, List.of(SG), BodyAssemblies.stepped(dir, SG, roles, 1, 1), 0)
                .get("lastCallEnds"));
        Map<String, Object> approved = RuleFigures.of(null, List.of(SG), BodyAssemblies.stepped(dir, SG, roles, 1, 3), 0);
        assertFalse(approved.containsKey("lastCallEnds"), "approved: no last call any more");
        assertEquals("itu-t-aap", approved.get("procedure"));
    }
}
