package org.plenary.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import picocli.CommandLine;

/** A sweep killed with SIGKILL half way resumes to the same bytes as an uninterrupted one. */
class SweepResumeTest {
    private static final int POINTS = 12;

    @TempDir
    Path dir;

    private static List<String> sweepArguments(Path out, int threads) {
        StringBuilder rates = new StringBuilder();
        for (int p = 0; p < POINTS; p++) {
            rates.append(p == 0 ? "" : ",").append(0.01 * (p + 1));
        }
        return List.of("sweep", "scenarios/small-assembly.yaml", "--param", "chair.accommodation=" + rates,
                "--replications", "16", "--threads", Integer.toString(threads), "--out", out.toString());
    }

    private static int plenary(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }

    private static Path sweepDirectory(Path out) throws IOException {
        Path parent = out.resolve("small-assembly");
        if (!Files.isDirectory(parent)) {
            return null;
        }
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElse(null);
        }
    }

    private static long finishedPoints(Path sweep) throws IOException {
        if (sweep == null || !Files.isDirectory(sweep.resolve("points"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(sweep.resolve("points"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("point-")).count();
        }
    }

    @Test
    void aKilledSweepResumesToTheSameBytesWithoutRecomputingFinishedPoints() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, plenary(sweepArguments(reference, 2).toArray(String[]::new)));
        byte[] expected = Files.readAllBytes(sweepDirectory(reference).resolve("sweep.csv"));

        Path killedOut = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(sweepArguments(killedOut, 1));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finishedPoints(sweepDirectory(killedOut)) < 2 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to tidy up
        process.waitFor(30, TimeUnit.SECONDS);
        Path sweep = sweepDirectory(killedOut);
        long finished = finishedPoints(sweep);
        assertTrue(finished >= 2 && finished < POINTS, "killed half way: " + finished + " points finished; log: "
                + Files.readString(dir.resolve("killed.log")));
        assertTrue(Files.exists(sweep.resolve(Sweep.INCOMPLETE)));
        assertFalse(Files.exists(sweep.resolve("sweep.csv")));

        Map<Path, FileTime> before = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(sweep.resolve("points"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("point-")).toList()) {
                before.put(file, Files.getLastModifiedTime(file));
            }
        }
        assertEquals(0, plenary("sweep", "--resume", sweep.toString()));
        for (Map.Entry<Path, FileTime> point : before.entrySet()) {
            assertEquals(point.getValue(), Files.getLastModifiedTime(point.getKey()), "recomputed " + point.getKey());
        }
        assertArrayEquals(expected, Files.readAllBytes(sweep.resolve("sweep.csv")),
                "a resumed sweep (1 thread) equals an uninterrupted one (2 threads)");
        assertFalse(Files.exists(sweep.resolve(Sweep.INCOMPLETE)));
        assertTrue(Files.exists(sweep.resolve("report.html")));
        assertTrue(Files.exists(sweep.resolve("manifest.json")));
        assertEquals(2, plenary("sweep", "--resume", sweep.toString()), "a complete sweep is not rewritten");
    }

    @Test
    void anInvalidPointIsRejectedBeforeAnythingRunsAndLeavesNothing() throws IOException {
        Path out = dir.resolve("invalid");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", "influence.rate=0.1,7",
                "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("small-assembly")), "not even the scenario's folder");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--out", out.toString()),
                "nothing to sweep");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", "influence.rate=0.1",
                "--param", "influence.rate=0.2", "--out", out.toString()), "the same path twice");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", "influence.rate=0.1,0.2",
                "--threads", "0", "--out", out.toString()), "no threads");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", "agenda=[]",
                "--out", out.toString()), "a point without the agenda cannot share sweep.csv's columns");
        assertFalse(Files.exists(out.resolve("small-assembly")), "rejected sweeps leave nothing");
    }
}
