package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * The rule of forum shifting (docs/ODD.md 7.14) case by case, each computed by hand at round 2 (one dimension,
 * status quo 0.5, compromise = the capability-weighted mean of the members taking part): who is asked first, when
 * a move fires, how many moves an item may make, ties, and who may move a sponsored item.
 */
class ForumShiftingRulesTest {

    @TempDir
    Path dir;

    /**
     * itu: B (capability 1), R1-R3 (3 each, at 0.2), Z (2, at 0.9): compromise 4.5 / 12 = 0.375, which Z objects to
     * (it loses 0.125, x standing (2 / 2.4)^0.5 = 0.114 &gt; 0.1): the ITU takes nothing, worth 0 to everyone.
     * sc42: Z, Y1, Y2 (0.8): 3.4 / 4 = 0.85, approved by all three P-members: worth 0.4 - 0.05 = 0.35 to Z.
     * ietf: B, Z, W1, W2 (0.7): 4.1 / 5 = 0.82, no objector: worth 0.32 to Z, 0.4 - 0.08 = 0.32 to B.
     */
    private static final String THREE = """
            name: three
            seed: 3
            rounds: 30
            dimensions: [{id: a}]
            influence: {model: none, noise: 0}
            delegation_defaults: {salience: 1, objection_threshold: 1000000}
            bodies:
              - {id: itu, procedure: itu-plenary}
              - {id: sc42, procedure: iso-iec}
              - {id: ietf, procedure: ietf}
            delegations:
              - {id: B, position: {a: 0.9}, objection_threshold: 0.1, membership: {itu: member, ietf: participant}}
              - {id: R1, position: {a: 0.2}, capability: 3, membership: {itu: member}}
              - {id: R2, position: {a: 0.2}, capability: 3, membership: {itu: member}}
              - {id: R3, position: {a: 0.2}, capability: 3, membership: {itu: member}}
              - {id: Z, position: {a: 0.9}, capability: 2, objection_threshold: 0.1,
                 membership: {itu: member, sc42: P, ietf: participant}}
              - {id: Y1, position: {a: 0.8}, membership: {sc42: P}}
              - {id: Y2, position: {a: 0.8}, membership: {sc42: P}}
              - {id: W1, position: {a: 0.7}, membership: {ietf: participant}}
              - {id: W2, position: {a: 0.7}, membership: {ietf: participant}}
            agenda:
              - {id: ai, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 20, body: itu}
            forum_shifting: {model: expected-outcome, cost: 0.1}
            """;

    private record Shifting(Assembly assembly, ExpectedOutcomeShifting rule) {
        Shifting step(int round) {
            assembly.setRound(round);
            rule.step(assembly, new MersenneTwisterFast(1));
            return this;
        }
    }

    private Shifting shifting(String text, String... sets) throws Exception {
        Scenario s = Scenarios.load(dir, text, sets);
        DecisionMaking decisions = new DecisionMaking(s.decision(), new StatusQuoObjections(), new SincereBallot(),
                s.bodies());
        return new Shifting(new Assembly(s), new ExpectedOutcomeShifting(s.bodies().shifting(), s.agenda(), decisions));
    }

    @Test
    void theMostCapableDelegationWhoseRuleFiresMovesTheItemAfterOthersThatDoNot() throws Exception {
        // R1-R3 are asked first (capability 3) and have nowhere to go; then Z (2): sc42 at 0.35 - 0.1 = 0.25 beats
        // ietf at 0.32 - 0.1 = 0.22 and staying (0). B, asked after Z, would have taken it to the ietf (0.22).
        Assembly a = shifting(THREE).step(2).assembly();
        assertArrayEquals(new int[] {0, 0, 1, a.delegationIndex("Z")}, a.venueMoves.toArray());
    }

