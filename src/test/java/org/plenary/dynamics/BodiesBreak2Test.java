package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.explore.RuleFigures;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Session 27's second break of the standards bodies, on the one-item assemblies of {@link BodyAssemblies}
 * (deadline 5, consultation of 2 rounds), each case computed by hand.
 */
class BodiesBreak2Test {

    @TempDir
    Path dir;

    private static final Scenario.Body SG = new Scenario.Body("sg3", Scenario.Procedure.ITU_T_AAP, 0.1, 0.71, 2);

    @Test
    void aTapMeetingWithoutAMemberStateApprovesNothing() throws Exception {
        // Two sector members agree (determination in round 1, meeting in round 3). No Member State replies, so the
        // consultation proceeds (9.4.5), but only Member States decide at the meeting (9.5.3): nobody approves.
        // It was approved (consensus in round 3) by the sector members alone.
        var roles = BodyAssemblies.roles("Y1", "sector-member", "Y2", "sector-member");
        Assembly meeting = BodyAssemblies.stepped(dir, SG, roles, 1, 3, true, 0);
        assertEquals(ItemState.OPEN, meeting.itemState[0], "no Member State to decide: reopened");
        assertEquals(0, meeting.lastCallEnds[0]);
        Assembly last = BodyAssemblies.stepped(dir, SG, roles, 1, 6, true, 0);
        assertEquals(ItemState.FAILED, last.itemState[0], "determined again in round 4, not approved at round 6");
        assertEquals(6, last.decidedRound[0]);
        var withAMemberState = BodyAssemblies.roles("Y1", "member-state", "Y2", "sector-member");
        assertEquals(ItemState.CONSENSUS, BodyAssemblies.stepped(dir, SG, withAMemberState, 1, 3, true, 0)
                .itemState[0], "one Member State, unopposed, approves");
    }

    @Test
    void aReturnToOneBodyListingDimensionsIsRefusedNotHalfApplied() {
        // The event restored Z's role in itu and silently dropped "dimensions: [a]": Z stayed disengaged from a.
        String text = """
                name: back
                rounds: 3
                dimensions: [{id: a}]
                bodies:
                  - {id: itu, procedure: itu-plenary}
                delegations:
                  - {id: Z, position: {a: 0.9}, salience: {a: 1}, membership: {itu: member}}
                events:
                  - {round: 1, type: disengage, delegation: Z, dimensions: [a]}
                  - {round: 2, type: reengage, delegation: Z, body: itu, dimensions: [a]}
                """;
        assertEquals(List.of(dir.resolve("scenario.yaml") + ":10: events[1].dimensions: a reengage event with a body"
                + " returns to that body only; re-engage dimensions or forums in an event of their own"),
                Scenarios.problems(dir, text));
    }

    @Test
    void theExplorerShowsATapItemsConsultationNotALastCall() throws Exception {
        // Determined in round 1: the consultation runs to the meeting of round 3. The explorer said "last call ...
        // a comment reopens it", AAP's rule, for this TAP item (where replies and an opposition decide).
        var roles = BodyAssemblies.roles("Y1", "member-state", "Y2", "sector-member");
        Assembly tap = BodyAssemblies.stepped(dir, SG, roles, 1, 1, true, 0);
        assertEquals(Map.of("procedure", "itu-t-aap", "approval", "tap", "meeting", 3),
                RuleFigures.of(null, List.of(SG), tap, 0));
        Assembly aap = BodyAssemblies.stepped(dir, SG, roles, 1, 1, false, 0);
        assertEquals(Map.of("procedure", "itu-t-aap", "approval", "aap", "lastCallEnds", 3),
                RuleFigures.of(null, List.of(SG), aap, 0));
    }

    @Test
    void aStudyGroupWithoutAMemberStateWouldNotTakeATapText() throws Exception {
        // What forum shifting weighs (DecisionMaking.accepts): sector members alone would determine 0.9, but no one
        // there could approve it at the meeting, so the body would not take it; with a Member State it would.
        String text = """
                name: accepts
                rounds: 5
                dimensions: [{id: a}]
                influence: {model: none}
                delegation_defaults: {salience: 1, objection_threshold: 1000000}
                bodies:
                  - {id: sg, procedure: itu-t-aap}
                delegations:
                  - {id: C1, position: {a: 0.9}, membership: {sg: sector-member}}
                  - {id: C2, position: {a: 0.9}, membership: {sg: %s}}
                agenda:
                  - {id: ai, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 5, approval: tap}
                """;
        assertFalse(accepts(text.formatted("sector-member")), "no Member State to decide");
        assertTrue(accepts(text.formatted("member-state")));
    }

    private boolean accepts(String text) throws Exception {
        Scenario s = Scenarios.load(dir, text);
        Assembly a = new Assembly(s);
        a.setRound(1);
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        return decisions.accepts(a, 0, new double[] {0.9});
    }

    @Test
    void leavingABodyTheDelegationIsNotInIsRefused() {
        // Y is in sc42 only: "withdraw from itu" changed nothing, silently, and the scenario read as if Y had left.
        String text = """
                name: leave
                rounds: 3
                dimensions: [{id: a}]
                bodies:
                  - {id: itu, procedure: itu-plenary}
                  - {id: sc42, procedure: iso-iec}
                delegations:
                  - {id: Z, position: {a: 0.9}, membership: {itu: member, sc42: P}}
                  - {id: Y, position: {a: 0.9}, membership: {sc42: P}}
                events:
                  - {round: 1, type: withdraw, delegation: Y, body: itu}
                  - {round: 1, type: withdraw, delegation: Z, body: itu}
                """;
        assertEquals(List.of(dir.resolve("scenario.yaml") + ":11: events[0].body: 'Y' is not a member of 'itu'"
                + " (no membership entry there): the event would change nothing"), Scenarios.problems(dir, text));
    }
}
