package org.plenary.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.reference.EmissionStandards.CAPABILITY;
import static org.plenary.reference.EmissionStandards.POSITION;
import static org.plenary.reference.EmissionStandards.SALIENCE;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PredictorsTest {

    @Test
    void emissionStandardsWeightedMedianIsSeven() {
        assertEquals(7.0, Predictors.weightedMedian(CAPABILITY, SALIENCE, POSITION), 0);
    }

    @Test
    void emissionStandardsCompromiseIsThePublishedWeightedMean() {
        assertEquals(7.38996, Predictors.compromise(CAPABILITY, SALIENCE, POSITION), 1e-5);
    }

    @Test
    void compromiseWithEqualWeightsIsTheArithmeticMean() {
        double[] ones = {1, 1, 1, 1};
        assertEquals(4.25, Predictors.compromise(ones, ones, new double[] {1, 2, 6, 8}), 1e-12);
    }

    @Test
    void weightedMedianTakesTheLowerEndWhenHalfTheWeightIsOnEachSide() {
        // Every x in [4, 10] has weight 1 on at most one side: the lower end is returned.
        double[] ones = {1, 1};
        assertEquals(4.0, Predictors.weightedMedian(ones, ones, new double[] {10, 4}), 0);
    }

    @Test
    void weightedMedianIsUnmovedByAnExtremePosition() {
        double[] capability = {3, 1, 1};
        double[] salience = {1, 1, 1};
        assertEquals(2.0, Predictors.weightedMedian(capability, salience, new double[] {2, 0, 1000}), 0);
    }

    @Test
    void weightedMedianBeatsOrTiesEveryActorPositionInPairwiseVotes() {
        Random random = new Random(1948);
        for (int trial = 0; trial < 200; trial++) {
            int actors = 1 + random.nextInt(12);
            double[] capability = new double[actors];
            double[] salience = new double[actors];
            double[] position = new double[actors];
            for (int i = 0; i < actors; i++) {
                capability[i] = random.nextDouble();
                salience[i] = random.nextDouble();
                position[i] = random.nextInt(11);
            }
            double median = Predictors.weightedMedian(capability, salience, position);
            for (double rival : position) {
                double votesForMedian = 0;
                for (int i = 0; i < actors; i++) {
                    votesForMedian += capability[i] * salience[i]
                            * (Math.abs(position[i] - rival) - Math.abs(position[i] - median));
                }
                assertTrue(votesForMedian >= -1e-12, "median " + median + " loses to " + rival);
            }
        }
    }

    @Test
    void rejectsZeroTotalWeight() {
        assertThrows(IllegalArgumentException.class,
                () -> Predictors.compromise(new double[] {0, 0}, new double[] {1, 1}, new double[] {1, 2}));
    }
}