    @Test
    void anItemMovesAtMostMaxMovesTimesAndEachRoundRecordsOnlyItsOwnMoves() throws Exception {
        // After the move, Y1 and Y2 turn to 0.2: sc42's compromise (1.8 + 0.4) / 4 = 0.55 gets one P-member's yes
        // (Z) and two no's: rejected, worth 0; the ietf is still worth 0.32 - 0.1 to Z.
        for (int maxMoves : new int[] {1, 2}) {
            Shifting s = shifting(THREE, "forum_shifting.max_moves=" + maxMoves).step(2);
            Assembly a = s.assembly();
            a.position[a.delegationIndex("Y1")] = 0.2;
            a.position[a.delegationIndex("Y2")] = 0.2;
            s.step(3);
            if (maxMoves == 1) {
                assertEquals(0, a.venueMoves.count(), "one move allowed, made in round 2");
                assertEquals(1, a.itemBody[0]);
            } else {
                assertArrayEquals(new int[] {0, 1, 2, a.delegationIndex("Z")}, a.venueMoves.toArray());
            }
        }
    }

    @Test
    void aMoveWorthExactlyWhatStayingIsWorthIsNotMade() throws Exception {
        // Y1 and Y2 at 0.2: sc42's compromise (0.9 + 0.4) / 3 = 0.4333 has 2 of 3 P-members in favour but 1 of 3
        // votes negative, over a quarter: rejected, worth 0; the ITU, where M objects, is worth 0. At cost 0 the
        // move is worth 0 - 0 = 0, no more than staying.
        Assembly a = shifting(Scenarios.BODIES.replace("{id: Y1, position: {a: 0.8}", "{id: Y1, position: {a: 0.2}")
                .replace("{id: Y2, position: {a: 0.8}", "{id: Y2, position: {a: 0.2}"), "forum_shifting.cost=0")
                .step(2).assembly();
        assertEquals(0, a.venueMoves.count());
        assertEquals(0, a.itemBody[0]);
    }

    @Test
    void ofTwoDestinationsWorthTheSameTheSmallerIdWinsWhereverTheFileListsIt() throws Exception {
        // Two ISO/IEC committees with the same members: each worth 0.3333 - 0.1 to M.
        for (List<String> order : List.of(List.of("zz", "aa"), List.of("aa", "zz"))) {
            String text = Scenarios.BODIES.replace("""
                      - {id: itu, procedure: itu-plenary}
                      - {id: sc42, procedure: iso-iec}
                    """, """
                      - {id: %s, procedure: iso-iec}
                      - {id: %s, procedure: iso-iec}
                      - {id: itu, procedure: itu-plenary}
                    """.formatted(order.get(0), order.get(1))).replace("sc42: P", "aa: P, zz: P");
            Assembly a = shifting(text).step(2).assembly();
            assertEquals(1, a.venueMoves.count(), order.toString());
            assertEquals("aa", a.bodyIds[a.itemBody[0]], order.toString());
        }
    }

    @Test
    void onlyTheSponsorOrAMemberOfTheSponsoringBlocMovesAnItem() throws Exception {
        // M would move the item to SC 42 (0.3333 - 0.1); R1 and Y1 could not (R1 has nowhere to go, Y1 is not in
        // the ITU and never was).
        assertEquals(0, moves("sponsor: R1"), "M is not the sponsor");
        assertEquals(0, moves("sponsor: Y1"), "a sponsor that was never in the item's body cannot move it");
        assertEquals(1, moves("sponsor: M"));
        String bloc = Scenarios.BODIES.replace("forum_shifting:", "blocs: [{id: EU, cohesion: 0.5}]\nforum_shifting:");
        assertEquals(1, shifting(bloc.replace("{id: M,", "{id: M, groups: [EU],").replace("body: itu}",
                "body: itu, sponsor: EU}")).step(2).assembly().venueMoves.count(), "M is in the sponsoring bloc");
        assertEquals(0, shifting(bloc.replace("{id: R1,", "{id: R1, groups: [EU],").replace("body: itu}",
                "body: itu, sponsor: EU}")).step(2).assembly().venueMoves.count(), "M is not in the sponsoring bloc");
    }

    private int moves(String sponsor) throws Exception {
        return shifting(Scenarios.BODIES.replace("body: itu}", "body: itu, " + sponsor + "}")).step(2).assembly()
                .venueMoves.count();
    }

