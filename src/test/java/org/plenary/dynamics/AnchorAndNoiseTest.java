package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * The anchor without persuasion (docs/ODD.md 7.3, influence.model: none) and position noise (7.4): both
 * move every active delegation on every dimension, and leave a withdrawn delegation's position frozen.
 */
class AnchorAndNoiseTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    /** W withdrew; A and B negotiate, away from their ideal points (0.2, 0.4) and (0.6, 0.8). */
    private Assembly assembly() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: anchor
                rounds: 5
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: W, position: {a: 0.5, b: 0.5}}
                  - {id: A, position: {a: 0.2, b: 0.4}}
                  - {id: B, position: {a: 0.6, b: 0.8}}
                """));
        a.withdrawn[0] = true;
        System.arraycopy(new double[] {0.9, 0.1, 1.0, 0.0, 0.2, 0.4}, 0, a.position, 0, 6);
        return a;
    }

    @Test
    void theAnchorPullsEachActiveDelegationAShareOfTheWayBackToItsInstructions() throws Exception {
        Assembly a = assembly();
        new NoInfluence(0.25).step(a, new MersenneTwisterFast(1));
        // x + 0.25 (x* - x): A (1.0, 0.0) -> (0.8, 0.1); B (0.2, 0.4) -> (0.3, 0.5)
        assertArrayEquals(new double[] {0.9, 0.1, 0.8, 0.1, 0.3, 0.5}, a.position, EPS);
    }

    @Test
    void noiseMovesActiveDelegationsBySigmaTimesAGaussianDrawAndStaysInTheUnitInterval() throws Exception {
        Assembly a = assembly();
        a.position[5] = 0.5;
        double sigma = 0.01;
        new PositionNoise(sigma).step(a, new MersenneTwisterFast(9));
        // The draws go to A on a and b, then B on a and b; W draws nothing.
        MersenneTwisterFast draws = new MersenneTwisterFast(9);
        double onAa = draws.nextGaussian();
        double onAb = draws.nextGaussian();
        double onBa = draws.nextGaussian();
        double onBb = draws.nextGaussian();
        assertArrayEquals(new double[] {0.9, 0.1}, new double[] {a.position[0], a.position[1]}, "W is frozen");
        assertEquals(Math.min(1, 1.0 + sigma * onAa), a.position[2], EPS, "A on a, at the upper bound");
        assertEquals(Math.max(0, sigma * onAb), a.position[3], EPS, "A on b, at the lower bound");
        assertEquals(0.2 + sigma * onBa, a.position[4], EPS);
        assertEquals(0.5 + sigma * onBb, a.position[5], EPS);
        assertTrue(Math.abs(onBa) > 0.01 && Math.abs(onBb) > 0.01, "the seed's draws move B visibly");
    }

    @Test
    void largeNoiseIsClippedToTheUnitInterval() throws Exception {
        Assembly a = assembly();
        new PositionNoise(50).step(a, new MersenneTwisterFast(3));
        for (int x = 2; x < 6; x++) {
            assertTrue(a.position[x] == 0 || a.position[x] == 1, "position " + x + " is " + a.position[x]);
        }
    }
}
