package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.sensitivity.Sensitivity;
import org.plenary.sweep.Sweep;

/** plenary sensitivity, run as a user runs it, on the small assembly with small samples. */
class SensitivityCommandTest {
    private static final String SCENARIO = "scenarios/small-assembly.yaml";
    private static final List<String> RANGES = List.of("--range", "chair.accommodation=0.01:0.2",
            "--range", "decision.standing_exponent=0:1");

    @TempDir
    Path dir;

    private static List<String> sobol(Path out, int threads, String... more) {
        List<String> args = new ArrayList<>(List.of("sensitivity", SCENARIO, "--samples", "16", "--replications", "3",
                "--threads", Integer.toString(threads), "--out", out.toString(), "--contrast", "events=[]",
                "--outcome", "res-hr-standards_human_rights", "--outcome", "res-hr-standards_decision_round"));
        args.addAll(RANGES);
        args.addAll(List.of(more));
        return args;
    }

    private static Path analysisDirectory(Path out) throws IOException {
        Path parent = out.resolve("small-assembly");
        if (!Files.isDirectory(parent)) {
            return null;
        }
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElse(null);
        }
    }

    private static long finishedPoints(Path analysis) throws IOException {
        Path points = analysis == null ? null : analysis.resolve(Sensitivity.SWEEP).resolve("points");
        if (points == null || !Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(points)) {
            return files.filter(p -> p.getFileName().toString().startsWith("point-")).count();
        }
    }

    @Test
    void sobolWithAContrastWritesIndicesSamplesChartsReportAndJson() throws IOException {
        Path out = dir.resolve("sobol");
        CliTest.Result run = CliTest.plenary(sobol(out, 2, "--json").toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("sobol", json.path("method").asText());
        assertEquals(2, json.path("outcomes").size(), "the two --outcome");
        JsonNode first = json.path("outcomes").get(0);
        assertEquals("res-hr-standards_decision_round", first.path("outcome").asText());
        assertEquals("chair.accommodation", first.path("parameters").get(0).path("path").asText());
        for (String key : List.of("S1", "S1_conf", "ST", "ST_conf")) {
            assertTrue(first.path("parameters").get(0).path(key).isNumber(), key);
        }
        Path analysis = analysisDirectory(out);
        List<String> indices = Files.readAllLines(analysis.resolve("indices.csv"));
        assertEquals("outcome,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high", indices.get(0));
        assertEquals(1 + 2 * 2, indices.size(), "2 outcomes x 2 parameters");
        List<String> samples = Files.readAllLines(analysis.resolve("samples.csv"));
        assertEquals("point,sample,matrix,chair.accommodation,decision.standing_exponent,"
                + "res-hr-standards_decision_round_contrast,res-hr-standards_human_rights_contrast", samples.get(0));
        assertEquals(1 + 16 * 4, samples.size(), "N (k + 2) points");
        assertTrue(samples.get(1).startsWith("0,0,A,") && samples.get(2).startsWith("1,0,AB_1,")
                && samples.get(4).startsWith("3,0,B,"), samples.subList(1, 5).toString());
        for (String chart : List.of("indices-res-hr-standards-human-rights.png",
                "convergence-res-hr-standards-human-rights.png")) {
            assertTrue(Files.size(analysis.resolve("charts").resolve(chart)) > 0, chart);
        }
        assertTrue(Files.readString(analysis.resolve("report.html")).contains("ST [95%]"), "the indices table");
        assertTrue(Files.exists(analysis.resolve(Sensitivity.CONTRAST).resolve("sweep.csv")),
                "the variant ran as its own sweep");
        assertFalse(Files.exists(analysis.resolve(Sweep.INCOMPLETE)));
        // The withdrawal of events=[] removes the scenario's events: with common random numbers, a point
        // whose two runs share seeds differs only through the events.
        assertTrue(Files.readString(analysis.resolve(Sensitivity.SWEEP).resolve("sweep.csv")).lines().skip(1)
                .map(line -> line.split(",")[2]).toList().equals(
                        Files.readString(analysis.resolve(Sensitivity.CONTRAST).resolve("sweep.csv")).lines().skip(1)
                                .map(line -> line.split(",")[2]).toList()), "the same seeds in both sweeps");
    }

    @Test
    void morrisWritesMuStarAndSigma() throws IOException {
        Path out = dir.resolve("morris");
        List<String> args = new ArrayList<>(List.of("sensitivity", SCENARIO, "--method", "morris", "--samples", "4",
                "--replications", "2", "--out", out.toString(), "--outcome", "coalitions"));
        args.addAll(RANGES);
        args.addAll(List.of("--range", "delegation_defaults.tolerance=0.1:0.5"));
        CliTest.Result run = CliTest.plenary(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("coalitions"), run.out());
        Path analysis = analysisDirectory(out);
        List<String> indices = Files.readAllLines(analysis.resolve("indices.csv"));
        assertEquals("outcome,parameter,mu_star,mu_star_low,mu_star_high,mu,sigma", indices.get(0));
        assertEquals(1 + 3, indices.size());
        assertEquals(1 + 4 * 4, Files.readAllLines(analysis.resolve("samples.csv")).size(), "r (k + 1) points");
        assertTrue(Files.exists(analysis.resolve("charts").resolve("morris-coalitions.png")));
    }

    @Test
    void badRangesAndOutcomesAreRejectedBeforeAnythingRuns() throws IOException {
        Path out = dir.resolve("bad");
        String[][] cases = {
            {"--range", "chair.accommodation=0.2:0.1", "--range", "decision.standing_exponent=0:1"},
            {"--range", "chair.accommodation=0:2", "--range", "decision.standing_exponent=0:1"},
            {"--range", "chair.acommodation=0:0.2", "--range", "decision.standing_exponent=0:1"},
            {"--range", "chair.accommodation=0:0.2"},
            {"--range", "chair.accommodation=0:0.2", "--range", "chair.accommodation=0:0.1"},
            {"--range", "chair.accommodation=0:0.2", "--range", "decision.standing_exponent=0:1", "--outcome", "coalitons"},
        };
        String[] expected = {"low < high", "must be in [0, 1], got 2", "did you mean 'accommodation'",
            "at least two --range", "given twice", "did you mean 'coalitions'"};
        for (int c = 0; c < cases.length; c++) {
            List<String> args = new ArrayList<>(List.of("sensitivity", SCENARIO, "--samples", "8", "--out",
                    out.toString()));
            args.addAll(List.of(cases[c]));
            CliTest.Result run = CliTest.plenary(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), String.join(" ", cases[c]));
            assertTrue(run.err().contains(expected[c]), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        Path parent = out.resolve("small-assembly");
        if (Files.isDirectory(parent)) {
            try (Stream<Path> files = Files.list(parent)) {
                assertEquals(0, files.count(), "rejected analyses leave nothing");
            }
        }
    }

    @Test
    void aKilledAnalysisResumesToTheSameIndices() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, CliTest.plenary(sobol(reference, 2).toArray(String[]::new)).exitCode());
        Path expected = analysisDirectory(reference);

        Path killedOut = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(sobol(killedOut, 1));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finishedPoints(analysisDirectory(killedOut)) < 3 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
        Path analysis = analysisDirectory(killedOut);
        long finished = finishedPoints(analysis);
        assertTrue(finished >= 3 && finished < 64, "killed part way: " + finished + " points; log: "
                + Files.readString(dir.resolve("killed.log")));
        assertFalse(Files.exists(analysis.resolve("indices.csv")));

        CliTest.Result resumed = CliTest.plenary("sensitivity", "--resume", analysis.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String file : List.of("indices.csv", "samples.csv", "indices.json")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(analysis.resolve(file)),
                    file + ": resumed (1 thread) equals uninterrupted (2 threads)");
        }
        assertEquals(2, CliTest.plenary("sensitivity", "--resume", analysis.toString()).exitCode(),
                "a complete analysis is not rewritten");
    }
}
