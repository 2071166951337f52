package org.plenary.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The published cluster counts of bounded-confidence dynamics, with the project's own mechanisms in
 * their pure forms. verify-models checks N = 1000 on seeds 1-5; this fast subset uses N = 500 and
 * other seeds, so the laws are not an accident of one population size or one seed.
 */
class OpinionDynamicsLawsTest {
    private static final int AGENTS = 500;
    private static final long[] SEEDS = {11, 12, 13};

    @Test
    void deffuantLeavesAboutOneClusterPerTwiceTheTolerance() {
        for (long seed : SEEDS) {
            int narrow = OpinionDynamicsLaws.deffuantMajorClusters(AGENTS, 0.1, 0.5, 2000, seed);
            assertTrue(narrow == 4 || narrow == 5, "d = 0.1: floor(1/0.2) = 5, 4 or 5 observed; got " + narrow);
            assertEquals(2, OpinionDynamicsLaws.deffuantMajorClusters(AGENTS, 0.2, 0.5, 2000, seed), "d = 0.2");
            assertEquals(1, OpinionDynamicsLaws.deffuantMajorClusters(AGENTS, 0.3, 0.5, 2000, seed), "d = 0.3");
        }
    }

    @Test
    void hegselmannKrauseReachesConsensusAtThreeTenthsAndFragmentsAtOneTenth() {
        for (long seed : SEEDS) {
            assertEquals(1, OpinionDynamicsLaws.hegselmannKrauseMajorClusters(AGENTS, 0.3, 20, seed), "eps = 0.3");
            int clusters = OpinionDynamicsLaws.hegselmannKrauseMajorClusters(AGENTS, 0.1, 20, seed);
            assertTrue(clusters >= 3, "eps = 0.1: several clusters, got " + clusters);
        }
    }
}
