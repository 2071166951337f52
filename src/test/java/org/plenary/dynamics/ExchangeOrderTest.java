package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * Exchange of support (docs/ODD.md 7.10) realised in order of joint gain, whatever the order in which
 * dimensions and delegations are listed. All capabilities 1; outcomes O = (0.233, 0.567, 0.609).
 */
class ExchangeOrderTest {
    @TempDir
    Path dir;

    // A (below O on a, b, c) can trade with B on (a, b) or with C on (a, c); B with C on (b, c).
    // A-B: r = 1 / 1.4, joint gain (0.543 + 0.543) x min(0.0556, 0.136) = 0.060;
    // A-C: r = 1 / 1.2, joint gain (0.65 + 0.65) x min(0.0556, 0.0833) = 0.072;
    // B-C: r = 1, joint gain 0.8 x 0.0139 = 0.011. Listed in index order, (a, b) used to come first.
    private static final List<String> DELEGATIONS = List.of(
            "  - {id: A, position: {a: 0.1, b: 0.1, c: 0.1}, salience: {a: 0.9, b: 0.5, c: 0.3}}",
            "  - {id: B, position: {a: 0.9, b: 0.9, c: 0.5}, salience: {a: 0.1, b: 0.9, c: 0.5}}",
            "  - {id: C, position: {a: 0.9, b: 0.5, c: 0.9}, salience: {a: 0.1, b: 0.5, c: 0.9}}",
            "  - {id: D, position: {a: 0.1, b: 0.5, c: 0.5}, salience: {a: 0.1, b: 0.5, c: 0.5}}");

    private Assembly exchanged(List<String> dimensions, List<String> delegations) throws Exception {
        StringBuilder text = new StringBuilder("""
                name: trade
                rounds: 2
                replications: 1
                influence: {model: none, anchor: 0}
                exchange: {model: stokman}
                agenda:
                  - {id: m, weights: {a: 1, b: 1, c: 1}, status_quo: {a: 0.5, b: 0.5, c: 0.5}}
                """);
        text.append("dimensions: [").append(String.join(", ", dimensions.stream().map(d -> "{id: " + d + "}").toList()))
                .append("]\ndelegations:\n");
        delegations.forEach(line -> text.append(line).append('\n'));
        Assembly a = new Assembly(Scenarios.load(dir, text.toString()));
        new StokmanExchange(1).step(a, new MersenneTwisterFast(1));
        return a;
    }

    /** The exchanges as "a-b on k/l" by ids, in the order they were realised. */
    private static List<String> trades(Assembly a) {
        int[] x = a.exchanges.toArray();
        List<String> list = new ArrayList<>();
        for (int e = 0; e < x.length; e += 4) {
            list.add(a.delegationIds[x[e]] + "-" + a.delegationIds[x[e + 1]] + " on " + a.dimensionIds[x[e + 2]]
                    + "/" + a.dimensionIds[x[e + 3]]);
        }
        return list;
    }

    private static double position(Assembly a, String delegation, String dimension) {
        return a.position[a.delegationIndex(delegation) * a.dimensions + a.dimensionIndex(dimension)];
    }

    @Test
    void theExchangeWithTheLargestJointGainIsRealisedFirstInAnyListingOrder() throws Exception {
        Assembly listed = exchanged(List.of("a", "b", "c"), DELEGATIONS);
        assertEquals("A-C on a/c", trades(listed).get(0), "A trades with C, the larger joint gain, not with B");
        List<List<String>> orders = List.of(List.of("c", "b", "a"), List.of("b", "c", "a"));
        for (List<String> dimensions : orders) {
            List<String> reversed = new ArrayList<>(DELEGATIONS);
            java.util.Collections.reverse(reversed);
            Assembly other = exchanged(dimensions, reversed);
            assertEquals(trades(listed), trades(other), "dimensions " + dimensions);
            for (String delegation : List.of("A", "B", "C", "D")) {
                for (String dimension : List.of("a", "b", "c")) {
                    assertEquals(position(listed, delegation, dimension), position(other, delegation, dimension), 1e-12,
                            delegation + " on " + dimension + " with dimensions " + dimensions);
                }
            }
        }
    }
}
