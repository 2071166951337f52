package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped half way (SIGTERM, as from kill; SIGINT, as from Ctrl-C) leaves no results directory
 * behind; one killed outright (SIGKILL) cannot clean up, and the next run in that folder does it.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aStoppedRunLeavesNothingBehind(String signal) throws Exception {
        Path out = dir.resolve("results");
        Process process = startLongRun(out);
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Path scenarioDirectory = out.resolve("small-assembly");
        assertFalse(Files.exists(scenarioDirectory), "nothing stays behind, not even the hidden staging directory"
                + " or the scenario's folder the run created: " + (Files.exists(scenarioDirectory)
                ? Files.list(scenarioDirectory).toList() : ""));
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeft() throws Exception {
        Path out = dir.resolve("results");
        Process process = startLongRun(out);
        process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Path scenarioDirectory = out.resolve("small-assembly");
        assertEquals(1, names(scenarioDirectory).size(), "the killed run's staging directory is left");
        assertEquals(0, CliTest.plenary("run", "scenarios/small-assembly.yaml", "--replications", "1", "--rounds",
                "3", "--out", out.toString()).exitCode());
        List<String> left = names(scenarioDirectory);
        assertEquals(1, left.size(), left.toString());
        assertFalse(left.get(0).startsWith("."), "only the new run stays: " + left);
    }

    private Process startLongRun(Path out) throws Exception {
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
        return process;
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
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
