package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * The salience-weighted distances behind influence and decisions (docs/ODD.md 7.3, 7.7), computed by
 * hand on three dimensions. Y's saliences (1, 0.5, 0.5) sum to 2, so normalising by them matters; Z has
 * no salience left anywhere (disengaged), so it falls back to equal weights.
 */
class WeightedDistancesTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Assembly a;

    @BeforeEach
    void assembly() throws Exception {
        a = new Assembly(Scenarios.load(dir, """
                name: distances
                rounds: 5
                dimensions: [{id: a}, {id: b}, {id: c}]
                delegations:
                  - {id: X, position: {a: 0.1, b: 0.1, c: 0.1}, salience: {a: 1, b: 1, c: 1}}
                  - {id: Y, position: {a: 0.2, b: 0.5, c: 0.9}, salience: {a: 1, b: 0.5, c: 0.5}, capability: 2}
                  - {id: Z, position: {a: 0.6, b: 0.1, c: 0.3}, capability: 3}
                agenda:
                  - {id: first, weights: {a: 1}, status_quo: {a: 0.5}}
                  - {id: second, weights: {b: 2, c: 1}, status_quo: {b: 0.5, c: 0.5}}
                """));
        java.util.Arrays.fill(a.activeSalience, 6, 9, 0);
        System.arraycopy(new double[] {0.9, 0.3, 0.5}, 0, a.draft, 3, 3);
    }

    @Test
    void aDelegationSeesDistanceThroughItsOwnNormalisedSaliences() {
        // Z - Y = (0.4, -0.4, -0.6); Y weighs (1, 0.5, 0.5) / 2: (0.16 + 0.08 + 0.18) / 2 = 0.21
        assertEquals(0.21, Distances.squaredFromView(a, 1, 2), EPS);
        // Z has no salience left: equal weights, (0.16 + 0.16 + 0.36) / 3
        assertEquals(0.68 / 3, Distances.squaredFromView(a, 2, 1), EPS);
        double[] weights = new double[9];
        Distances.viewWeights(a, weights);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, 0.25, 0.25, 1.0 / 3, 1.0 / 3, 1.0 / 3}, weights, EPS);
    }

    @Test
    void distanceToATextWeighsTheItemsDimensionsBySalienceTimesItemWeight() {
        // Second item, weights (0, 2, 1): Y weighs b by 2 x 0.5 = 1 and c by 1 x 0.5 = 0.5.
        // Y - draft = (-, 0.2, 0.4): sqrt((1 x 0.04 + 0.5 x 0.16) / 1.5) = sqrt(0.08)
        assertEquals(Math.sqrt(0.08), Distances.toText(a, 1, 1, a.draft), EPS);
        // to the status quo (b 0.5, c 0.5): (0, 0.4): sqrt(0.5 x 0.16 / 1.5)
        assertEquals(Math.sqrt(0.08 / 1.5), Distances.toText(a, 1, 1, a.statusQuo), EPS);
        // First item, only a: |0.2 - 0.5|
        assertEquals(0.3, Distances.toText(a, 1, 0, a.draft), EPS);
        assertEquals(Double.NaN, Distances.toText(a, 2, 1, a.draft), "Z has no salience on the item");
        double[] points = {9, 9, 9, 9, 0.7, 0.5};
        assertEquals(Math.sqrt((0.04 + 0.5 * 0.16) / 1.5), Distances.toPoint(a, 1, 1, points, 3), EPS);
        // from (0.3, 0.3) on b, c (stored at offset 1) to the draft: (0, -0.2)
        double[] from = {9, 0.3, 0.3, 9};
        assertEquals(Math.sqrt(0.5 * 0.04 / 1.5), Distances.between(a, 1, 1, from, 0, a.draft, 3), EPS);
    }

    @Test
    void itemSalienceIsTheItemWeightedMeanOfTheSaliencesInForce() {
        assertEquals(0.5, Distances.itemSalience(a, 1, 1), EPS, "(2 x 0.5 + 1 x 0.5) / 3");
        assertEquals(1.0, Distances.itemSalience(a, 1, 0), EPS);
        assertEquals(0.0, Distances.itemSalience(a, 2, 1), EPS);
    }

    @Test
    void theCommonPositionWeighsMembersByCapabilityTimesSalience() {
        // On b: X weighs 1 x 1 at 0.1, Y 2 x 0.5 at 0.5: 0.3
        assertEquals(0.3, commonPositionOnB(i -> i < 2), EPS);
        // Z weighs nothing: Y alone decides
        assertEquals(0.5, commonPositionOnB(i -> i > 0), EPS);
        // Z alone weighs nothing: its plain position
        assertEquals(0.1, commonPositionOnB(i -> i == 2), EPS);
        assertEquals(Double.NaN, commonPositionOnB(i -> false));
    }

    /** The common position on dimension b, NaN for an empty set. */
    private double commonPositionOnB(java.util.function.IntPredicate include) {
        double[] out = new double[a.dimensions];
        boolean any = Distances.commonPosition(a, include, out, new double[a.dimensions], new double[a.dimensions]);
        return any ? out[1] : Double.NaN;
    }
}
