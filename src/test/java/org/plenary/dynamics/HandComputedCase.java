package org.plenary.dynamics;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * What the hand-computed mechanism tests open with: the test's scenario header, read with a body
 * through the real input pipeline; a folder for the file; the generator the mechanisms are stepped
 * with; and the tolerance the figures computed by hand are checked to.
 */
abstract class HandComputedCase {
    static final double EPS = 1e-12;

    @TempDir
    Path dir;

    final MersenneTwisterFast random;
    private final String header;

    HandComputedCase(String header, long seed) {
        this.header = header;
        this.random = new MersenneTwisterFast(seed);
    }

    /** The header followed by {@code body}, with the --set overrides {@code sets}. */
    Scenario scenario(String body, String... sets) throws Exception {
        return Scenarios.load(dir, header + body, sets);
    }
}
