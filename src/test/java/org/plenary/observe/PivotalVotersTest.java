package org.plenary.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.dynamics.Mechanism;
import org.plenary.dynamics.Mechanisms;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.model.VoteIntentions;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/** Swing voters under the model's own vote rule, against hand-derived tallies. */
class PivotalVotersTest {
    @TempDir
    Path dir;

    private Scenario scenario;

    /**
     * Delegations on one item: a draft at 0.75 against a status quo of 0.5 (all exact in binary). A
     * delegation at 0.875 votes yes (0.125 from the draft, 0.375 from the status quo), one at 0.125
     * votes no, one at 0.625 abstains (0.125 from both, inside the default band of 0.02).
     */
    private Assembly assembly(double majority, double... positions) throws Exception {
        StringBuilder text = new StringBuilder("name: pivot\nrounds: 3\ndimensions: [{id: a}]\ndelegations:\n");
        for (int i = 0; i < positions.length; i++) {
            text.append("  - {id: D").append(i).append(", position: {a: ").append(positions[i]).append("}}\n");
        }
        text.append("agenda: [{id: m, weights: {a: 1}, status_quo: {a: 0.5}}]\n");
        text.append("decision: {majority: ").append(majority).append("}\n");
        scenario = Scenarios.load(dir, text.toString());
        Assembly a = new Assembly(scenario);
        a.draft[0] = 0.75;
        return a;
    }

    private boolean[] pivotal(Assembly a, int expectedCount) {
        boolean[] flags = new boolean[a.delegations];
        assertEquals(expectedCount, PivotalVoters.mark(a, 0, scenario.decision(), flags, 0, new int[a.delegations]));
        return flags;
    }

    @Test
    void yesVotersOfANarrowAdoptionWithAbstainersAreDecisive() throws Exception {
        // The review's case: 2 yes, 1 no, 2 abstain is adopted; either yes voter abstaining (1-1) or
        // voting no (1-2) defeats it. The abstainers are not on the winning side.
        Assembly a = assembly(0.5, 0.875, 0.875, 0.625, 0.625, 0.125);
        int[] ballots = new int[5];
        assertEquals(2, PivotalVoters.mark(a, 0, scenario.decision(), new boolean[5], 0, ballots));
        assertArrayEquals(new int[] {1, 1, 0, 0, -1}, ballots);
        assertArrayEquals(new boolean[] {true, true, false, false, false}, pivotal(a, 2));
    }

    @Test
    void aLargerYesSideHasNoSwingUnlessTheMajorityIsDemanding() throws Exception {
        Assembly a = assembly(0.5, 0.875, 0.875, 0.875, 0.875, 0.125);
        assertArrayEquals(new boolean[5], pivotal(a, 0), "4-1: any one yes turning no leaves 3-2, still adopted");
        // With 3/4: 4-1 adopts (4 >= 3.75); one yes turning no gives 3-2 (3 < 3.75): all four swing.
        Assembly demanding = assembly(0.75, 0.875, 0.875, 0.875, 0.875, 0.125);
        assertArrayEquals(new boolean[] {true, true, true, true, false}, pivotal(demanding, 4));
    }

    @Test
    void theNoVotersOfANarrowRejectionAreDecisive() throws Exception {
        // 2-3 rejected; one no turning yes gives 3-2, adopted.
        Assembly a = assembly(0.5, 0.875, 0.875, 0.125, 0.125, 0.125);
        assertArrayEquals(new boolean[] {false, false, true, true, true}, pivotal(a, 3));
        boolean[] flags = new boolean[5];
        PivotalVoters.mark(a, 0, scenario.decision(), flags, 0, new int[5]);
        // 1-4 rejected: one no turning yes gives 2-3, still rejected.
        assertArrayEquals(new boolean[5], pivotal(assembly(0.5, 0.875, 0.125, 0.125, 0.125, 0.125), 0));
    }

    @Test
    void withoutAQuorumNoBallotIsDecisiveAndAbsentDelegationsAreMarked() throws Exception {
        Assembly a = assembly(0.5, 0.875, 0.875, 0.875, 0.125, 0.125);
        for (int i = 1; i < 5; i++) {
            a.forumDisengaged[i * a.forums] = true; // only D0 stays in the plenary: 1 of 5 present
        }
        int[] ballots = new int[5];
        assertEquals(0, PivotalVoters.mark(a, 0, scenario.decision(), new boolean[5], 0, ballots));
        assertArrayEquals(new int[] {1, DecisionMaking.ABSENT, DecisionMaking.ABSENT, DecisionMaking.ABSENT,
                DecisionMaking.ABSENT}, ballots);
    }

