package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped half way (SIGTERM, as from kill or a closing terminal) leaves no results directory behind. */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void aTerminatedRunLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("results");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "scenarios/small-assembly.yaml", "--replications", "100000", "--out", out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile()).start();
        Path scenarioDirectory = out.resolve("small-assembly");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasRows(scenarioDirectory) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(process.isAlive(), "the run should still be going: " + Files.readString(dir.resolve("run.log")));
        process.destroy(); // SIGTERM: shutdown hooks run
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(scenarioDirectory), "nothing stays behind, not even the hidden staging directory"
                + " or the scenario's folder the run created: " + (Files.exists(scenarioDirectory)
                ? Files.list(scenarioDirectory).toList() : ""));
    }

    /** True once the staging directory holds rows of at least one replication. */
    private static boolean hasRows(Path scenarioDirectory) throws Exception {
        if (!Files.isDirectory(scenarioDirectory)) {
            return false;
        }
        try (Stream<Path> staging = Files.list(scenarioDirectory)) {
            for (Path run : staging.toList()) {
                Path outcomes = run.resolve("outcomes.csv");
                if (Files.exists(outcomes) && Files.size(outcomes) > 200) {
                    return true;
                }
            }
        }
        return false;
    }
}
