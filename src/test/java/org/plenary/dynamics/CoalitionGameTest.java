package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.dynamics.HandAssemblies.coalitionOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/**
 * The coalition formation game of docs/ODD.md 7.4b on cases computed by hand: one dimension, salience
 * 1 and capability 1 unless said, so D2_ij = (x_i - x_j)^2 and p_ij = 1 + beta sum kappa_g - D2_ij / r^2.
 */
class CoalitionGameTest extends HandComputedCase {
    CoalitionGameTest() {
        super(HandAssemblies.header(6), 3);
    }

    /** Round 0 (seeding), then the given number of rounds of the formation step alone. */
    private Assembly formed(Scenario s, int rounds) {
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        formation.step(a, random);
        for (int t = 1; t <= rounds; t++) {
            a.setRound(t);
            formation.step(a, random);
        }
        return a;
    }

    // X, Y at 0.2 in bloc L; Z, W at 0.8 in bloc H; V at 0.45 in no bloc; reach 0.5, C = 5.
    // V: U(L) = 2 (1 - 0.25^2 / 0.25) / 5 = 0.3;  U(H) = 2 (1 - 0.35^2 / 0.25) / 5 = 0.204;  alone 0.
    private static final String FIVE = """
            delegations:
              - {id: X, groups: [L], position: {a: 0.2}}
              - {id: Y, groups: [L], position: {a: 0.2}}
              - {id: Z, groups: [H], position: {a: 0.8}}
              - {id: W, groups: [H], position: {a: 0.8}}
              - {id: V, position: {a: 0.45}}
            blocs:
              - {id: L, cohesion: 0.5}
              - {id: H, cohesion: 0.5}
            coalition_formation: {model: alliance, reach: 0.5, bloc_affinity: 0, merge_distance: 0.01}
            """;

    @Test
    void aDelegationMovesOnlyWhenItsGainBeatsTheSwitchingCost() throws Exception {
        Assembly joins = formed(scenario(FIVE, "coalition_formation.switching_cost=0.29"), 1);
        int l = coalitionOf(joins, "X");
        assertEquals("L@m", joins.actors().id(0, l));
        assertEquals(l, coalitionOf(joins, "V"), "gain 0.3 > cost 0.29: V joins L, its best option");
        assertEquals((0.2 + 0.2 + 0.45) / 3, joins.actors().common[l], EPS, "L's common position now includes V");
        assertEquals(List.of(new CoalitionActors.Event(0, "join", "L@m", "V", "")), joins.actors().events());

        Assembly stays = formed(scenario(FIVE, "coalition_formation.switching_cost=0.31"), 1);
        assertEquals(CoalitionActors.NONE, coalitionOf(stays, "V"), "gain 0.3 < cost 0.31: V stays alone");
        assertTrue(stays.actors().events().isEmpty());
    }

    @Test
    void twoDelegationsStandingAloneFoundACoalitionWhenBothGain() throws Exception {
        // A 0.1, B 0.15, D 0.9, no blocs, reach 0.3, C = 3: p_AB = 1 - 0.05^2 / 0.09 = 0.97222, each
        // gains 0.97222 / 3 = 0.324; D would lose by joining (p_DA, p_DB < 0). Equal weights: A, whose id
        // comes first, leads. Energy: -p_AB / 9.
        Scenario s = scenario("""
                delegations:
                  - {id: D, position: {a: 0.9}}
                  - {id: B, position: {a: 0.15}}
                  - {id: A, position: {a: 0.1}}
                coalition_formation: {model: alliance, reach: 0.3}
                """);
        Assembly a = formed(s, 1);
        int f = coalitionOf(a, "A");
        assertEquals("F1@m", a.actors().id(0, f));
        assertEquals(f, coalitionOf(a, "B"));
        assertEquals(CoalitionActors.NONE, coalitionOf(a, "D"));
        assertEquals("A", a.delegationIds[a.actors().leader(0, f)]);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        assertEquals(-(1 - 0.0025 / 0.09) / 9, formation.energy(a, 0), EPS);
        assertEquals(1, a.actors().events().stream().filter(e -> e.type().equals("found")).count());
    }

