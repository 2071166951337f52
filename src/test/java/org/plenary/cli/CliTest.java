package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;
import picocli.CommandLine;

/** Runs the real command line, as a user would, and checks exit codes, messages and files. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) { }

    static Result plenary(String... args) {
        return plenary(Main.commandLine(), args);
    }

    static Result plenary(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: X, groups: [G], position: {a: 0.2, b: 0.3}, capability: 2}
              - {id: Y, groups: [G], position: {a: 0.3, b: 0.4}}
              - {id: Z, position: {a: 0.8, b: 0.3}}
            blocs: [{id: G, cohesion: 0.5}]
            agenda:
              - {id: item, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
            events:
              - {round: 2, type: withdraw, delegation: Z}
            """;

    @Test
    void versionAndHelpExitZero() {
        Result version = plenary("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("plenary "), version.out());
        for (String command : List.of("run", "validate", "predict")) {
            Result help = plenary(command, "--help");
            assertEquals(0, help.exitCode(), help.err());
            assertTrue(help.out().contains("--set") && help.out().contains("Example"), help.out());
        }
        for (String command : List.of("import-ktab", "power", "landscape", "verify-models")) {
            Result help = plenary(command, "--help");
            assertEquals(0, help.exitCode(), help.err());
            assertTrue(help.out().contains("Example") && help.out().contains("plenary " + command + " "), help.out());
            assertTrue(help.out().lines().allMatch(line -> line.length() <= 80), "help fits 80 columns: " + command);
        }
        assertTrue(plenary("--help").out().contains("Exit codes"));
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, plenary("run").exitCode());
        assertEquals(2, plenary("run", "x.yaml", "--no-such-option").exitCode());
        assertEquals(2, plenary("frobnicate").exitCode());
        assertEquals(2, plenary().exitCode());
    }

    @Test
    void validateReportsEveryProblemWithoutAStackTrace() {
        Path good = Scenarios.write(dir, "good.yaml", SCENARIO);
        Result ok = plenary("validate", good.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("3 delegations"), ok.out());

        Path bad = Scenarios.write(dir, "bad.yaml", SCENARIO.replace("capability: 2", "capability: -2")
                .replace("delegation: Z}", "delegation: Q}"));
        Result rejected = plenary("validate", bad.toString());
        assertEquals(2, rejected.exitCode());
        assertTrue(rejected.err().contains("bad.yaml:9: delegations[X].capability: out of range"), rejected.err());
        assertTrue(rejected.err().contains("bad.yaml:16: events[0].delegation: unknown delegation 'Q'"), rejected.err());
        assertFalse(rejected.err().contains("Exception") || rejected.err().contains("\tat "), rejected.err());
        assertEquals(2, plenary("validate", dir.resolve("missing.yaml").toString()).exitCode());
    }

    @Test
    void anInternalErrorExitsOneWithoutAStackTrace() {
        @CommandLine.Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("kaput");
            }
        }
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("boom", new Boom());
        Result result = plenary(commandLine, "boom");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("internal error") && result.err().contains("kaput"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void runWritesACompleteResultsDirectory() throws IOException {
        Path scenario = Scenarios.write(dir, "s.yaml", SCENARIO);
        Path out = dir.resolve("results");
        Result run = plenary("run", scenario.toString(), "--out", out.toString(), "--replications", "3",
                "--set", "influence.noise=0.05");
        assertEquals(0, run.exitCode(), run.err());
        List<Path> runs = listRuns(out.resolve("test"));
        assertEquals(1, runs.size(), runs.toString());
        Path results = runs.get(0);
        assertTrue(run.out().contains("results: " + results), run.out());
        assertTrue(results.getFileName().toString().matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"), results.toString());
        assertEquals("replication,round,delegation,status,a,b", firstLine(results.resolve("rounds.csv")));
        assertEquals("replication,round,item,state,objectors,objecting_capability_share,a,b",
                firstLine(results.resolve("items.csv")));
        assertEquals("replication,round,coalition,size,capability_share,members,a,b",
                firstLine(results.resolve("coalitions.csv")));
        assertEquals("replication,item,state,round,a,b", firstLine(results.resolve("outcomes.csv")));
        assertEquals("replication,round,item,delegation,vote,swing_voters", firstLine(results.resolve("pivotal.csv")));
        assertEquals(1 + 3 * 6 * 3, Files.readAllLines(results.resolve("rounds.csv")).size(),
                "one row per replication, round 0..5 and delegation");
        assertTrue(Files.readString(results.resolve("rounds.csv")).contains("\n1,2,Z,withdrawn,"));
        assertEquals(4, Files.readAllLines(results.resolve("outcomes.csv")).size());
        assertEquals("replication,item,round,yes,no,abstain", firstLine(results.resolve("votes.csv")));
        assertEquals("replication,seed,coalitions,largest_coalition_capability_share,polarisation",
                firstLine(results.resolve("replications.csv")));

        JsonNode manifest = new ObjectMapper().readTree(results.resolve("manifest.json").toFile());
        assertEquals(42, manifest.get("master_seed").asLong());
        assertEquals(3, manifest.get("replication_seeds").size());
        assertEquals(64, manifest.get("scenario_sha256").asText().length());
        assertEquals(0.05, manifest.at("/parameters/influence/noise").asDouble());
        assertTrue(manifest.get("command_line").toString().contains("--replications"));
        JsonNode summary = new ObjectMapper().readTree(results.resolve("summary.json").toFile());
        assertEquals(3, summary.get("replications").asInt());
        double shares = 0;
        for (JsonNode state : summary.at("/items/item/states")) {
            shares += state.get("share").asDouble();
        }
        assertEquals(1.0, shares, 1e-9);
        assertTrue(Files.readString(results.resolve("scenario.resolved.yaml")).contains("noise: 0.05"));
        for (String chart : List.of("positions-a.png", "positions-b.png", "draft-item.png", "outcomes.png",
                "coalitions.png", "coalition-flow.png")) {
            byte[] png = Files.readAllBytes(results.resolve("charts").resolve(chart));
            assertTrue(png.length > 5000, chart + " is suspiciously small");
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), chart);
        }
        String report = Files.readString(results.resolve("report.html"));
        assertTrue(report.contains(results.toAbsolutePath().toString()) && !report.contains(".incomplete"),
                "the report names where the results are, not the staging directory");
        try (Stream<Path> leftovers = Files.list(out.resolve("test"))) {
            assertEquals(1, leftovers.count(), "no staging directory stays behind");
        }
    }

    @Test
    void pivotalVotersAreTheWinningSideOfAVoteThatOneBallotWouldReverse() throws IOException {
        Path out = dir.resolve("results");
        Result run = plenary("run", "scenarios/small-assembly.yaml", "--out", out.toString(), "--replications", "4",
                "--rounds", "15");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(listRuns(out.resolve("small-assembly")).get(0).resolve("pivotal.csv"));
        assertTrue(rows.size() > 1, "the bundled scenario has pivotal rounds in its first 15");
        java.util.Map<String, Integer> pivotalPerItemRound = new java.util.TreeMap<>();
        java.util.Map<String, String> declared = new java.util.TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            String key = cells[0] + "," + cells[1] + "," + cells[2];
            assertTrue(cells[4].equals("yes") || cells[4].equals("no"), row);
            pivotalPerItemRound.merge(key, 1, Integer::sum);
            declared.put(key, cells[5]);
        }
        // Each row repeats its round's number of swing voters, which is the number of its rows.
        pivotalPerItemRound.forEach((key, count) -> assertEquals(Integer.toString(count), declared.get(key), key));
    }

    @Test
    void aRejectedRunLeavesNoResults() {
        Path scenario = Scenarios.write(dir, "s.yaml", SCENARIO);
        Path out = dir.resolve("results");
        Result run = plenary("run", scenario.toString(), "--out", out.toString(), "--set", "delegations.Q.capability=1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--set delegations.Q.capability=1"), run.err());
        assertFalse(Files.exists(out));
        Result rounds = plenary("run", scenario.toString(), "--out", out.toString(), "--rounds", "0");
        assertEquals(2, rounds.exitCode());
        assertTrue(rounds.err().contains("--rounds 0: rounds: out of range"), rounds.err());
    }

    @Test
    void anUnwritableResultsLocationIsAnInputError() throws IOException {
        Path scenario = Scenarios.write(dir, "s.yaml", SCENARIO);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result run = plenary("run", scenario.toString(), "--out", file.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot create the results directory"), run.err());
    }

    static List<Path> listRuns(Path scenarioDirectory) throws IOException {
        try (Stream<Path> files = Files.list(scenarioDirectory)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }
}
