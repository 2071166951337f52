package org.plenary.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.plenary.cli.Main;
import picocli.CommandLine;

/** Runs the real CLI and compares sweep directories, for the sharded-sweep tests. */
final class SweepDirectories {
    /** Records of how and when a run was asked for, and the per-backend working files: not outputs. */
    private static final Set<String> NOT_OUTPUTS = Set.of("manifest.json", "sweep-plan.json");
    private static final Set<String> WORKING_DIRECTORIES = Set.of("points", "shards", "slurm");

    record Result(int exit, String out, String err) { }

    private SweepDirectories() {
    }

    static Result plenary(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The one sweep directory under {@code out}, whose path the command printed. */
    static Path sweepDirectory(Result result) {
        for (String line : result.out().split("\n")) {
            if (line.startsWith("sweep: ")) {
                return Path.of(line.substring("sweep: ".length()).strip());
            }
        }
        throw new AssertionError("no 'sweep:' line in " + result);
    }

    /** Every output file of {@code actual} has the bytes of the same file in {@code expected}, and none is missing. */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        List<Path> files = outputs(expected);
        assertEquals(files, outputs(actual), "the same output files");
        assertTrue(files.contains(Path.of("sweep.csv")) && files.contains(Path.of("report.html")), files.toString());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    file + " differs");
        }
    }

    private static List<Path> outputs(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(directory::relativize)
                    .filter(p -> !NOT_OUTPUTS.contains(p.toString()) && !WORKING_DIRECTORIES.contains(p.getName(0).toString()))
                    .sorted().toList();
        }
    }
}