    @Test
    void aSponsorThatLeftTheItemsBodyMovesItWhereverTheBodiesAndDelegationsAreListed() throws Exception {
        // ForumShiftingTest's case (worth 0.3333 + 0.3 to M) with the ITU listed second and M after Y1.
        String text = Scenarios.BODIES.replace("""
                  - {id: itu, procedure: itu-plenary}
                  - {id: sc42, procedure: iso-iec}
                """, """
                  - {id: sc42, procedure: iso-iec}
                  - {id: itu, procedure: itu-plenary}
                """).replace("""
                  - {id: M, position: {a: 0.9}, objection_threshold: 0.1, membership: {itu: member, sc42: P}}
                """, """
                  - {id: Y0, position: {a: 0.8}, membership: {sc42: P}}
                  - {id: M, position: {a: 0.9}, objection_threshold: 0.1, membership: {itu: member, sc42: P}}
                """).replace("body: itu}", "body: itu, sponsor: M}");
        Shifting s = shifting(text);
        Assembly a = s.assembly();
        EventSchedule.apply(a, new Scenario.Event(1, Scenario.EventType.WITHDRAW, "M", null, List.of(), List.of(),
                null, 0, "itu"));
        s.step(2);
        // SC 42 now has Y0 too: (0.9 + 3 x 0.8) / 4 = 0.825, worth 0.4 - 0.075 = 0.325 to M, against -0.3 in the ITU.
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.venueMoves.toArray(), "from itu (1) to sc42 (0) by M (1)");
    }

    @Test
    void aVoteOnlyTheOldDeadlineWouldBringIsNotWhatAMoveLeadsTo() throws Exception {
        // Round 10, the deadline, the item in SC 42: M, Y1, Y2 (P) and R1 (O) write (0.9 + 1.6 + 0.2) / 4 = 0.675,
        // approved (3 P yes; R1's no is 1 of 4 votes cast, a quarter): worth 0.3 - 0.475 = -0.175 to R1. In the ITU
        // the deadline's vote would adopt (0.9 + 0.6) / 4 = 0.375 by 3 to 1, worth 0.125 to R1; but a move restarts
        // the deadline at round 20, so the ITU takes nothing now: 0 - cost 0.2 does not beat -0.175.
        Shifting s = shifting(Scenarios.BODIES.replace("{id: R1, position: {a: 0.2}, membership: {itu: member}}",
                "{id: R1, position: {a: 0.2}, membership: {itu: member, sc42: O}}").replace("body: itu}", "body: sc42}"),
                "forum_shifting.cost=0.2");
        Assembly a = s.step(10).assembly();
        assertEquals(0, a.venueMoves.count());
        assertEquals(1, a.itemBody[0]);
    }

    @Test
    void theSecondItemOfTwoOnTwoDimensionsIsWeighedOnItsOwnText() throws Exception {
        // The first item is closed; the second is BODIES' item, on a and b, where everyone and the status quo are at
        // 0.5: SC 42's text (0.8333, 0.5) gains M only on a, still more than the cost, and M moves it.
        String text = Scenarios.BODIES.replace("dimensions: [{id: a}]", "dimensions: [{id: a}, {id: b}]")
                .replace("position: {a: 0.9}", "position: {a: 0.9, b: 0.5}")
                .replace("position: {a: 0.2}", "position: {a: 0.2, b: 0.5}")
                .replace("position: {a: 0.8}", "position: {a: 0.8, b: 0.5}")
                .replace("weights: {a: 1}, status_quo: {a: 0.5}", "weights: {a: 1, b: 1}, status_quo: {a: 0.5, b: 0.5}")
                .replace("  - {id: ai,", "  - {id: done, weights: {b: 1}, status_quo: {b: 0.5}, body: itu}\n  - {id: ai,");
        Shifting s = shifting(text);
        s.assembly().itemState[0] = ItemState.CONSENSUS;
        Assembly a = s.step(2).assembly();
        assertArrayEquals(new int[] {1, 0, 1, a.delegationIndex("M")}, a.venueMoves.toArray());
    }
}
