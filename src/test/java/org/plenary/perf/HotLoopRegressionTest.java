package org.plenary.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;
import org.plenary.dynamics.DbscanCoalitions;
import org.plenary.dynamics.HegselmannKrause;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;

/**
 * A quick, low-noise guard against a large slowdown of the hot loops: the model's influence and
 * coalition steps are timed against flat-array kernels of the same arithmetic in the same process,
 * alternately, and the best ratio of several trials must stay below a generous bound. A ratio,
 * unlike a wall-clock threshold, does not care how fast or busy the machine is.
 */
class HotLoopRegressionTest {
    /** The model currently runs at or below the kernels' time; 3x means something went badly wrong. */
    private static final double MAX_RATIO = 3.0;
    private static final int TRIALS = 7;

    @Test
    void hotLoopsStayWithinAFewTimesTheirFlatKernels() throws Exception {
        Scenario scenario = SyntheticScenarios.load(194);
        Assembly a = SyntheticScenarios.midNegotiation(scenario, 20);
        MersenneTwisterFast random = new MersenneTwisterFast(1);
        double[] state = a.position.clone();
        int n = a.delegations;
        int d = a.dimensions;
        double[] out = new double[n * d];
        int[] counts = new int[n];
        HegselmannKrause influence = new HegselmannKrause(0.3, 0.05, 1.0, 0.5);
        DbscanCoalitions coalitions = new DbscanCoalitions(0.12, 2);

        double influenceRatio = bestRatio(() -> {
            System.arraycopy(state, 0, a.position, 0, state.length);
            influence.step(a, random);
        }, () -> FlatKernels.influence(n, d, state, a.activeSalience, a.capability, a.tolerance, 0.15, out));
        double coalitionRatio = bestRatio(() -> coalitions.detect(a),
                () -> FlatKernels.neighbourCounts(n, d, a.position, 0.12, counts));
        assertTrue(influenceRatio < MAX_RATIO, "influence step is " + influenceRatio + "x its flat kernel");
        assertTrue(coalitionRatio < MAX_RATIO, "coalition detection is " + coalitionRatio + "x its flat kernel");
    }

    /** The smallest model/kernel time ratio over alternating trials (warm-up first). */
    private static double bestRatio(Runnable model, Runnable kernel) {
        for (int i = 0; i < 200; i++) {
            model.run();
            kernel.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int trial = 0; trial < TRIALS; trial++) {
            best = Math.min(best, (double) time(model) / time(kernel));
        }
        return best;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            work.run();
        }
        return System.nanoTime() - start;
    }
}