    @Test
    void coalitionsWithinTheMergeDistanceMergeWhenTheUnionLowersTheEnergy() throws Exception {
        // L {X, Y} at 0.2 (cohesion 0.5), H {Z, W} at 0.24 (cohesion 0.6), bloc affinity 5, reach 0.3, C = 4.
        // p across = 1 - 0.04^2 / 0.09 = 0.98222; X stays: U(L) = (1 + 5 x 0.5) / 4 = 0.875 > U(H) =
        // 2 x 0.98222 / 4 = 0.491; but the union lowers the energy by 4 x 0.98222 / 16 > 0: they merge.
        // Equal capability: H, whose id comes first, survives with its own cohesion.
        String body = """
                delegations:
                  - {id: X, groups: [L], position: {a: 0.2}}
                  - {id: Y, groups: [L], position: {a: 0.2}}
                  - {id: Z, groups: [H], position: {a: 0.24}}
                  - {id: W, groups: [H], position: {a: 0.24}}
                blocs: [{id: L, cohesion: 0.5}, {id: H, cohesion: 0.6}]
                coalition_formation: {model: alliance, reach: 0.3, bloc_affinity: 5, merge_distance: 0.05}
                """;
        Assembly a = formed(scenario(body), 1);
        assertEquals(1, a.coalitions().size());
        assertEquals("H@m", a.coalitions().get(0).id());
        assertEquals(4, a.coalitions().get(0).members().length);
        assertEquals(0.6, a.actors().cohesion(0, coalitionOf(a, "X")), EPS, "the survivor keeps its bloc's cohesion");
        assertEquals(List.of(new CoalitionActors.Event(0, "merge", "H@m", "", "L@m")), a.actors().events());
        // With reach 0.02 the same pair repels (p across = 1 - 4 = -3): close, but no merge.
        Assembly apart = formed(scenario(body, "coalition_formation.reach=0.02"), 1);
        assertEquals(2, apart.coalitions().size());
    }

    @Test
    void membersFarFromTheirBlocLeaveAndFoundTheirOwnCoalitionWhichThenStays() throws Exception {
        // Bloc B = {X 0.1, Y 0.1, W 0.9 (capability 3)}, cohesion 0.5; reach 0.3, affinity 0.5, C = 5.
        // p_XY = 1 + 0.25 = 1.25; p_XW = 1.25 - 0.64 / 0.09 = -5.861: U_X(B) = (1.25 - 3 x 5.861) / 5 < 0.
        // X or Y moving first stands alone and the other founds F1 with it (1.25 / 5 = 0.25 > 0); W moving
        // first stands alone and leaves them B.
        // Their shared bloc still binds them (p_XY keeps the affinity), so F1 never splits back: nothing
        // happens in later rounds. v1's bloc would not object; F1 (cohesion 1) does: standing mean
        // capability 5 / 3, pressure 1 x 0.4 x sqrt(2 / (5/3)) = 0.438 > 0.35.
        String body = """
                delegations:
                  - {id: X, groups: [B], position: {a: 0.1}}
                  - {id: Y, groups: [B], position: {a: 0.1}}
                  - {id: W, groups: [B], position: {a: 0.9}, capability: 3}
                blocs: [{id: B, cohesion: 0.5}]
                coalition_formation: {model: alliance, reach: 0.3, bloc_affinity: 0.5, min_members: 1, cohesion: 1}
                """;
        Scenario s = scenario(body, "delegation_defaults.objection_threshold=0.35");
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        formation.step(a, random);
        for (int t = 1; t <= 10; t++) {
            a.setRound(t);
            formation.step(a, random);
            if (t > 1) {
                assertTrue(a.actors().events().isEmpty(), "round " + t + ": " + a.actors().events());
            }
        }
        // Which of the three moves first is drawn: X and Y end up together (in B or a founded F1), W apart.
        assertTrue(coalitionOf(a, "X") != CoalitionActors.NONE && coalitionOf(a, "X") == coalitionOf(a, "Y"));
        assertTrue(coalitionOf(a, "W") != coalitionOf(a, "X"));
        a.draft[0] = 0.9;
        new DecisionMaking(s.decision()).step(a, random);
        assertEquals(List.of("X", "Y"), a.objectors(0));
    }

