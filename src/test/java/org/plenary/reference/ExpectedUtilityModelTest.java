package org.plenary.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.reference.EmissionStandards.CAPABILITY;
import static org.plenary.reference.EmissionStandards.DE;
import static org.plenary.reference.EmissionStandards.POSITION;
import static org.plenary.reference.EmissionStandards.SALIENCE;
import static org.plenary.reference.EmissionStandards.UK;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plenary.reference.ExpectedUtilityModel.Parameters;
import org.plenary.reference.ExpectedUtilityModel.ProbabilityDenominator;

class ExpectedUtilityModelTest {

    @Test
    void roundZeroHasThePublishedMedianAndMean() {
        ExpectedUtilityModel.Result result =
                ExpectedUtilityModel.run(CAPABILITY, SALIENCE, POSITION, Parameters.defaults(3));

        assertArrayEquals(POSITION, result.positions()[0], 0);
        assertEquals(7.0, result.weightedMedians()[0], 0);
        assertEquals(7.38996, result.weightedMeans()[0], 1e-5);
    }

    @Test
    void contestProbabilityIsTheChallengersShareOfTheVotesInThatContest() {
        // UK (10) against DE (4): the actors at 10 (c s = 33.6 in 0-100 salience units) vote 6 each for
        // the UK, those at 4 (24.8) 6 each for DE, those at 7 are indifferent.
        double ukWins = ExpectedUtilityModel.probabilityOfSuccess(
                CAPABILITY, SALIENCE, POSITION, UK, DE, ProbabilityDenominator.CONTEST);
        double deWins = ExpectedUtilityModel.probabilityOfSuccess(
                CAPABILITY, SALIENCE, POSITION, DE, UK, ProbabilityDenominator.CONTEST);

        assertEquals(33.6 / 58.4, ukWins, 1e-12);
        assertEquals(24.8 / 58.4, deWins, 1e-12);
    }

    @Test
    void allContestsProbabilityDividesByTheVotesOfEveryOrderedPair() {
        // Sum over ordered pairs of sum_k c_k s_k | |x_k - x_j| - |x_k - x_i| |: 24 pairs {4,10} at 350.4,
        // 24 pairs {4,7} and 18 pairs {7,10} at 203.1 each -> 16939.8 (0-100 salience units).
        double ukWins = ExpectedUtilityModel.probabilityOfSuccess(
                CAPABILITY, SALIENCE, POSITION, UK, DE, ProbabilityDenominator.ALL_CONTESTS);

        assertEquals(6 * 33.6 / 16939.8, ukWins, 1e-12);
    }

    @Test
    void actorsAtTheSamePositionHaveNoContest() {
        assertEquals(0, ExpectedUtilityModel.probabilityOfSuccess(
                CAPABILITY, SALIENCE, POSITION, 1, 2, ProbabilityDenominator.CONTEST), 0);
    }

    @Test
    void twoActorRoundMatchesHandDerivation() {
        // A: c 3, s 1, x 0; B: c 1, s 0.5, x 1. P_AB = 3/3.5 = 6/7. With r = 1 (U_s = 2, U_f = -2,
        // U_sq = 0): EU_AB = 0.5 (12/7 - 2/7) + 0.5 * 2 = 12/7, EU_BA = 2/7 - 12/7 = -10/7, so A is the
        // least and B the most exposed: r_A = 2, r_B = 0.5. B's view with r = 0.5 (U_sq = 2 - 2 sqrt 2):
        // EU_BA = 2 sqrt 2 - 24/7 < 0 < EU_AB = 2 sqrt 2 - 2/7, |EU_BA| < EU_AB: B compromises by
        // |EU_BA / EU_AB|. A's view with r = 2: EU_AB = 5/7 > 0 > EU_BA: no offer, A stays.
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(
                new double[] {3, 1}, new double[] {1, 0.5}, new double[] {0, 1}, Parameters.defaults(1));

        double concession = (24.0 / 7 - 2 * Math.sqrt(2)) / (2 * Math.sqrt(2) - 2.0 / 7);
        assertArrayEquals(new double[] {2, 0.5}, result.riskExponents()[0], 1e-12);
        assertArrayEquals(new double[] {0, 1 - concession}, result.positions()[1], 1e-12);
    }

