package org.plenary.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/** Pivotal delegations by the closed form of one-vote games, against hand-derived cases. */
class PivotalVotersTest {
    @TempDir
    Path dir;

    @Test
    void quotaIsTheSmallestYesCountThatAdoptsWhenEveryoneVotes() {
        assertEquals(6, PivotalVoters.quota(0.5, 10), "yes > no needs 6 of 10");
        assertEquals(5, PivotalVoters.quota(0.5, 9));
        assertEquals(6, PivotalVoters.quota(2.0 / 3, 9), "2/3 of 9 is exactly 6");
        assertEquals(7, PivotalVoters.quota(2.0 / 3, 10));
        assertEquals(3, PivotalVoters.quota(0.75, 4));
        assertEquals(5, PivotalVoters.quota(1.0, 5));
        assertEquals(1, PivotalVoters.quota(0.5, 1));
        assertEquals(98, PivotalVoters.quota(0.5, 194));
        assertEquals(130, PivotalVoters.quota(2.0 / 3, 194), "2/3 x 194 = 129.33");
    }

    /** Delegations on one item: a draft at 0.75 against a status quo of 0.5 (all exact in binary). */
    private Assembly assembly(double... positions) throws Exception {
        StringBuilder text = new StringBuilder("name: pivot\nrounds: 3\ndimensions: [{id: a}]\ndelegations:\n");
        for (int i = 0; i < positions.length; i++) {
            text.append("  - {id: D").append(i).append(", position: {a: ").append(positions[i]).append("}}\n");
        }
        text.append("agenda: [{id: m, weights: {a: 1}, status_quo: {a: 0.5}}]\n");
        Assembly a = new Assembly(Scenarios.load(dir, text.toString()));
        a.draft[0] = 0.75;
        return a;
    }

    private static boolean[] pivotal(Assembly a, double majority, int expectedCount) {
        boolean[] flags = new boolean[a.delegations];
        assertEquals(expectedCount, PivotalVoters.mark(a, 0, majority, flags, 0));
        return flags;
    }

    @Test
    void exactlyTheQuotaOfYesVotersMakesEachOfThemPivotal() throws Exception {
        // D0-D2 prefer the draft (they sit at 0.875); D3, D4 prefer the status quo (at 0.125).
        Assembly a = assembly(0.875, 0.875, 0.875, 0.125, 0.125);
        assertArrayEquals(new boolean[] {true, true, true, false, false}, pivotal(a, 0.5, 3));
    }

    @Test
    void aLargerYesCoalitionHasNoPivotalMember() throws Exception {
        Assembly a = assembly(0.875, 0.875, 0.875, 0.875, 0.125);
        assertArrayEquals(new boolean[5], pivotal(a, 0.5, 0), "any one of 4 can leave: 3 still carry it");
        assertArrayEquals(new boolean[] {true, true, true, true, false}, pivotal(a, 0.75, 4),
                "with a 3/4 majority the quota is 4");
    }

    @Test
    void aLosingCoalitionHasNoSwingAndAbsentDelegationsDoNotCount() throws Exception {
        Assembly a = assembly(0.875, 0.875, 0.125, 0.125, 0.125);
        assertArrayEquals(new boolean[5], pivotal(a, 0.5, 0));
        a.forumDisengaged[3 * a.forums] = true; // D3 and D4 leave the plenary: 3 take part, quota 2
        a.forumDisengaged[4 * a.forums] = true;
        assertArrayEquals(new boolean[] {true, true, false, false, false}, pivotal(a, 0.5, 2));
    }

    @Test
    void anIndifferentDelegationIsNotAYesVoter() throws Exception {
        // D2 sits at 0.625, exactly as far from the draft as from the status quo.
        Assembly a = assembly(0.875, 0.875, 0.625, 0.125, 0.125);
        assertArrayEquals(new boolean[5], pivotal(a, 0.5, 0));
    }
}
