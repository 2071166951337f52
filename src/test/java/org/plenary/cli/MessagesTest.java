package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the commands print: help that can be copied, warnings that tell the truth, plain messages. */
class MessagesTest {
    @TempDir
    Path dir;

    /** The README's skeleton: the default objection threshold closes the item in round 1, before any event. */
    private static String readmeSkeleton() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\nname: my-assembly");
        return readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 8));
    }

    @Test
    void eventsAfterEveryItemClosedAreWarnedByValidateAndRun() throws IOException {
        Path scenario = Files.writeString(dir.resolve("first.yaml"), readmeSkeleton());
        CliTest.Result validate = CliTest.plenary("validate", scenario.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.err().contains("warning: the events of round 8")
                && validate.err().contains("cannot change those outcomes"), validate.err());
        CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--replications", "3", "--rounds", "25",
                "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("in 3 of 3 replications"), run.err());

        CliTest.Result late = CliTest.plenary("validate", scenario.toString(), "--set",
                "delegation_defaults.objection_threshold=0.01");
        assertFalse(late.err().contains("events of round 8"), "the item is open at round 8: " + late.err());
        assertTrue(late.err().contains("events of round 20 (USA withdraws)"), "but closed by round 20: " + late.err());
    }

    @Test
    void aNamedCommandStartsAloneAndSaysTheSame() {
        String[] misspelt = {"run", "scenarios/small-assembly.yaml", "--replicatons", "3"};
        CommandLine alone = Main.commandLine(misspelt);
        assertEquals(List.of("run"), List.copyOf(alone.getSubcommands().keySet()), "only the command named");
        assertEquals(CliTest.plenary(Main.commandLine(), misspelt).err(), CliTest.plenary(alone, misspelt).err());
        assertEquals(CliTest.plenary(Main.commandLine(), "run", "--help").out(),
                CliTest.plenary(Main.commandLine(new String[] {"run", "--help"}), "run", "--help").out());
        for (String[] args : List.of(new String[0], new String[] {"help", "run"}, new String[] {"--version"},
                new String[] {"rn"})) {
            assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLine(args).getSubcommands().keySet(),
                    "every command for " + List.of(args));
        }
    }

    @Test
    void helpExamplesAreNeverWrapped() {
        for (String command : List.of("run", "compare", "sweep", "report", "validate")) {
            CommandLine commandLine = Main.commandLine();
            CommandLine sub = commandLine.getSubcommands().get(command);
            sub.setUsageHelpWidth(60);
            sub.setUsageHelpAutoWidth(false);
            CliTest.Result help = CliTest.plenary(commandLine, command, "--help");
            for (String line : sub.getCommandSpec().usageMessage().footer()) {
                assertTrue(help.out().contains(line), command + ": example line wrapped: " + line);
            }
        }
    }

    @Test
    void anOptionErrorIsOneLineAndAHintNotTheHelpPage() {
        CliTest.Result unknown = CliTest.plenary("run", "scenarios/small-assembly.yaml", "--replicatons", "3");
        assertEquals(2, unknown.exitCode());
        List<String> lines = unknown.err().lines().toList();
        assertEquals(1, lines.stream().filter(line -> line.startsWith("error: ")).count(), unknown.err());
        assertTrue(lines.get(0).startsWith("error: Unknown option") && lines.get(0).contains("--replicatons"),
                unknown.err());
        assertTrue(unknown.err().contains("--replications"), "picocli's suggestion stays: " + unknown.err());
        assertEquals("see 'plenary run --help'", lines.get(lines.size() - 1));
        assertFalse(unknown.err().contains("Usage:") || unknown.err().contains("--threads"), unknown.err());
        assertTrue(lines.size() <= 3, unknown.err());

        CliTest.Result missing = CliTest.plenary("sweep", "scenarios/small-assembly.yaml");
        assertEquals(2, missing.exitCode());
        assertEquals(List.of("error: nothing to sweep: give --param, --sample with --range, or a 'sweep:' block in"
                + " the scenario", "see 'plenary sweep --help'"), missing.err().lines().toList());
    }

    @Test
    void setExamplesInHelpAreNeverBrokenMidPath() {
        for (String command : List.of("run", "validate")) {
            CommandLine commandLine = Main.commandLine();
            CommandLine sub = commandLine.getSubcommands().get(command);
            sub.setUsageHelpWidth(80);
            sub.setUsageHelpAutoWidth(false);
            String help = CliTest.plenary(commandLine, command, "--help").out();
            for (String path : List.of("influence.rate=0.2", "delegations.USA.capability=0", "blocs.CEPT.cohesion=0.9",
                    "decision.majority=0.67")) {
                assertTrue(help.contains("--set " + path), command + ": --set " + path + " is broken in\n" + help);
            }
        }
    }

    @Test
    void sweepAndStatusHelpPutSweepsWhereTheReadmeDoes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> readmeSweeps = readme.lines().filter(line -> line.startsWith("./plenary sweep")).toList();
        assertFalse(readmeSweeps.isEmpty(), "the README shows sweeps");
        assertTrue(readmeSweeps.stream().allMatch(line -> line.contains("results/sweeps")), readmeSweeps.toString());
        List<String> examples = CliTest.plenary("sweep", "--help").out().lines()
                .filter(line -> line.startsWith("  plenary sweep ")).toList();
        assertEquals(5, examples.size(), examples.toString());
        for (String example : examples) {
            assertTrue(example.contains("--out results/sweeps") || example.contains("--resume results/sweeps/"), example);
        }
        String status = CliTest.plenary("status", "--help").out();
        assertTrue(status.contains("  plenary status results/sweeps/small-assembly/"), status);
    }

    @Test
    void messagesSayWhatIsMeant() throws IOException {
        CliTest.Result bare = CliTest.plenary();
        for (String command : List.of("run", "validate", "sweep", "compare", "report", "predict", "verify-models")) {
            assertTrue(bare.err().contains(command), "bare plenary lists " + command + ": " + bare.err());
        }
        String runHelp = CliTest.plenary("run", "--help").out();
        assertFalse(runHelp.contains("sweep point"), runHelp);
        assertTrue(runHelp.replaceAll("\\s+", " ").contains("none (outcomes.csv, votes.csv"), runHelp);

        Path scenario = Files.writeString(dir.resolve("first.yaml"), readmeSkeleton());
        CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--replications", "2", "--rounds", "3",
                "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> runs = Files.list(dir.resolve("out/my-assembly"))) {
            Path directory = runs.findFirst().orElseThrow();
            String manifest = Files.readString(directory.resolve("manifest.json"));
            assertFalse(manifest.contains("sweep point 0"), "a plain run is not a sweep point");
            CliTest.Result report = CliTest.plenary("report", dir.resolve("out/my-assembly").toString());
            assertEquals(2, report.exitCode());
            assertTrue(report.err().contains("manifest.json is missing") || report.err().contains("not a complete"),
                    report.err());
        }
    }
}