    @Test
    void statusQuoAndImprovementProbabilitiesEnterAsPublished() {
        // Same two actors with Q = 0.5, T = 1: EU loses (1 - Q) U_b besides Q U_sq, where U_b uses
        // 0.25 (|x_challenger - mu| + |x_challenger - x_target|) / range, mu = 0 (A's position).
        // B's view (r = 0.5): EU_AB = 12/7 - (0.5 (2 - 2 sqrt 2) + 0.5 * 0) = 5/7 + sqrt 2,
        // EU_BA = -10/7 - (0.5 (2 - 2 sqrt 2) + 0.5 * 2) = sqrt 2 - 24/7: B compromises.
        // A's view (r = 2): EU_AB = 12/7 - (0.5 + 0.5 * 1.75) > 0 > EU_BA: A stays.
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(new double[] {3, 1}, new double[] {1, 0.5},
                new double[] {0, 1}, new Parameters(1, 0.5, 1, ProbabilityDenominator.CONTEST));

        double concession = (24.0 / 7 - Math.sqrt(2)) / (5.0 / 7 + Math.sqrt(2));
        assertArrayEquals(new double[] {0, 1 - concession}, result.positions()[1], 1e-12);
    }

    @ParameterizedTest
    @EnumSource(ProbabilityDenominator.class)
    void offersMoveActorsTowardTheirChallengers(ProbabilityDenominator denominator) {
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(
                CAPABILITY, SALIENCE, POSITION, new Parameters(1, 1, 1, denominator));

        double[] before = result.positions()[0];
        double[] after = result.positions()[1];
        assertFalse(Arrays.equals(before, after));
        for (int i = 0; i < before.length; i++) {
            if (after[i] != before[i]) {
                assertTrue(movedPartWayToAnotherActor(before, i, after[i]), "actor " + i + " moved to " + after[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProbabilityDenominator.class)
    void riskExponentsRunFromHalfForTheMostExposedToTwoForTheLeast(ProbabilityDenominator denominator) {
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(
                CAPABILITY, SALIENCE, POSITION, new Parameters(1, 1, 1, denominator));

        double[] exponents = result.riskExponents()[0];
        assertEquals(0.5, Arrays.stream(exponents).min().getAsDouble(), 1e-12);
        assertEquals(2.0, Arrays.stream(exponents).max().getAsDouble(), 1e-12);
    }

    @Test
    void historyHoldsTheInitialPositionsAndOneEntryPerRound() {
        ExpectedUtilityModel.Result result =
                ExpectedUtilityModel.run(CAPABILITY, SALIENCE, POSITION, Parameters.defaults(4));

        assertFalse(result.stable());
        assertEquals(4, result.roundsPlayed());
        assertEquals(5, result.positions().length);
        assertEquals(4, result.riskExponents().length);
        assertEquals(5, result.weightedMedians().length);
        assertEquals(result.weightedMedians()[4], result.predictedOutcome(), 0);
    }

    @Test
    void runStopsWhenARoundMovesNobody() {
        // The weaker actor keeps conceding to the stronger one until it gives in entirely; after that
        // the two share a position and the next round changes nothing.
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(
                new double[] {3, 1}, new double[] {1, 0.5}, new double[] {0, 1}, Parameters.defaults(100));

        assertTrue(result.stable());
        assertTrue(result.roundsPlayed() < 100);
        assertArrayEquals(new double[] {0, 0}, result.positions()[result.roundsPlayed()], 0);
        assertEquals(0, result.predictedOutcome(), 0);
    }

    @Test
    void nothingMovesWhenAllActorsShareOnePosition() {
        double[] same = {5, 5, 5};
        ExpectedUtilityModel.Result result = ExpectedUtilityModel.run(
                new double[] {1, 2, 3}, new double[] {0.2, 0.5, 0.9}, same, Parameters.defaults(10));

        assertTrue(result.stable());
        assertEquals(0, result.roundsPlayed());
        assertArrayEquals(same, result.positions()[0], 0);
        assertEquals(5, result.predictedOutcome(), 0);
    }

    @Test
    void rejectsSalienceOnAHundredPointScale() {
        double[] hundredScale = Arrays.stream(SALIENCE).map(s -> 100 * s).toArray();
        assertThrows(IllegalArgumentException.class,
                () -> ExpectedUtilityModel.run(CAPABILITY, hundredScale, POSITION, Parameters.defaults(1)));
    }

    /** True if actor i's new position lies between x_i and some other x_j, on x_j's side. */
    private static boolean movedPartWayToAnotherActor(double[] before, int i, double moved) {
        for (double target : before) {
            if (target != before[i] && Math.signum(moved - before[i]) == Math.signum(target - before[i])
                    && Math.abs(moved - before[i]) <= Math.abs(target - before[i])) {
                return true;
            }
        }
        return false;
    }
}
