package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * One Deffuant meeting (docs/ODD.md 7.3) computed by hand: with two active delegations, the only pair
 * meets; both move at once from their old positions, weighted by capability, resisted by their own
 * salience, and only on dimensions the other cares about. W withdrew and takes no part.
 */
class PairwiseMeetingTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** X (capability 1) at (0.2, 0.4) with saliences (1, 0.5); Y (capability 3) at (0.6, 0.8) with (1, 0). */
    private Assembly assembly(double toleranceOfX) throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: meeting
                rounds: 5
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: X, position: {a: 0.2, b: 0.4}, salience: {a: 1, b: 0.5}, tolerance: %s, openness: 1}
                  - {id: W, position: {a: 0.0, b: 0.0}, tolerance: 1, openness: 1}
                  - {id: Y, position: {a: 0.6, b: 0.8}, salience: {a: 1, b: 0}, capability: 3, tolerance: 1, openness: 1}
                """.formatted(toleranceOfX)));
        a.withdrawn[1] = true;
        return a;
    }

    @Test
    void bothSidesMoveFromTheirOldPositionsByCapabilitySalienceAndAnchor() throws Exception {
        Assembly a = assembly(1);
        // rate 0.5, salience resistance 0.5, one meeting (round(0.5 x 2)), anchor 0.5.
        new Deffuant(0.5, 0.5, 0.5, 0.5).step(a, new MersenneTwisterFast(4));
        // X: weight min(1, 2 x 3 / 4) = 1; on a 0.2 + 0.5 x (1 - 0.5) x 0.4 = 0.3; not on b (Y has no salience there).
        // Y: weight 2 x 1 / 4 = 0.5; on a 0.6 + 0.25 x 0.5 x (-0.4) = 0.55; on b 0.8 + 0.25 x 1 x (-0.4) = 0.7.
        // Anchor halfway back to the ideal points: X (0.25, 0.4), Y (0.575, 0.75).
        assertArrayEquals(new double[] {0.25, 0.4, 0, 0, 0.575, 0.75}, a.position, EPS);
    }

    @Test
    void onlyTheSideWithinItsToleranceListens() throws Exception {
        // From X's view the squared distance is (1 x 0.16 + 0.5 x 0.16) / 1.5 = 0.16 > 0.3^2: X does not listen.
        for (int seed = 1; seed <= 6; seed++) { // the pair is drawn as (X, Y) or (Y, X)
            Assembly a = assembly(0.3);
            new Deffuant(0.5, 0, 0.5, 0.5).step(a, new MersenneTwisterFast(seed));
            assertArrayEquals(new double[] {0.2, 0.4, 0, 0, 0.55, 0.7}, a.position, EPS, "seed " + seed);
        }
    }
}
