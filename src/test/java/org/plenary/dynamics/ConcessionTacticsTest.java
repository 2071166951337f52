package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.testing.Scenarios;

/**
 * Time-dependent concession (docs/ODD.md 7.9): each delegation's demand on an open item moves from its
 * aspiration toward the status quo as min(1, t / T)^(1 / e), per delegation exponent e; objections measure
 * the draft's shortfall from the aspiration against the current demand.
 */
class ConcessionTacticsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    /**
     * The second item (deadline 4, status quo 0.5) weighs only b. P and Q concede like conducers (e = 2),
     * R holds out (e = 0.5), S is linear and aspires to its ideal point 0.3.
     */
    private Assembly assembly() throws Exception {
        return new Assembly(Scenarios.load(dir, """
                name: tactics
                rounds: 9
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: P, position: {a: 0.5, b: 0.5}, aspiration: {b: 0.9}, concession: 2}
                  - {id: Q, position: {a: 0.5, b: 0.5}, aspiration: {b: 0.1}, concession: 2}
                  - {id: R, position: {a: 0.5, b: 0.5}, aspiration: {b: 0.9}, concession: 0.5}
                  - {id: S, position: {a: 0.5, b: 0.3}}
                agenda:
                  - {id: first, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 2}
                  - {id: second, weights: {b: 1}, status_quo: {b: 0.5}, deadline: 4}
                decision: {objections: aspiration}
                """));
    }

    /** Delegation i's demand on b for the second item. */
    private static double demand(Assembly a, int i) {
        return a.demand[(1 * a.delegations + i) * a.dimensions + 1];
    }

    @Test
    void halfwayToTheDeadlineEachTacticHasConcededItsShare() throws Exception {
        Assembly a = assembly();
        a.itemState[0] = ItemState.CONSENSUS;
        a.setRound(2);
        new AspirationConcession().step(a, random);
        double conceder = Math.sqrt(0.5); // (2/4)^(1/2)
        assertEquals(0.9 + conceder * (0.5 - 0.9), demand(a, 0), EPS);
        assertEquals(0.1 + conceder * (0.5 - 0.1), demand(a, 1), EPS);
        assertEquals(0.9 + 0.25 * (0.5 - 0.9), demand(a, 2), EPS, "Boulware: (2/4)^2 of the way");
        assertEquals(0.3 + 0.5 * (0.5 - 0.3), demand(a, 3), EPS, "linear, from the ideal point");
        for (int x = 0; x < a.demand.length; x++) {
            if (x % 2 == 0 || x < 2 * a.delegations) {
                assertEquals(0, a.demand[x], "no demand on the closed item, nor on a dimension the item ignores: " + x);
            }
        }
    }

    @Test
    void pastTheDeadlineEveryoneDemandsOnlyTheStatusQuo() throws Exception {
        Assembly a = assembly();
        a.setRound(6);
        new AspirationConcession().step(a, random);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5, demand(a, i), EPS);
        }
        assertEquals(0.5, a.demand[0], EPS, "P on the first item, also past its deadline");
    }

    @Test
    void theShortfallIsTheDraftsDistanceFromTheAspirationBeyondTheDemand() throws Exception {
        Assembly a = assembly();
        a.setRound(2);
        new AspirationConcession().step(a, random);
        a.draft[1 * 2 + 1] = 0.6;
        AspirationObjections rule = new AspirationObjections();
        // R demands 0.8: |0.9 - 0.6| - |0.9 - 0.8| = 0.2
        assertEquals(0.2, rule.loss(a, 2, 1, a.draft), EPS);
        // Q demands 0.1 + 0.4 sqrt(0.5): |0.1 - 0.6| - 0.4 sqrt(0.5)
        assertEquals(0.5 - 0.4 * Math.sqrt(0.5), rule.loss(a, 1, 1, a.draft), EPS);
        a.activeSalience[3 * 2 + 1] = 0;
        assertEquals(Double.NaN, rule.loss(a, 3, 1, a.draft), "S no longer cares about b: no standing");
    }
}
