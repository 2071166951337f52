package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.VoteIntentions;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * The sincere intentions the decision step keeps for observers (issue 22), per item and delegation, on a case
 * computed by hand: two items on two dimensions, drafts at 0.75 against status quos at 0.5 (exact in binary).
 * Item m0 weighs only a, item m1 only b. D0 at (0.875, 0.125) is 0.125 from m0's draft and 0.375 from its status
 * quo: yes; on m1, 0.625 from the draft and 0.375 from the status quo: no. D1 at (0.625, 0.625) is 0.125 from
 * both on both items: it abstains (the default band). D2 at (0.125, 0.875) votes no on m0 and yes on m1.
 */
class SincereIntentionsTest {
    @TempDir
    Path dir;

    private static final String TWO_ITEMS = """
            name: intentions
            rounds: 3
            dimensions: [{id: a}, {id: b}]
            delegations:
              - {id: D0, position: {a: 0.875, b: 0.125}}
              - {id: D1, position: {a: 0.625, b: 0.625}}
              - {id: D2, position: {a: 0.125, b: 0.875}}
            agenda:
              - {id: m0, weights: {a: 1}, status_quo: {a: 0.5}}
              - {id: m1, weights: {b: 1}, status_quo: {b: 0.5}}
            """;

    @Test
    void eachItemsIntentionsAreThoseOfItsOwnDraftForTheRoundTheyWereFound() throws Exception {
        Scenario scenario = Scenarios.load(dir, TWO_ITEMS);
        Assembly a = new Assembly(scenario);
        a.draft[0] = 0.75; // m0 on a
        a.draft[3] = 0.75; // m1 on b
        a.setRound(1);
        Mechanisms.forScenario(scenario, 1).stream().filter(step -> step.name().equals("decision")).findFirst()
                .orElseThrow().mechanism().step(a, new MersenneTwisterFast(1));
        VoteIntentions found = a.voteIntentions();
        int[][] expected = {{1, 0, -1}, {-1, 0, 1}};
        for (int m = 0; m < 2; m++) {
            assertTrue(found.holds(a, m), "item m" + m + " was weighed this round");
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[m][i], found.intention(a, m, i), "D" + i + " on m" + m);
            }
        }
        // Moving m1's draft on the dimension it does not weigh still makes it another draft: m1 unknown, m0 kept.
        a.draft[2] = 0.25;
        assertFalse(found.holds(a, 1));
        assertEquals(VoteIntentions.UNKNOWN, found.intention(a, 1, 2));
        assertTrue(found.holds(a, 0));
        assertEquals(-1, found.intention(a, 0, 2));
        a.setRound(2);
        assertFalse(found.holds(a, 0), "a later round's decision has not run");
        assertEquals(VoteIntentions.UNKNOWN, found.intention(a, 0, 0));
    }
}
