package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.model.Assembly;
import org.plenary.model.CoalitionActors;
import org.plenary.scenario.Scenario;

/** Agenda-setting's texts (docs/ODD.md 7.6b) on two items and two dimensions, and a sponsoring bloc without a coalition. */
class AgendaSettingTextsTest extends HandComputedCase {
    AgendaSettingTextsTest() {
        super("""
                name: texts
                rounds: 4
                replications: 1
                dimensions: [{id: a}, {id: b}]
                influence: {model: none, anchor: 0}
                delegation_defaults: {salience: 1}
                agenda:
                  - {id: m1, weights: {a: 1}, status_quo: {a: 0.5}}
                  - {id: m2, weights: {b: 1}, status_quo: {b: 0.5}, sponsor: Lo}
                """, 5);
    }

    private Assembly firstRound(Scenario s) {
        Assembly a = new Assembly(s);
        CoalitionFormation formation = new CoalitionFormation(s.formation(), s.blocs(), s.formation().on());
        AgendaSetting agenda = new AgendaSetting(s.agendaSetting(), s.chair(), s.agenda(), new DecisionMaking(s.decision()));
        formation.step(a, random);
        a.setRound(1);
        formation.step(a, random);
        agenda.step(a, random);
        return a;
    }

    @Test
    void theSponsorsTextOnTheSecondItemIsItsCoalitionsTextOnThatItemsDimensionOnly() throws Exception {
        // Lo = {P (0.1, 0.2), Q (0.3, 0.4), capability 1 and 3}; Q leads (most capability x salience).
        // m2 weighs b only: P_Lo,b = (0.2 + 3 x 0.4) / 4 = 0.35, text 0.35 + 0.5 (0.4 - 0.35) = 0.375, as is.
        // m1 has no sponsor: the chair's compromise on a, (0.1 + 3 x 0.3) / 4 = 0.25.
        Assembly a = firstRound(scenario("""
                delegations:
                  - {id: P, groups: [Lo], position: {a: 0.1, b: 0.2}, capability: 1}
                  - {id: Q, groups: [Lo], position: {a: 0.3, b: 0.4}, capability: 3}
                blocs: [{id: Lo, cohesion: 0.5}]
                agenda_setting: {model: tabling, proposers: 0, pen: 0.5}
                """));
        assertEquals(0.25, a.draft[0], EPS);
        assertEquals(0.375, a.draft[1 * 2 + 1], EPS);
        List<CoalitionActors.Proposal> tabled = a.actors().proposals();
        assertEquals(1, tabled.size());
        assertEquals("Lo@m2", tabled.get(0).sponsor());
        assertEquals(1, tabled.get(0).item());
        assertTrue(Double.isNaN(tabled.get(0).text()[0]), "m2 does not weigh a");
        assertEquals(0.375, tabled.get(0).text()[1], EPS);
        assertEquals("Lo@m2", a.actors().penHolder(1, a.delegationIds));
        assertEquals("chair", a.actors().penHolder(0, a.delegationIds));
    }

    @Test
    void aSponsoringBlocWhoseMembersAllJoinedAnotherCoalitionHoldsThePenThroughItsStrongestMember() throws Exception {
        // P (capability 3) and Q are in blocs Lo and H, R in H only; all at the same point, bloc affinity 1.
        // Each of P and Q values H (the other member plus R) above Lo (the other member only), so Lo's seed
        // is left empty and does not form; the pen of Lo's item goes where Lo's strongest member, P, went.
        Assembly a = firstRound(scenario("""
                delegations:
                  - {id: P, groups: [Lo, H], position: {a: 0.3, b: 0.3}, capability: 3}
                  - {id: Q, groups: [Lo, H], position: {a: 0.3, b: 0.3}, capability: 1}
                  - {id: R, groups: [H], position: {a: 0.3, b: 0.3}, capability: 1}
                blocs: [{id: Lo, cohesion: 0.2}, {id: H, cohesion: 0.9}]
                coalition_formation: {model: alliance, reach: 0.3}
                agenda_setting: {model: tabling, proposers: 0, pen: 0.5}
                """));
        assertEquals(List.of("H@m1", "H@m2"), a.coalitions().stream().map(c -> c.id()).toList());
        assertEquals("H@m2", a.actors().penHolder(1, a.delegationIds));
        assertEquals(0.3, a.draft[1 * 2 + 1], EPS, "H's text: every member at 0.3");
    }
}
