package org.plenary.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VotingPowerTest {

    private static final double EXACT = 1e-12;

    private static BigInteger[] swings(long... counts) {
        return Arrays.stream(counts).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    }

    @Test
    void standardExampleMatchesPublishedIndices() {
        // [51; 50, 49, 1]: Shapley-Shubik 2/3, 1/6, 1/6; normalised Banzhaf 3/5, 1/5, 1/5.
        VotingPower.Result result = VotingPower.compute(51, 50, 49, 1);

        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}, result.shapleyShubik(), EXACT);
        assertArrayEquals(new double[] {3.0 / 5, 1.0 / 5, 1.0 / 5}, result.banzhaf(), EXACT);
        assertArrayEquals(swings(3, 1, 1), result.swings());
    }

    @Test
    void eecCouncilOf1958MatchesPublishedIndicesWithLuxembourgADummy() {
        // EEC Council of Ministers 1958-72, [12; 4, 4, 4, 2, 2, 1]: Luxembourg is the textbook null
        // player (Napel 2018, Games 9(2) 29). By hand: a large state swings 10 coalitions of the others,
        // a Benelux state 6; Shapley-Shubik 7/30 and 3/20 (Felsenthal & Machover 1998).
        VotingPower.Result result = VotingPower.compute(12, 4, 4, 4, 2, 2, 1);

        assertArrayEquals(new double[] {7.0 / 30, 7.0 / 30, 7.0 / 30, 3.0 / 20, 3.0 / 20, 0}, result.shapleyShubik(), EXACT);
        assertArrayEquals(new double[] {5.0 / 21, 5.0 / 21, 5.0 / 21, 1.0 / 7, 1.0 / 7, 0}, result.banzhaf(), EXACT);
        assertArrayEquals(swings(10, 10, 10, 6, 6, 0), result.swings());
    }

    @Test
    void decimalWeightsAreTheSameGameAsTheirIntegerScaling() {
        VotingPower.Result result = VotingPower.compute(0.51, 0.5, 0.49, 0.01);

        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}, result.shapleyShubik(), EXACT);
        assertArrayEquals(swings(3, 1, 1), result.swings());
    }

    @Test
    void fractionalUnitsAreTheSameGameAsWholeUnits() {
        // Sixteenths scale to multiples of 625 at four decimals; the common factor is divided out.
        VotingPower.Result result = VotingPower.compute(51 / 16.0, 50 / 16.0, 49 / 16.0, 1 / 16.0);

        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}, result.shapleyShubik(), EXACT);
        assertArrayEquals(swings(3, 1, 1), result.swings());
    }

    @Test
    void equalWeightsShareEqually() {
        // [3; 1,1,1,1,1]: each voter swings the C(4,2) = 6 pairs of the others.
        VotingPower.Result result = VotingPower.compute(3, 1, 1, 1, 1, 1);

        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, result.shapleyShubik(), EXACT);
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, result.banzhaf(), EXACT);
        assertArrayEquals(swings(6, 6, 6, 6, 6), result.swings());
    }

    @Test
    void dummyPlayerHasNoPower() {
        // [4; 2, 2, 1]: the 1-vote player never turns a losing coalition into a winning one.
        VotingPower.Result result = VotingPower.compute(4, 2, 2, 1);

        assertArrayEquals(new double[] {0.5, 0.5, 0}, result.shapleyShubik(), EXACT);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, result.banzhaf(), EXACT);
        assertArrayEquals(swings(2, 2, 0), result.swings());
    }

    @Test
    void oneStateOneVoteMajorityOf194GivesEachStateOne194th() {
        double[] weights = new double[194];
        Arrays.fill(weights, 1);

        VotingPower.Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> VotingPower.compute(98, weights));

        for (int i = 0; i < weights.length; i++) {
            assertEquals(1.0 / 194, result.shapleyShubik()[i], EXACT);
            assertEquals(1.0 / 194, result.banzhaf()[i], EXACT);
            // A state swings exactly the coalitions of 97 of the other 193 states.
            assertEquals(binomial(193, 97), result.swings()[i]);
        }
        assertEquals(1.0, Arrays.stream(result.shapleyShubik()).sum(), 1e-9);
    }

    @Test
    void weighted194MemberGameIsFastSumsToOneAndRespectsWeightOrder() {
        // 194 voters in 40 contribution-like classes of 1/16 to 40/16 units, two-thirds quota; the
        // sixteenths reach the dynamic programme as integers only after dividing by their common factor.
        double[] weights = new double[194];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (1 + (i * 7) % 40) / 16.0;
        }
        double quota = 2 * Arrays.stream(weights).sum() / 3;

        VotingPower.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> VotingPower.compute(quota, weights));

        assertEquals(1.0, Arrays.stream(result.shapleyShubik()).sum(), 1e-9);
        assertEquals(1.0, Arrays.stream(result.banzhaf()).sum(), 1e-9);
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < weights.length; j++) {
                if (weights[i] > weights[j]) {
                    assertTrue(result.shapleyShubik()[i] >= result.shapleyShubik()[j] - EXACT);
                    assertTrue(result.swings()[i].compareTo(result.swings()[j]) >= 0);
                }
            }
        }
    }

    @Test
    void dynamicProgrammeAgreesWithEnumerationOnRandomSmallGames() {
        Random random = new Random(20240601L);
        for (int game = 0; game < 300; game++) {
            int voters = 1 + random.nextInt(10);
            long[] integerWeights = new long[voters];
            double[] weights = new double[voters];
            for (int i = 0; i < voters; i++) {
                integerWeights[i] = random.nextInt(13);
                weights[i] = integerWeights[i];
            }
            long total = Arrays.stream(integerWeights).sum();
            if (total == 0) {
                continue;
            }
            long quota = 1 + random.nextInt((int) total);

            VotingPower.Result programmed = VotingPower.byDynamicProgramming(quota, integerWeights);
            VotingPower.Result enumerated = VotingPower.byEnumeration(quota, weights);

            assertArrayEquals(enumerated.shapleyShubik(), programmed.shapleyShubik(), EXACT);
            assertArrayEquals(enumerated.banzhaf(), programmed.banzhaf(), EXACT);
            assertArrayEquals(enumerated.swings(), programmed.swings());
        }
    }

    @Test
    void weightsWithoutShortDecimalsAreEnumerated() {
        // sqrt 2 + sqrt 3 = 3.1463 and pi = 3.1416 against a quota of 3.1440: any two voters win, no
        // single one does, so the game is symmetric.
        double[] weights = {Math.sqrt(2), Math.sqrt(3), Math.PI};
        double quota = Arrays.stream(weights).sum() / 2;

        VotingPower.Result result = VotingPower.compute(quota, weights);

        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, result.shapleyShubik(), EXACT);
        assertArrayEquals(swings(2, 2, 2), result.swings());
    }

    @Test
    void rejectsGamesItCannotSolve() {
        double[] irrational = new double[26];
        Arrays.fill(irrational, Math.PI);
        assertThrows(IllegalArgumentException.class, () -> VotingPower.compute(40, irrational));
        assertThrows(IllegalArgumentException.class, () -> VotingPower.compute(101, 50, 50));
        assertThrows(IllegalArgumentException.class, () -> VotingPower.compute(0, 50, 50));
        assertThrows(IllegalArgumentException.class, () -> VotingPower.compute(1, 50, -1));
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int j = 1; j <= k; j++) {
            result = result.multiply(BigInteger.valueOf(n - k + j)).divide(BigInteger.valueOf(j));
        }
        return result;
    }
}
