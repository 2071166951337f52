package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/** The sorted sweep axis behind bounded confidence and DBSCAN: which axis, which order, which window. */
class SortedAxisTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Assembly assembly(String delegations) throws Exception {
        return new Assembly(Scenarios.load(dir, """
                name: axis
                rounds: 5
                dimensions: [{id: a}, {id: b}, {id: c}]
                delegations:
                """ + delegations));
    }

    /** Active positions spread most on b (variance 0.1125, against 0 on a and 0.003125 on c); D1 withdrew. */
    private Assembly spread() throws Exception {
        Assembly a = assembly("""
                  - {id: D0, position: {a: 0.5, b: 0.9, c: 0.4}}
                  - {id: D1, position: {a: 0.0, b: 0.45, c: 1.0}}
                  - {id: D2, position: {a: 0.5, b: 0.3, c: 0.5}}
                  - {id: D3, position: {a: 0.5, b: 0.6, c: 0.45}}
                  - {id: D4, position: {a: 0.5, b: 0.0, c: 0.55}}
                """);
        a.withdrawn[1] = true;
        return a;
    }

    @Test
    void activeDelegationsAreSortedAlongTheWidestDimension() throws Exception {
        SortedAxis axis = new SortedAxis();
        axis.sort(spread());
        assertEquals(1, axis.axis);
        assertEquals(4, axis.count, "the withdrawn delegation is left out");
        assertArrayEquals(new int[] {4, 2, 3, 0}, Arrays.copyOf(axis.order, 4));
        assertArrayEquals(new double[] {0.0, 0.3, 0.6, 0.9}, Arrays.copyOf(axis.coordinate, 4), EPS);
        assertEquals(3, axis.rank[0]);
        assertEquals(1, axis.rank[2]);
        assertEquals(2, axis.rank[3]);
        assertEquals(0, axis.rank[4]);
    }

    @Test
    void windowsIncludeTheirBoundsWithinTheMargin() throws Exception {
        SortedAxis axis = new SortedAxis();
        axis.sort(spread());
        assertEquals(1, axis.from(0.3), "0.3 itself is in");
        assertEquals(1, axis.from(0.3 + 5e-10), "and so is what rounding puts just below");
        assertEquals(2, axis.from(0.31));
        assertEquals(2, axis.to(0.3), "the window [.., 0.3] ends after 0.3");
        assertEquals(2, axis.to(0.3 - 5e-10));
        assertEquals(1, axis.to(0.29));
        assertEquals(0, axis.from(-1));
        assertEquals(4, axis.to(2));
        assertEquals(3, axis.from(0.75));
    }

    @Test
    void onEquallySpreadDimensionsTheFirstIsTheAxisAndTiesFollowTheIndex() throws Exception {
        SortedAxis axis = new SortedAxis();
        axis.sort(spread());
        axis.sort(assembly("""
                  - {id: E0, position: {a: 0.7, b: 0.7, c: 0.7}}
                  - {id: E1, position: {a: 0.2, b: 0.2, c: 0.2}}
                  - {id: E2, position: {a: 0.7, b: 0.7, c: 0.7}}
                """));
        assertEquals(0, axis.axis);
        assertEquals(3, axis.count);
        assertArrayEquals(new int[] {1, 0, 2}, axis.order);
        assertArrayEquals(new int[] {1, 0, 2}, axis.rank);
    }
}
