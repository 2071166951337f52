package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;

/** Leaders, succession and agenda-setting (docs/ODD.md, 7.4b and 7.6b) on cases computed by hand; the formation game is in {@link CoalitionGameTest}. */
class CoalitionActorsTest extends HandComputedCase {
    CoalitionActorsTest() {
        super(HandAssemblies.header(6), 1);
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
        assertTrue(a.actors().events().contains(new CoalitionActors.Event(0, "pen", "Lo@m", "P", "withdrawn")));
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
