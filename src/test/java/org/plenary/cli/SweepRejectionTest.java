package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep rejected by validation leaves no trace in its results location, whichever way its points were made. */
class SweepRejectionTest {
    @TempDir
    Path dir;

    @Test
    void aSampledSweepWithAnInvalidPointLeavesNothingBehind() {
        Path out = dir.resolve("X");
        CliTest.Result sweep = CliTest.plenary("sweep", "scenarios/small-assembly.yaml", "--sample", "lhs",
                "--points", "4", "--range", "influence.rate=0:7", "--out", out.toString());
        assertEquals(2, sweep.exitCode(), sweep.err());
        assertTrue(sweep.err().contains("influence.rate"), sweep.err());
        assertFalse(Files.exists(out.resolve("small-assembly")), "no empty scenario folder");
        assertFalse(Files.exists(out), "not even the results folder it would have created");
    }
}