    @Test
    void absentDelegationsDoNotCountTowardTheSwing() throws Exception {
        Assembly a = assembly(0.5, 0.875, 0.875, 0.125, 0.125, 0.125);
        a.forumDisengaged[3 * a.forums] = true; // D3 and D4 leave: 2-1 among the 3 present
        a.forumDisengaged[4 * a.forums] = true;
        assertArrayEquals(new boolean[] {true, true, false, false, false}, pivotal(a, 2),
                "2-1 adopted; one yes abstaining gives 1-1, rejected");
    }

    @Test
    void inTheRoundOfTheVoteTheSwingVotersAreThoseOfTheBallotsAsCast() throws Exception {
        // Bloc B (cohesion 1) = D0, D1 (yes) and D2 (no): its line is yes, and D2 follows it. Sincerely
        // 2-3 (D2, D3, D4 swing); as cast 3-2, adopted, and one yes abstaining gives 2-2: D0, D1, D2 swing.
        scenario = Scenarios.load(dir, """
                name: discipline
                rounds: 3
                dimensions: [{id: a}]
                delegations:
                  - {id: D0, groups: [B], position: {a: 0.875}}
                  - {id: D1, groups: [B], position: {a: 0.875}}
                  - {id: D2, groups: [B], position: {a: 0.125}}
                  - {id: D3, position: {a: 0.125}}
                  - {id: D4, position: {a: 0.125}}
                blocs: [{id: B, cohesion: 1}]
                agenda: [{id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 1}]
                decision: {rule: vote}
                voting: {discipline: bloc}
                """);
        Assembly a = new Assembly(scenario);
        a.draft[0] = 0.75;
        assertArrayEquals(new boolean[] {false, false, true, true, true}, pivotal(a, 3), "sincere, before the vote");
        a.setRound(1);
        Mechanism decision = Mechanisms.forScenario(scenario, 1).stream()
                .filter(step -> step.name().equals("decision")).findFirst().orElseThrow().mechanism();
        decision.step(a, new MersenneTwisterFast(1));
        assertEquals(ItemState.VOTE_ADOPTED, a.itemState[0]);
        int[] ballots = new int[5];
        assertEquals(3, PivotalVoters.mark(a, 0, scenario.decision(), new boolean[5], 0, ballots));
        assertArrayEquals(new int[] {1, 1, 1, -1, -1}, ballots);
        assertArrayEquals(new boolean[] {true, true, true, false, false}, pivotal(a, 3));
    }

    @Test
    void theDecisionStepsIntentionsAreReadOnlyForTheirRoundAndDraft() throws Exception {
        Assembly a = assembly(0.5, 0.875, 0.875, 0.625, 0.625, 0.125);
        a.setRound(1);
        Mechanisms.forScenario(scenario, 1).stream().filter(step -> step.name().equals("decision")).findFirst()
                .orElseThrow().mechanism().step(a, new MersenneTwisterFast(1));
        VoteIntentions found = a.voteIntentions();
        int[] expected = {1, 1, 0, 0, -1};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], found.intention(a, 0, i), "D" + i + " as the decision step found it");
        }
        assertArrayEquals(new boolean[] {true, true, false, false, false}, pivotal(a, 2));
        // A moved draft is not the one weighed: nothing is known, and the swing voters are measured afresh.
        // At 0.25 the delegations at 0.875 and 0.625 vote no, the one at 0.125 yes: 1-4, no one swings it.
        a.draft[0] = 0.25;
        assertEquals(VoteIntentions.UNKNOWN, found.intention(a, 0, 0));
        assertEquals(false, found.holds(a, 0));
        int[] ballots = new int[5];
        assertEquals(0, PivotalVoters.mark(a, 0, scenario.decision(), new boolean[5], 0, ballots));
        assertArrayEquals(new int[] {-1, -1, -1, -1, 1}, ballots);
        a.draft[0] = 0.75;
        a.setRound(2);
        assertEquals(VoteIntentions.UNKNOWN, found.intention(a, 0, 0), "a later round's decision has not run");
    }
}
