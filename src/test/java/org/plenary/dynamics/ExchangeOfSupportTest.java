package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.dynamics.ExchangeOutcomes.outcomes;
import static org.plenary.dynamics.ExchangeOutcomes.utility;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * Exchange of support (docs/ODD.md 7.10) on cases where the exchange rate r is not 1, so that the size
 * of each move depends on r, on capabilities and on which side's distance to the outcome binds.
 */
class ExchangeOfSupportTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    private Assembly assembly(String dimensions, String delegations) throws Exception {
        return new Assembly(Scenarios.load(dir, "name: exchange\nrounds: 5\ndimensions: " + dimensions + "\n"
                + "delegations:\n" + delegations + "exchange: {model: stokman}\n"));
    }

    /**
     * A cares three times as much about a as about b, B twice as much about b: r = (0.9 + 0.3) / (0.3 + 0.6) = 4/3.
     * O_a = (0.9 x 0.2 + 0.3 x 0.8) / 1.2 = 0.35, O_b = (0.3 x 0.2 + 0.6 x 0.8) / 0.9 = 0.6.
     */
    private static final String UNEQUAL = """
              - {id: A, position: {a: 0.2, b: 0.2}, salience: {a: 0.9, b: 0.3}}
              - {id: B, position: {a: 0.8, b: 0.8}, salience: {a: 0.3, b: 0.6}}
            """;

    @Test
    void theRateOfExchangeMakesBothGainEquallyWhenItIsNotOne() throws Exception {
        Assembly a = assembly("[{id: a}, {id: b}]", UNEQUAL);
        double[] before = outcomes(a);
        assertEquals(0.35, before[0], EPS);
        assertEquals(0.6, before[1], EPS);
        new StokmanExchange(1.0).step(a, random);
        // dO_a = min(0.3 x 0.45 / 1.2, 0.3 x 0.4 / 0.9 / r) = min(0.1125, 0.1) = 0.1: A's distance to O_b binds.
        // B moves 0.1 x 1.2 / 0.3 = 0.4 on a; A moves r x 0.1 x 0.9 / 0.3 = 0.4 on b, right onto O_b.
        assertEquals(0.4, a.position[2], EPS, "B moved on a toward A");
        assertEquals(0.6, a.position[1], EPS, "A moved on b toward B, to the outcome");
        assertEquals(0.2, a.position[0], EPS);
        assertEquals(0.8, a.position[3], EPS);
        double[] after = outcomes(a);
        assertEquals(0.1, before[0] - after[0], EPS, "O_a moved 0.1 toward A");
        assertEquals(0.4 / 3, after[1] - before[1], EPS, "O_b moved r x 0.1 toward B");
        // gain = (0.9 - 4/3 x 0.3) x 0.1 = (4/3 x 0.6 - 0.3) x 0.1 = 0.05 each
        assertEquals(0.05, utility(a, 0, after) - utility(a, 0, before), EPS);
        assertEquals(0.05, utility(a, 1, after) - utility(a, 1, before), EPS);
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.exchanges.toArray());
    }

    @Test
    void whenTheOtherSideReachesTheOutcomeFirstItsDistanceLimitsTheExchange() throws Exception {
        // A's capability 2: W_a = 2.1, O_a = 0.6 / 2.1 = 2/7; W_b = 1.2, O_b = 0.5.
        Assembly a = assembly("[{id: a}, {id: b}]", UNEQUAL.replace("b: 0.3}}", "b: 0.3}, capability: 2}"));
        double[] before = outcomes(a);
        assertEquals(2.0 / 7, before[0], EPS);
        assertEquals(0.5, before[1], EPS);
        new StokmanExchange(1.0).step(a, random);
        // dO_a = min(0.3 x (0.8 - 2/7) / 2.1, 0.6 x 0.3 / 1.2 / r) = min(18/245, 0.1125) = 18/245: B's distance binds.
        assertEquals(2.0 / 7, a.position[2], EPS, "B moved all the way to O_a");
        // A moves r x 18/245 x 1.2 / 0.6 = 48/245 on b, short of O_b.
        assertEquals(0.2 + 48.0 / 245, a.position[1], EPS);
        double[] after = outcomes(a);
        // each gains (0.9 - 4/3 x 0.3) x 18/245 = 9/245
        assertEquals(9.0 / 245, utility(a, 0, after) - utility(a, 0, before), EPS);
        assertEquals(9.0 / 245, utility(a, 1, after) - utility(a, 1, before), EPS);
    }

    @Test
    void eachSideMovesOnlyOnTheDimensionTheOtherCaresAbout() throws Exception {
        // As UNEQUAL, with A at 0.1 and B at 0.9 on b: O_a = 0.35, O_b = (0.03 + 0.54) / 0.9 = 19/30.
        Assembly a = assembly("[{id: a}, {id: b}]", UNEQUAL.replace("a: 0.2, b: 0.2", "a: 0.2, b: 0.1")
                .replace("a: 0.8, b: 0.8", "a: 0.8, b: 0.9"));
        double[] before = outcomes(a);
        new StokmanExchange(1.0).step(a, random);
        // dO_a = min(0.3 x 0.45 / 1.2, 0.3 x (19/30 - 0.1) / 0.9 / r) = min(0.1125, 2/15): B reaches O_a,
        // A moves r x 0.1125 x 0.9 / 0.3 = 0.45 on b.
        assertArrayEquals(new double[] {0.2, 0.55, 0.35, 0.9}, a.position, EPS);
        double[] after = outcomes(a);
        assertEquals(0.5 * 0.1125, utility(a, 0, after) - utility(a, 0, before), EPS, "(0.9 - r 0.3) dO_a");
        assertEquals(0.5 * 0.1125, utility(a, 1, after) - utility(a, 1, before), EPS);
    }

    @Test
    void onTheLaterDimensionsWithSidesSwappedTheMovesAreMirrored() throws Exception {
        // UNEQUAL moved to dimensions b and c (nobody cares about a) and mirrored: A above, B below.
        // O_b = (0.9 x 0.8 + 0.3 x 0.2) / 1.2 = 0.65, O_c = (0.3 x 0.8 + 0.6 x 0.2) / 0.9 = 0.4.
        StokmanExchange reused = new StokmanExchange(1.0);
        reused.step(assembly("[{id: a}, {id: b}]", UNEQUAL), random);
        Assembly a = assembly("[{id: a}, {id: b}, {id: c}]", """
                  - {id: A, position: {a: 0.5, b: 0.8, c: 0.8}, salience: {a: 0, b: 0.9, c: 0.3}}
                  - {id: B, position: {a: 0.5, b: 0.2, c: 0.2}, salience: {a: 0, b: 0.3, c: 0.6}}
                """);
        reused.step(a, random);
        // As before, dO_b = 0.1: B moves up 0.4 on b, A down 0.4 on c, onto O_c.
        assertArrayEquals(new double[] {0.5, 0.8, 0.4, 0.5, 0.6, 0.2}, a.position, EPS);
        assertArrayEquals(new int[] {0, 1, 1, 2}, a.exchanges.toArray(), "A, B, b (A's), c (B's)");
    }

    @Test
    void theRateScalesBothMovesAtTheUnequalExchangeRate() throws Exception {
        Assembly a = assembly("[{id: a}, {id: b}]", UNEQUAL);
        new StokmanExchange(0.25).step(a, random);
        assertEquals(0.8 - 0.1, a.position[2], EPS, "a quarter of B's move of 0.4");
        assertEquals(0.2 + 0.1, a.position[1], EPS, "a quarter of A's move of 0.4");
    }

    @Test
    void delegationsWithoutAVoteOrWithdrawnNeitherWeighOnTheOutcomeNorExchange() throws Exception {
        String heavy = """
                  - {id: S, position: {a: 0.9, b: 0.1}, salience: {a: 0.5, b: 0.5}, capability: 10, votes: false}
                  - {id: W, position: {a: 0.1, b: 0.9}, salience: {a: 0.2, b: 0.8}, capability: 10}
                """;
        Assembly a = assembly("[{id: a}, {id: b}]", UNEQUAL + heavy);
        a.withdrawn[3] = true;
        new StokmanExchange(1.0).step(a, random);
        assertEquals(0.4, a.position[2], EPS, "the same exchange as between A and B alone");
        assertEquals(0.6, a.position[1], EPS);
        assertArrayEquals(new double[] {0.9, 0.1, 0.1, 0.9}, java.util.Arrays.copyOfRange(a.position, 4, 8), "S and W kept theirs");
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.exchanges.toArray());
    }

    @Test
    void aDelegationExchangesOnceARoundEvenWhenAnotherPairOfDimensionsWouldPay() throws Exception {
        // On (a, c) A and B stand as on (a, b): they could trade again, but they already traded on (a, b).
        Assembly a = assembly("[{id: a}, {id: b}, {id: c}]", """
                  - {id: A, position: {a: 0.2, b: 0.2, c: 0.2}, salience: {a: 0.9, b: 0.3, c: 0.3}}
                  - {id: B, position: {a: 0.8, b: 0.8, c: 0.8}, salience: {a: 0.3, b: 0.6, c: 0.6}}
                """);
        new StokmanExchange(1.0).step(a, random);
        assertArrayEquals(new int[] {0, 1, 0, 1}, a.exchanges.toArray(), "one exchange, on (a, b)");
        assertArrayEquals(new double[] {0.2, 0.6, 0.2, 0.4, 0.8, 0.8}, a.position, EPS);
    }

    @Test
    void theStrongestCarersOnOppositeSidesArePairedFirstAndEachOnlyOnce() throws Exception {
        // Ratios s_a / s_b: A1 3, A2 1.5 (below on both), B2 0.8, B1 0.5 (above on both). Listed so that
        // file order is not ratio order. O_a = 0.86 / 2.2 = 43/110, O_b = 1.02 / 1.8 = 17/30.
        Assembly a = assembly("[{id: a}, {id: b}]", """
                  - {id: A1, position: {a: 0.2, b: 0.2}, salience: {a: 0.9, b: 0.3}}
                  - {id: A2, position: {a: 0.2, b: 0.2}, salience: {a: 0.6, b: 0.4}}
                  - {id: B2, position: {a: 0.8, b: 0.8}, salience: {a: 0.4, b: 0.5}}
                  - {id: B1, position: {a: 0.8, b: 0.8}, salience: {a: 0.3, b: 0.6}}
                """);
        new StokmanExchange(1.0).step(a, random);
        assertArrayEquals(new int[] {0, 3, 0, 1, 1, 2, 0, 1}, a.exchanges.toArray(), "A1 with B1, then A2 with B2");
        // A1-B1: r = 4/3, dO_a = min(0.3 x (0.8 - 43/110) / 2.2, 0.3 x (17/30 - 0.2) / 1.8 / r) = 11/240:
        // A1 moves onto O_b, B1 moves 11/240 x 2.2 / 0.3 = 121/360 on a.
        // A2-B2: r = 10/9, dO_a = min(9/121, 11/150) = 11/150: A2 onto O_b, B2 moves 11/150 x 2.2 / 0.4 = 121/300.
        assertArrayEquals(new double[] {0.2, 17.0 / 30, 0.2, 17.0 / 30, 0.8 - 121.0 / 300, 0.8, 0.8 - 121.0 / 360, 0.8},
                a.position, EPS);
    }

    @Test
    void eachRoundStartsFromThatRoundsOutcomeWhateverTheMechanismSawBefore() throws Exception {
        StokmanExchange reused = new StokmanExchange(1.0);
        reused.step(assembly("[{id: a}, {id: b}]", UNEQUAL), random);
        Assembly three = assembly("[{id: a}, {id: b}, {id: c}]", """
                  - {id: A, position: {a: 0.2, b: 0.2, c: 0.5}, salience: {a: 0.9, b: 0.3, c: 0.3}}
                  - {id: B, position: {a: 0.8, b: 0.8, c: 0.5}, salience: {a: 0.3, b: 0.6, c: 0.6}}
                  - {id: C, position: {a: 0.5, b: 0.5, c: 0.5}, salience: {a: 0.5, b: 0.5, c: 0.5}}
                """);
        reused.step(three, random);
        Assembly two = assembly("[{id: a}, {id: b}]", UNEQUAL);
        reused.step(two, random);
        assertArrayEquals(new double[] {0.2, 0.6, 0.4, 0.8}, two.position, EPS, "as a fresh mechanism would");
        // Second round on the same assembly: O_a = 0.25, O_b = 0.66 / 0.9 = 11/15, still between A and B.
        // dO_a = min(0.3 x 0.15 / 1.2, 0.3 x (11/15 - 0.6) / 0.9 / r) = 1/30: both move 2/15 and A reaches O_b.
        reused.step(two, random);
        assertArrayEquals(new int[] {0, 1, 0, 1}, two.exchanges.toArray(), "this round's exchange only");
        assertArrayEquals(new double[] {0.2, 11.0 / 15, 0.4 - 2.0 / 15, 0.8}, two.position, EPS);
    }
}
