package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Standards bodies (docs/ODD.md 7.13-7.14) together with the other mechanisms, by hand: the probes of a
 * review that tried to break them, each kept as a test of the rule it found wanting.
 */
class BodiesBreakTest {
    @TempDir
    Path dir;

    /**
     * Attendance under capacity (7.11) with two bodies: one plenary item in the ITU, one in SC 42. D, a member of
     * the ITU only, with capability 1 = c_full (K = 1), has one item to cover, not two: p = min(1, 1/1) = 1, it
     * never misses a round. Counting SC 42's item too would give p = 1/2 and about 100 absences in 200 rounds.
     * B, a member of both, has two: p = 1/2.
     */
    @Test
    void aDelegationsCapacityIsSharedOnlyAmongTheItemsOfItsBodies() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: attendance-bodies
                rounds: 5
                dimensions: [{id: a}]
                attendance: {model: capacity, full_capability: 1, exponent: 1}
                bodies:
                  - {id: itu, procedure: itu-plenary}
                  - {id: sc42, procedure: iso-iec}
                delegations:
                  - {id: D, capability: 1, position: {a: 0.5}, membership: {itu: member}}
                  - {id: B, capability: 1, position: {a: 0.5}, membership: {itu: member, sc42: P}}
                agenda:
                  - {id: x, weights: {a: 1}, status_quo: {a: 0.5}, body: itu}
                  - {id: y, weights: {a: 1}, status_quo: {a: 0.5}, body: sc42}
                """));
        CapacityAttendance attendance = new CapacityAttendance(1, 1);
        MersenneTwisterFast random = new MersenneTwisterFast(21);
        int plenary = 0;
        int absencesOfD = 0;
        int absencesOfB = 0;
        for (int round = 0; round < 200; round++) {
            attendance.step(a, random);
            absencesOfD += a.absent[a.delegationIndex("D") * a.forums + plenary] ? 1 : 0;
            absencesOfB += a.absent[a.delegationIndex("B") * a.forums + plenary] ? 1 : 0;
        }
        assertEquals(0, absencesOfD, "one item of its bodies open, capacity 1: always there");
        assertEquals(100, absencesOfB, 25, "two items open in its bodies: p = 1/2");
    }

    /**
     * Forum shifting (7.14) with two destinations worth the same to the mover: {@link Scenarios#BODIES} with a
     * second ISO/IEC committee, jtc1, of the same members as sc42. Each would approve the compromise
     * (0.8 x 2 + 0.9) / 3 = 0.8333, worth 0.4 - 0.0667 = 0.3333 to M, against 0 in the ITU; with cost 0.1 both
     * beat staying by 0.2333. The tie goes to the smaller id, jtc1, whichever body the file lists first.
     */
    @Test
    void aTieBetweenTwoDestinationsDoesNotDependOnTheOrderOfTheFile() throws Exception {
        assertEquals("jtc1", destination("sc42", "jtc1"));
        assertEquals("jtc1", destination("jtc1", "sc42"));
    }

    private String destination(String first, String second) throws Exception {
        String twoCommittees = Scenarios.BODIES
                .replace("  - {id: sc42, procedure: iso-iec}\n",
                        "  - {id: %s, procedure: iso-iec}\n  - {id: %s, procedure: iso-iec}\n".formatted(first, second))
                .replace("sc42: P}", "sc42: P, jtc1: P}");
        Scenario s = Scenarios.load(dir, twoCommittees);
        Assembly a = new Assembly(s);
        a.setRound(2);
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions).step(a, new MersenneTwisterFast(1));
        assertEquals(1, a.venueMoves.count(), "M moves the item once");
        return a.bodyIds[a.itemBody[0]];
    }

    /**
     * Concessions on withdrawal (7.6, {@code drop}, the default) when the withdrawal is from one body (7.13): U
     * at 0.9 (threshold 0.01), hurt by the compromise 0.4333 (the R's at 0.2), objects; the chair concedes 5 %
     * of the way to it each round, all of the concession owed to U alone. U then leaves the ITU only: for the ITU's
     * item it is gone as if it had left altogether, so the next drafting takes back all it was owed and the
     * draft returns to the R's compromise, 0.2, as it does after a full withdrawal.
     */
    @Test
    void leavingTheItemsBodyTakesBackTheConcessionsAsLeavingAltogetherDoes() throws Exception {
        assertEquals(0.2, draftAfterWithdrawal("itu"), 1e-12, "withdrawn from the item's body");
        assertEquals(0.2, draftAfterWithdrawal(null), 1e-12, "withdrawn altogether");
    }

    private double draftAfterWithdrawal(String body) throws Exception {
        Scenario s = Scenarios.load(dir, """
                name: concessions-bodies
                rounds: 10
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0}
                chair: {accommodation: 0.05}
                delegation_defaults: {salience: 1, objection_threshold: 1000000}
                bodies:
                  - {id: itu, procedure: itu-plenary}
                  - {id: sc42, procedure: iso-iec}
                delegations:
                  - {id: U, position: {a: 0.9}, objection_threshold: 0.01, membership: {itu: member, sc42: P}}
                  - {id: R1, position: {a: 0.2}, membership: {itu: member, sc42: P}}
                  - {id: R2, position: {a: 0.2}, membership: {itu: member}}
                agenda:
                  - {id: x, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 10, body: itu}
                """);
        Assembly a = new Assembly(s);
        ChairDrafting chair = new ChairDrafting(s.chair());
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        MersenneTwisterFast random = new MersenneTwisterFast(1);
        for (int round = 1; round <= 3; round++) {
            a.setRound(round);
            chair.step(a, random);
            decisions.step(a, random);
        }
        // Drafts 0.4333, then + 0.05 x (0.9 - 0.4333), + 0.05 x (0.9 - 0.4567): U still objects to 0.4788.
        assertEquals(0.0455, a.concession[0], 1e-4, "conceded to U");
        assertFalse(a.itemState[0].isClosed());
        EventSchedule.apply(a, new Scenario.Event(4, Scenario.EventType.WITHDRAW, "U", null, List.of(), List.of(),
                null, 0, body));
        a.setRound(4);
        chair.step(a, random);
        return a.draft[0];
    }

    /**
     * IETF rough consensus (7.13) exactly at the rough share: 29 objectors (X, at 0.25 against the draft 0.75)
     * among 50 participants with {@code rough: 0.58} is a share of exactly 0.58, "at most" the rough share, so
     * the objections are judged in the rough. In binary 0.58 x 50 is 28.999999999999996, under 29.
     */
    @Test
    void objectorsExactlyAtTheRoughShareAreJudgedInTheRough() throws Exception {
        Scenario.Body wg = new Scenario.Body("wg", Scenario.Procedure.IETF, 0.58, 0.71, 2);
        Map<String, String> roles = new LinkedHashMap<>();
        for (int p = 1; p <= 50; p++) {
            roles.put((p <= 29 ? "X" : "Y") + p, "participant");
        }
        Assembly a = BodyAssemblies.decided(dir, wg, roles, 1);
        int objectors = 0;
        for (int i = 0; i < a.delegations; i++) {
            objectors += a.objecting[i] ? 1 : 0;
        }
        assertEquals(29, objectors, "the 29 X's object; the outsider is in no body");
        assertEquals(ItemState.CONSENSUS, a.itemState[0]);
    }

    /**
     * A reengage event with neither dimensions nor forums "undoes every disengagement and also a withdrawal"
     * (scenario-format, events): that includes a withdrawal from one body. M leaves the ITU (role 0 there,
     * still a P-member of SC 42), then re-engages without lists: it is a member of the ITU again, with its
     * declared role, and takes part in the ITU's item.
     */
    @Test
    void reengagingWithoutListsUndoesAWithdrawalFromOneBody() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, Scenarios.BODIES));
        int m = a.delegationIndex("M");
        EventSchedule.apply(a, new Scenario.Event(1, Scenario.EventType.WITHDRAW, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        assertFalse(a.takesPart(m, 0));
        EventSchedule.apply(a, new Scenario.Event(2, Scenario.EventType.REENGAGE, "M", null, List.of(), List.of(),
                null, 0, null));
        assertEquals(Scenario.Procedure.ITU_PLENARY.roleCode("member"), a.role[m * a.bodies]);
        assertTrue(a.takesPart(m, 0), "back in the ITU");
    }

    /**
     * A 3GPP vote (7.13) as recorded for votes.csv and ballots.csv: five Individual Members for (Y), two against
     * (X, objecting, so no consensus by the deadline), and an observer against (X3). The vote of the Individual Members is 5 of 7 = 71.4 %: adopted at 71 %.
     * The recorded tally must be that vote, yes 5, no 2, with no ballot for the observer, whose vote is not
     * counted; 5 yes and 3 no (62.5 %) beside "vote-adopted" would contradict the rule.
     */
    @Test
    void aThreeGppTallyRecordsOnlyTheIndividualMembersVotes() throws Exception {
        Scenario.Body ran = new Scenario.Body("ran", Scenario.Procedure.THREE_GPP, 0.1, 0.71, 2);
        Map<String, String> roles = BodyAssemblies.roles("Y1", "individual-member", "Y2", "individual-member",
                "Y3", "individual-member", "Y4", "individual-member", "Y5", "individual-member",
                "X1", "individual-member", "X2", "individual-member", "X3", "observer");
        Assembly a = BodyAssemblies.decided(dir, ran, roles, 5);
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
        assertEquals(5, a.votes[0], "yes");
        assertEquals(2, a.votes[1], "no: the observer's is not a vote cast");
        assertEquals(0, a.votes[2], "abstentions");
        assertEquals(DecisionMaking.NO_BALLOT, a.ballots[a.delegationIndex("X3")]);
    }

    /**
     * Forum shifting (7.14) at the deadline, an item still open in its last call (itu-t-aap, the only way an
     * item is open past its deadline): M (0.9) could take it to a 3GPP group (M, Y1-Y3 at 0.8, X at 0.2) whose
     * compromise (0.9 + 2.4 + 0.2) / 5 = 0.7 X objects to (it loses 0.5 - 0.3 = 0.2 > 0.1), so no consensus;
     * at the old deadline the Individual Members' vote would carry it 4 to 1, worth 0.4 - 0.2 = 0.2 to M. But
     * the move restarts the item with its deadline at 10 + 10 = 20: the group would take nothing this round,
     * V = 0, and 0 - 0.1 does not beat staying (0: the ITU-T's members M and the R's at 0.2 would not consent
     * to their compromise 0.375, M objecting). The item stays.
     */
    @Test
    void aMoveIsValuedUnderTheDeadlineTheMoveItselfSets() throws Exception {
        Scenario s = Scenarios.load(dir, Scenarios.BODIES
                .replace("  - {id: itu, procedure: itu-plenary}\n  - {id: sc42, procedure: iso-iec}\n",
                        "  - {id: itu, procedure: itu-t-aap}\n  - {id: ran, procedure: 3gpp}\n")
                .replace("{itu: member, sc42: P}", "{itu: member-state, ran: individual-member}")
                .replace("{itu: member}", "{itu: member-state}")
                .replace("{sc42: P}}", "{ran: individual-member}}")
                .replace("  - {id: Y2", "  - {id: Y3, position: {a: 0.8}, membership: {ran: individual-member}}\n"
                        + "  - {id: X, position: {a: 0.2}, objection_threshold: 0.1, "
                        + "membership: {ran: individual-member}}\n"
                        + "  - {id: Y2"));
        Assembly a = new Assembly(s);
        a.setRound(10);
        a.lastCallEnds[0] = 11;
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions).step(a, new MersenneTwisterFast(1));
        assertEquals(0, a.venueMoves.count(), "no move: after it, the group would not vote until round 20");
        assertEquals(0, a.itemBody[0]);
    }

    /**
     * Coalitions as actors (7.4b) with bodies: the coalition events (coalitions.csv, the pen's record) say why a
     * delegation can no longer belong on an item. M, salience 1 on the item's only dimension, leaves the ITU:
     * the reason is that it is no longer a member of the item's body, not "no-salience".
     */
    @Test
    void leavingTheItemsBodyIsRecordedAsSuch() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, Scenarios.BODIES));
        int m = a.delegationIndex("M");
        EventSchedule.apply(a, new Scenario.Event(1, Scenario.EventType.WITHDRAW, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        assertFalse(CoalitionFormation.canBelong(a, m, 0));
        assertEquals("not-a-member", CoalitionFormation.exitReason(a, m, 0));
    }
}
