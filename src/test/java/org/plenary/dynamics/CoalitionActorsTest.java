package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** Coalitions as actors and agenda-setting (docs/ODD.md, 7.4b and 7.6b) on cases computed by hand. */
class CoalitionActorsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    private Scenario scenario(String body, String... sets) throws Exception {
        return Scenarios.load(dir, """
                name: hand
                rounds: 6
                replications: 1
                dimensions: [{id: a}]
                influence: {model: none, anchor: 0}
                delegation_defaults: {salience: 1, capability: 1}
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
                """ + body, sets);
    }

    /** Round 0 (seeding), then the given number of rounds of the formation step alone. */
    private static Assembly formed(Scenario s, int rounds) {
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), true);
        formation.step(a, null);
        for (int t = 1; t <= rounds; t++) {
            a.setRound(t);
            formation.step(a, null);
        }
        return a;
    }

    // X, Y at 0.2 in bloc L; Z, W at 0.8 in bloc H; V at 0.45 in no bloc; all of capability 1, C = 5.
    // With sigma = 1 and no bloc affinity, V's utilities in round 1 are:
    //   alone 1/5 = 0.2;  L: 3/5 - 0.25 = 0.35;  H: 3/5 - 0.35 = 0.25.   Best gain: 0.15, to L.
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
            coalition_formation: {model: alliance, strength: 1, bloc_affinity: 0, merge_distance: 0.01}
            """;

    @Test
    void aDelegationSwitchesOnlyWhenTheUtilityGainBeatsTheSwitchingCost() throws Exception {
        Assembly joins = formed(scenario(FIVE, "coalition_formation.switching_cost=0.14"), 1);
        CoalitionActors actors = joins.actors();
        int l = actors.coalitionOf(0, joins.delegationIndex("X"));
        assertEquals(l, actors.coalitionOf(0, joins.delegationIndex("V")), "gain 0.15 > cost 0.14: V joins L");
        assertEquals("L@m", actors.id(0, l));
        assertEquals((0.2 + 0.2 + 0.45) / 3, actors.common[l], EPS, "L's common position now includes V");
        assertTrue(actors.events().contains(new CoalitionActors.Event(0, "join", "L@m", "V", "")));

        Assembly stays = formed(scenario(FIVE, "coalition_formation.switching_cost=0.16"), 1);
        assertEquals(CoalitionActors.NONE, stays.actors().coalitionOf(0, stays.delegationIndex("V")),
                "gain 0.15 < cost 0.16: V stays alone");
        assertTrue(stays.actors().events().isEmpty());
    }

    @Test
    void seededCoalitionsAreTheCoordinatingBlocsAndTheyAreWhatCoalitionsRecord() throws Exception {
        Assembly a = formed(scenario(FIVE), 0);
        assertEquals(List.of("L@m", "H@m"), a.coalitions().stream().map(c -> c.id()).toList());
        assertEquals(0.4, a.coalitions().get(0).capabilityShare(), EPS, "2 of the capability 5 taking part");
        assertEquals(0.2, a.coalitions().get(0).centroid()[0], EPS);
    }

    @Test
    void coalitionsWithinTheMergeDistanceMergeIntoTheStrongerOne() throws Exception {
        // L's common position 0.2 and H's 0.24 are 0.04 apart: within 0.05 they merge; H has more capability.
        Assembly a = formed(scenario("""
                delegations:
                  - {id: X, groups: [L], position: {a: 0.2}}
                  - {id: Y, groups: [L], position: {a: 0.2}}
                  - {id: Z, groups: [H], position: {a: 0.24}, capability: 3}
                  - {id: W, groups: [H], position: {a: 0.24}}
                blocs: [{id: L, cohesion: 0.2}, {id: H, cohesion: 0.6}]
                coalition_formation: {model: alliance, strength: 0, bloc_affinity: 1, merge_distance: 0.05}
                """), 1);
        assertEquals(1, a.coalitions().size());
        assertEquals("H@m", a.coalitions().get(0).id());
        assertEquals(4, a.coalitions().get(0).members().length);
        int h = a.actors().coalitionOf(0, 0);
        assertEquals((4 * 0.6 + 2 * 0.2) / 6, a.actors().cohesion(0, h), EPS, "capability-weighted cohesion");
        assertTrue(a.actors().events().contains(new CoalitionActors.Event(0, "merge", "H@m", "", "L@m")));
    }

    @Test
    void aSplitCoalitionObjectsJointlyWhereTheDeclaredBlocWouldNot() throws Exception {
        // Bloc B = {X 0.1, Y 0.1, W 0.9 (capability 3)} with cohesion 0.5, Z 0.9 outside; draft 0.9, status
        // quo 0.5, theta 0.35. X and Y each lose 0.8 - 0.4 = 0.4 > 0.35 (hurt beyond their thresholds);
        // W gains. Standing: mean capability 1.5. v1: X alone 0.4 * sqrt(1 / 1.5) = 0.327 < 0.35; B pools
        // X and Y at its cohesion: 0.5 * 0.4 * sqrt(2 / 1.5) = 0.231 < 0.35.
        // v2: spread sqrt((2 * 0.48^2 + 3 * 0.32^2) / 5) = 0.392 > 0.2, so B splits at 0.58; W leads
        // (most capability) and keeps B; {X, Y} form F1 (cohesion 1): 1 * 0.4 * sqrt(2 / 1.5) = 0.462 > 0.35:
        // X and Y object.
        String body = """
                delegations:
                  - {id: X, groups: [B], position: {a: 0.1}}
                  - {id: Y, groups: [B], position: {a: 0.1}}
                  - {id: W, groups: [B], position: {a: 0.9}, capability: 3}
                  - {id: Z, position: {a: 0.9}}
                blocs: [{id: B, cohesion: 0.5}]
                """;
        String v2 = "coalition_formation: {model: alliance, strength: 0.2, bloc_affinity: 0.5, min_members: 1,"
                + " cohesion: 1}\n";
        String threshold = "delegation_defaults.objection_threshold=0.35";
        Scenario v1Scenario = scenario(body, threshold);
        Assembly v1 = new Assembly(v1Scenario);
        v1.draft[0] = 0.9;
        DecisionMaking decision = new DecisionMaking(v1Scenario.decision());
        decision.step(v1, random);
        assertTrue(v1.objectors(0).isEmpty(), "v1: neither the bloc nor X alone has standing");

        Scenario v2Scenario = scenario(body + v2, threshold);
        Assembly a = formed(v2Scenario, 1);
        assertEquals(List.of("B@m", "F1@m"), a.coalitions().stream().map(c -> c.id()).toList());
        assertEquals("W", a.delegationIds[a.actors().leader(0, a.actors().coalitionOf(0, 2))]);
        a.draft[0] = 0.9;
        new DecisionMaking(v2Scenario.decision()).step(a, random);
        assertEquals(List.of("X", "Y"), a.objectors(0));
    }

    private static final String SUCCESSION = """
            delegations:
              - {id: X, groups: [B], position: {a: 0.3}}
              - {id: Y, groups: [B], position: {a: 0.3}}
              - {id: Z, groups: [B], position: {a: 0.3}, capability: 5}
            blocs: [{id: B, cohesion: 0.5, leaders: [X, Y]}]
            coalition_formation: {model: alliance, min_members: 1}
            events:
              - {round: 3, type: withdraw, delegation: X}
              - {round: 5, type: withdraw, delegation: Y}
            """;

    private ActorRecord run(String body, String... sets) throws Exception {
        ReplicationRecord record = Experiment.replicate(scenario(body, sets), 0, 1);
        return record.actors();
    }

    private static String leaderAt(ActorRecord record, int round) {
        return record.leaders().stream().filter(l -> l.round() == round && l.coalition().equals("B@m"))
                .map(ActorRecord.Leader::leader).findFirst().orElse("-");
    }

    @Test
    void whenTheLeaderWithdrawsTheNamedSuccessorLeadsThenTheRuleOfMostCapabilityTimesSalience() throws Exception {
        ActorRecord record = run(SUCCESSION, "agenda.m.deadline=6", "decision.rule=vote");
        assertEquals("X", leaderAt(record, 2), "the declared leader leads although Z has more capability");
        assertEquals("Y", leaderAt(record, 3), "X withdraws at round 3: the named successor leads");
        assertEquals("Y", leaderAt(record, 4));
        assertEquals("Z", leaderAt(record, 5), "no declared successor left: the most capability x salience");
        assertTrue(record.events().contains(new ActorRecord.Event(3, 0, "succession", "B@m", "Y", "X")));
        assertTrue(record.events().contains(new ActorRecord.Event(5, 0, "succession", "B@m", "Z", "Y")));
    }

    @Test
    void aCoalitionWhoseMembersAllLeaveDissolvesAndThatIsRecorded() throws Exception {
        ActorRecord record = run(SUCCESSION + "  - {round: 5, type: withdraw, delegation: Z}\n",
                "agenda.m.deadline=6", "decision.rule=vote");
        assertEquals("-", leaderAt(record, 5));
        assertTrue(record.events().contains(new ActorRecord.Event(5, 0, "dissolve", "B@m", "", "no-member")));
    }

    // Agenda-setting: P, Q at 0.1 in bloc Lo; R, S at 0.9 in bloc Hi; status quo 0.5; no accommodation.
    private static final String TABLING = """
            delegations:
              - {id: P, groups: [Lo], position: {a: 0.1}}
              - {id: Q, groups: [Lo], position: {a: 0.1}}
              - {id: R, groups: [Hi], position: {a: 0.9}}
              - {id: S, groups: [Hi], position: {a: 0.9}}
              - {id: T, position: {a: 0.75}}
            blocs: [{id: Lo, cohesion: 0.5}, {id: Hi, cohesion: 0.5}]
            chair: {accommodation: 0}
            agenda_setting: {model: tabling, proposers: 1, pen: 0.5, compromise: 0.5}
            """;

    /** Rounds 0..rounds of coalition leaders and agenda-setting (no influence, no decision). */
    private Assembly tabled(Scenario s, int rounds) {
        Assembly a = new Assembly(s);
        CoalitionFormation leaders = new CoalitionFormation(s.formation(), s.blocs(), false);
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), s.chair(), s.agenda(), new DecisionMaking(s.decision()));
        leaders.step(a, random);
        for (int t = 1; t <= rounds; t++) {
            a.setRound(t);
            leaders.step(a, random);
            agenda.step(a, random);
        }
        return a;
    }

    @Test
    void theSponsorsTextIsTheFirstDraft() throws Exception {
        Scenario s = scenario(TABLING, "agenda.m.sponsor=T");
        Assembly a = tabled(s, 1);
        assertEquals(0.75, a.draft[0], EPS, "T's position, not the compromise (0.1 + 0.1 + 0.9 + 0.9 + 0.75) / 5");
        assertEquals(List.of("T"), a.actors().proposals().stream().map(CoalitionActors.Proposal::sponsor).toList());
        Assembly v1 = new Assembly(scenario(TABLING));
        new ChairDrafting(MechanismsTest.keepingChair(0)).step(v1, random);
        assertEquals(0.55, v1.draft[0], EPS);
    }

    @Test
    void theChairTakesUpTheRivalTextWithBroaderSupportAndItsCoalitionTakesThePen() throws Exception {
        // Round 2: Lo (pen-holder, text 0.1) is preferred to the status quo by P and Q (capability 2);
        // Hi, the only rival, tables 0.9, preferred by R, S and T (3): the chair takes it up and drafts
        // 0.9 + 0.5 (0.55 - 0.9) = 0.725.
        Assembly a = tabled(scenario(TABLING, "agenda.m.sponsor=Lo"), 2);
        assertEquals("Hi@m", a.actors().penHolder(0, a.delegationIds));
        assertEquals(0.725, a.draft[0], EPS);
        assertTrue(a.actors().events().contains(new CoalitionActors.Event(0, "pen", "Hi@m", "", "Lo@m")));
        // With T at 0.25, Lo has P, Q and T (3) against Hi's R and S (2): the text on the table stays and
        // the chair drafts 0.1 + 0.5 (0.45 - 0.1) = 0.275.
        Assembly kept = tabled(scenario(TABLING, "agenda.m.sponsor=Lo", "delegations.T.position.a=0.25"), 2);
        assertEquals("Lo@m", kept.actors().penHolder(0, kept.delegationIds));
        assertEquals(0.275, kept.draft[0], EPS);
    }

    @Test
    void aPenHoldingSponsorWhoWithdrawsPassesThePenToItsCoalition() throws Exception {
        Scenario s = scenario(TABLING + """
                events: [{round: 2, type: withdraw, delegation: P}]
                """, "agenda.m.sponsor=P", "agenda_setting.proposers=0");
        Assembly a = new Assembly(s);
        CoalitionFormation leaders = new CoalitionFormation(s.formation(), s.blocs(), false);
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), MechanismsTest.keepingChair(0), s.agenda(),
                new DecisionMaking(s.decision()));
        EventSchedule events = new EventSchedule(s.events());
        leaders.step(a, random);
        for (int t = 1; t <= 2; t++) {
            a.setRound(t);
            events.step(a, random);
            leaders.step(a, random);
            agenda.step(a, random);
        }
        assertEquals("Lo@m", a.actors().penHolder(0, a.delegationIds));
        assertTrue(a.actors().events().contains(new CoalitionActors.Event(0, "pen", "Lo@m", "P", "absent")));
        assertEquals("Q", a.delegationIds[a.actors().leader(0, a.actors().penCoalition[0])], "Q now leads Lo");
    }

    @Test
    void proposersAreRecognisedWithProbabilityProportionalToCapability() throws Exception {
        // Lo (0.45) holds the pen with the broadest support; rivals Hi (capability 3 + 3) and Md (1 + 1):
        // P(Hi recognised) = 6 / 8.
        Scenario s = scenario("""
                delegations:
                  - {id: P, groups: [Lo], position: {a: 0.45}, capability: 50}
                  - {id: Q, groups: [Lo], position: {a: 0.45}, capability: 50}
                  - {id: R, groups: [Hi], position: {a: 0.9}, capability: 3}
                  - {id: S, groups: [Hi], position: {a: 0.9}, capability: 3}
                  - {id: U, groups: [Md], position: {a: 0.2}, capability: 1}
                  - {id: V, groups: [Md], position: {a: 0.2}, capability: 1}
                blocs: [{id: Lo, cohesion: 0.5}, {id: Hi, cohesion: 0.5}, {id: Md, cohesion: 0.5}]
                agenda_setting: {model: tabling, proposers: 1}
                """, "agenda.m.sponsor=Lo");
        Assembly a = new Assembly(s);
        CoalitionFormation leaders = new CoalitionFormation(s.formation(), s.blocs(), false);
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), MechanismsTest.keepingChair(0), s.agenda(),
                new DecisionMaking(s.decision()));
        leaders.step(a, random);
        a.setRound(1);
        leaders.step(a, random);
        agenda.step(a, random);
        int hi = 0;
        int draws = 8000;
        for (int t = 0; t < draws; t++) {
            a.actors().startRound();
            agenda.step(a, random);
            List<String> rivals = a.actors().proposals().stream().map(CoalitionActors.Proposal::sponsor)
                    .filter(sponsor -> !sponsor.equals("Lo@m")).toList();
            assertEquals(1, rivals.size());
            hi += rivals.get(0).equals("Hi@m") ? 1 : 0;
        }
        assertEquals("Lo@m", a.actors().penHolder(0, a.delegationIds), "the broadest-supported text keeps the pen");
        assertEquals(0.75, hi / (double) draws, 0.015);
    }
}
