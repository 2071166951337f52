package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Bloc discipline in votes (docs/ODD.md 7.12) for members of several blocs: which bloc's line they follow,
 * and how a bloc's line weighs its members. The draft 0.8 against the status quo 0.5: a delegation at 0.9
 * intends yes, one at 0.1 intends no.
 */
class BlocDisciplineTest {
    @TempDir
    Path dir;

    private Scenario scenario(String delegationsAndBlocs) throws Exception {
        return Scenarios.load(dir, """
                name: discipline
                rounds: 5
                dimensions: [{id: a}]
                agenda:
                  - {id: m, weights: {a: 1}, status_quo: {a: 0.5}}
                voting: {discipline: bloc, cross_pressured: abstain}
                """ + delegationsAndBlocs);
    }

    /** Yes, no, abstain after a disciplined vote on the draft 0.8. */
    private static int[] tally(Scenario s, Assembly a, Ballot ballot, long seed) {
        a.draft[0] = 0.8;
        new DecisionMaking(s.decision(), new StatusQuoObjections(), ballot).vote(a, 0, new MersenneTwisterFast(seed));
        return Arrays.copyOf(a.votes, 3);
    }

    /**
     * Y (no) belongs to WEAK (cohesion 0.5, declared first), whose line is no, and to STRONG (cohesion 1),
     * whose line is yes because P (capability 3, yes) outweighs Y. Y follows STRONG, always.
     */
    private static final String TWO_BLOCS = """
            delegations:
              - {id: Y, groups: [WEAK, STRONG], position: {a: 0.1}}
              - {id: P, groups: [STRONG], position: {a: 0.9}, capability: 3}
              - {id: Q, groups: [WEAK], position: {a: 0.1}, capability: 3}
            blocs: [{id: WEAK, cohesion: 0.5}, {id: STRONG, cohesion: 1}]
            """;

    @Test
    void aMemberOfTwoBlocsFollowsTheMoreCohesiveOne() throws Exception {
        Scenario s = scenario(TWO_BLOCS);
        for (long seed = 1; seed <= 20; seed++) {
            Assembly a = new Assembly(s);
            // P yes, Y yes (STRONG's line), Q no (WEAK's line, which is also its own): 2 to 1.
            assertArrayEquals(new int[] {2, 1, 0}, tally(s, a, new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN), seed),
                    "seed " + seed);
        }
    }

    @Test
    void betweenEquallyCohesiveBlocsTheFirstDeclaredLeads() throws Exception {
        Scenario s = scenario(TWO_BLOCS.replace("cohesion: 0.5", "cohesion: 1"));
        Assembly a = new Assembly(s);
        assertArrayEquals(new int[] {1, 2, 0}, tally(s, a, new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN), 1),
                "Y follows WEAK, declared first: no");
    }

    @Test
    void aBlocsLineWeighsItsMembersByCapability() throws Exception {
        // X (capability 3, yes) against Y and Z (no): 3 - 2 > 0, the line is yes and both follow it.
        Scenario s = scenario("""
                delegations:
                  - {id: X, groups: [B], position: {a: 0.9}, capability: 3}
                  - {id: Y, groups: [B], position: {a: 0.1}}
                  - {id: Z, groups: [B], position: {a: 0.1}}
                blocs: [{id: B, cohesion: 1}]
                """);
        assertArrayEquals(new int[] {3, 0, 0}, tally(s, new Assembly(s), new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN), 1));
    }

    @Test
    void aBlocWhoseWeightedIntentionsCancelAbstainsAndItsMembersWithIt() throws Exception {
        // X yes and Y no weigh 1 each; Z (capability 5) at 0.65 is as far from 0.8 as from 0.5: it abstains.
        // Line sign(1 - 1 + 5 x 0) = 0: with cohesion 1 all three abstain.
        Scenario s = scenario("""
                delegations:
                  - {id: X, groups: [B], position: {a: 0.9}}
                  - {id: Y, groups: [B], position: {a: 0.1}}
                  - {id: Z, groups: [B], position: {a: 0.65}, capability: 5}
                blocs: [{id: B, cohesion: 1}]
                """);
        assertArrayEquals(new int[] {0, 0, 3}, tally(s, new Assembly(s), new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN), 1));
    }

    @Test
    void aGroupWithoutCohesionImposesNoLineNotEvenAbstention() throws Exception {
        // G is a group with no bloc declaration (cohesion 0): its majority is yes, but Y votes its own no.
        Scenario s = scenario("""
                delegations:
                  - {id: X, groups: [G], position: {a: 0.9}, capability: 3}
                  - {id: Y, groups: [G], position: {a: 0.1}}
                """);
        assertEquals(0, new Assembly(s).cohesion[0]);
        assertArrayEquals(new int[] {1, 1, 0}, tally(s, new Assembly(s), new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN), 1));
    }

    @Test
    void oneBallotServesAssembliesOfDifferentSizes() throws Exception {
        BlocDisciplineBallot ballot = new BlocDisciplineBallot(Scenario.CrossPressure.ABSTAIN);
        Scenario small = scenario("""
                delegations:
                  - {id: X, groups: [B], position: {a: 0.9}}
                blocs: [{id: B, cohesion: 1}]
                """);
        assertArrayEquals(new int[] {1, 0, 0}, tally(small, new Assembly(small), ballot, 1));
        Scenario s = scenario(TWO_BLOCS);
        assertArrayEquals(new int[] {2, 1, 0}, tally(s, new Assembly(s), ballot, 1));
    }
}