    @Test
    void anAbsentMemberKeepsItsPlaceItsLeadershipAndThePen() throws Exception {
        // X leads L (declared); absent in round 2 it neither leaves nor loses the lead, and does not object.
        Scenario s = scenario("""
                delegations:
                  - {id: X, groups: [L], position: {a: 0.2}, capability: 3}
                  - {id: Y, groups: [L], position: {a: 0.25}}
                  - {id: Z, groups: [L], position: {a: 0.2}}
                blocs: [{id: L, cohesion: 0.5, leaders: [X]}]
                coalition_formation: {model: alliance, reach: 0.5}
                agenda_setting: {model: tabling, proposers: 0}
                """, "agenda.m.sponsor=L", "delegation_defaults.objection_threshold=0");
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), s.chair(), s.agenda(), new DecisionMaking(s.decision()));
        formation.step(a, random);
        int x = a.delegationIndex("X");
        for (int t = 1; t <= 3; t++) {
            a.setRound(t);
            a.absent[x * a.forums + a.itemForum[0]] = t == 2;
            formation.step(a, random);
            agenda.step(a, random);
            boolean afterFirstDraft = t > 1;
            assertTrue(a.actors().events().stream().noneMatch(e -> e.type().equals("leave") || e.type().equals("succession")
                    || e.type().equals("pen") && afterFirstDraft), "round " + t + ": " + a.actors().events());
            assertEquals("X", a.delegationIds[a.actors().leader(0, coalitionOf(a, "X"))]);
            assertEquals("L@m", a.actors().penHolder(0, a.delegationIds));
            if (t == 2) {
                a.draft[0] = 0.9;
                new DecisionMaking(s.decision()).step(a, random);
                assertFalse(a.objectors(0).contains("X"), "an absent member does not object");
                assertTrue(a.objectors(0).contains("Y"));
            }
        }
    }

    @Test
    void aDissolvedCoalitionsPenReturnsToTheChairAndANewCoalitionInItsSlotDoesNotInheritIt() throws Exception {
        Assembly a = new Assembly(scenario(FIVE));
        CoalitionActors actors = new CoalitionActors(a, true, new int[a.groups][0]);
        int first = actors.open(0, "L", 0, 0.5);
        actors.penCoalition[0] = first;
        actors.close(0, first);
        assertEquals(List.of(new CoalitionActors.Event(0, "pen", "chair", "", "L@m")), actors.events());
        int reused = actors.open(0, null, CoalitionActors.NONE, 0.5);
        assertEquals(first, reused, "the slot is reused");
        assertEquals("chair", actors.penHolder(0, a.delegationIds));
    }

    @Test
    void aCohesionEventReachesTheCoalitionsTheBlocSeeded() throws Exception {
        Scenario s = scenario(FIVE + "events: [{round: 2, type: set, bloc: L, attribute: cohesion, value: 0.9}]\n");
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        EventSchedule events = new EventSchedule(s.events());
        formation.step(a, random);
        for (int t = 1; t <= 2; t++) {
            a.setRound(t);
            events.step(a, random);
            formation.step(a, random);
            assertEquals(t == 2 ? 0.9 : 0.5, a.actors().cohesion(0, coalitionOf(a, "X")), EPS, "round " + t);
        }
    }

    @Test
    void newInstructionsMoveTheAspirationSoTheDelegationNoLongerObjectsToItsNewLine() throws Exception {
        // X aspires to 0.2; its capital sets 0.8 in round 1; the draft is 0.8: under the aspiration rule
        // its loss from its aspiration is 0 and it does not object.
        Scenario s = scenario("""
                delegations:
                  - {id: X, position: {a: 0.2}}
                  - {id: Y, position: {a: 0.8}}
                decision: {objections: aspiration}
                events: [{round: 1, type: set, delegation: X, attribute: position.a, value: 0.8}]
                """, "delegation_defaults.objection_threshold=0", "agenda.m.deadline=2");
        Assembly a = new Assembly(s);
        a.setRound(1);
        new EventSchedule(s.events()).step(a, random);
        assertEquals(0.8, a.aspiration[0], EPS);
        a.draft[0] = 0.8;
        new AspirationConcession().step(a, random);
        new DecisionMaking(s.decision(), new AspirationObjections(), new SincereBallot()).step(a, random);
        assertTrue(a.objectors(0).isEmpty(), "objectors: " + a.objectors(0));
    }

    @Test
    void leadershipTiesGoByCapabilityThenIdWhateverTheOrderOfTheFile() throws Exception {
        String deuFirst = """
                delegations:
                  - {id: DEU, groups: [CEPT], position: {a: 0.3}, capability: 30}
                  - {id: FRA, groups: [CEPT], position: {a: 0.3}, capability: 30}
                  - {id: ITA, groups: [CEPT], position: {a: 0.3}, capability: 20}
                blocs: [{id: CEPT, cohesion: 0.5}]
                coalition_formation: {model: alliance}
                """;
        String fraFirst = deuFirst.replace("  - {id: DEU, groups: [CEPT], position: {a: 0.3}, capability: 30}\n", "")
                .replace("  - {id: ITA", "  - {id: DEU, groups: [CEPT], position: {a: 0.3}, capability: 30}\n  - {id: ITA");
        for (String body : List.of(deuFirst, fraFirst)) {
            Assembly a = formed(scenario(body), 3);
            assertEquals("DEU", a.delegationIds[a.actors().leader(0, coalitionOf(a, "FRA"))], body);
        }
    }

    @Test
    void aSettledItemIsLeftAloneUntilSomethingItsChoicesDependOnChanges() throws Exception {
        // FIVE settles in round 1 (V joins L). Positions drifting do not matter (alignment follows ideal
        // points): round 2 draws nothing. A capability event (V's capability to 3) makes the next round play again.
        Scenario s = scenario(FIVE);
        Assembly a = formed(s, 1);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        Assembly b = new Assembly(s);
        MersenneTwisterFast mine = new MersenneTwisterFast(9);
        formation.step(b, mine);
        b.setRound(1);
        formation.step(b, mine);
        MersenneTwisterFast before = (MersenneTwisterFast) mine.clone();
        b.setRound(2);
        b.position[b.delegationIndex("V")] = 0.6;
        formation.step(b, mine);
        assertEquals(before.nextLong(), ((MersenneTwisterFast) mine.clone()).nextLong(), "no pass, no draw");
        assertTrue(b.actors().events().isEmpty());
        assertEquals(coalitionOf(a, "V"), coalitionOf(b, "V"));
        b.setRound(3);
        b.capability[b.delegationIndex("V")] = 3;
        MersenneTwisterFast beforeEvent = (MersenneTwisterFast) mine.clone();
        formation.step(b, mine);
        assertTrue(beforeEvent.nextLong() != ((MersenneTwisterFast) mine.clone()).nextLong(), "the pass is played again");
    }

    @Test
    void aLoneDelegationWithdrawingShrinksEveryonesCapabilityBaseAndCanTipAChoice() throws Exception {
        // Y, Z at 0.1 in bloc L; X at 0.3 alone; W (capability 9) at 0.9 alone; reach^2 = 0.08, no affinity,
        // switching cost 0.2. p_XY = p_XZ = 1 - 0.04 / 0.08 = 0.5: U_X(L) = 1 / C, 1/12 = 0.083 while W takes
        // part, 1/3 = 0.333 once W withdraws in round 2 (C = 3): X joins L then, not before.
        Scenario s = scenario("""
                delegations:
                  - {id: Y, groups: [L], position: {a: 0.1}}
                  - {id: Z, groups: [L], position: {a: 0.1}}
                  - {id: X, position: {a: 0.3}}
                  - {id: W, position: {a: 0.9}, capability: 9}
                blocs: [{id: L, cohesion: 0.5}]
                coalition_formation: {model: alliance, reach: 0.28284271247461906, bloc_affinity: 0, switching_cost: 0.2}
                events: [{round: 2, type: withdraw, delegation: W}]
                """);
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        EventSchedule events = new EventSchedule(s.events());
        formation.step(a, random);
        for (int t = 1; t <= 2; t++) {
            a.setRound(t);
            events.step(a, random);
            formation.step(a, random);
            assertEquals(t == 1 ? CoalitionActors.NONE : coalitionOf(a, "Y"), coalitionOf(a, "X"), "round " + t);
        }
        assertEquals(List.of(new CoalitionActors.Event(0, "join", "L@m", "X", "")), a.actors().events());
    }
}
