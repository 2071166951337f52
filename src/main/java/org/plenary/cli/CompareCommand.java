package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.analysis.Comparison;
import org.plenary.analysis.SavedRun;
import org.plenary.results.RunDirectory;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Compare saved runs side by side, with statistics.",
            "Writes each outcome's difference from the first directory (the reference) with Welch and Mann-Whitney"
                + " p-values and Cohen's d (comparison.csv), charts with one colour per scenario, and report.html."
                + " Reads saved results only; never re-runs a model."},
        footer = {"", "Example:",
            "  plenary run scenarios/small-assembly.yaml --set events=[] --out results/baseline",
            "  plenary run scenarios/small-assembly.yaml --out results/withdrawal",
            "  plenary compare results/baseline/small-assembly/* results/withdrawal/small-assembly/*"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "RESULT_DIR", description = "Directories written by 'plenary run'.")
    List<Path> directories;

    @Option(names = "--out", paramLabel = "DIR",
            description = "A new or empty directory for the comparison (default: results/compare/<UTC-time>-<hash>).")
    Path out;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "Names for the runs in tables and legends, in order (default: scenario names).")
    List<String> labels = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Writes into a staging directory and moves it into place only when complete. */
    private Path write(Comparison comparison) throws InputException, IOException {
        RunDirectory directory;
        try {
            directory = out != null ? RunDirectory.exactly(out)
                    : RunDirectory.create(Path.of("results"), "compare", Instant.now(), "vs" + runsHash());
        } catch (IOException e) {
            throw new InputException(new Problem("--out " + out, 0, "", "cannot write the comparison there: " + e
                    + " (give a new or empty directory)"));
        }
        try {
            comparison.write(directory.staging());
            return directory.commit();
        } catch (IllegalArgumentException e) { // includes NumberFormatException from a corrupted table
            throw new InputException(new Problem(String.join(" ", directories.stream().map(Path::toString).toList()),
                    0, "", "cannot read the saved results: " + e.getMessage()));
        } finally {
            directory.abandon();
        }
    }

    /** A short name for the set of runs compared, so two comparisons started together do not collide. */
    private String runsHash() {
        return Integer.toHexString(directories.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .toList().hashCode());
    }

    @Override
    public Integer call() throws Exception {
        List<SavedRun> runs = new ArrayList<>();
        for (Path directory : directories) {
            runs.add(SavedRun.read(directory));
        }
        if (!labels.isEmpty() && labels.size() != runs.size()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--labels names " + labels.size() + " runs but " + runs.size() + " directories were given");
        }
        for (int i = 0; i < labels.size(); i++) {
            runs.get(i).setLabel(labels.get(i));
        }
        Comparison comparison = new Comparison(runs);
        Path target = write(comparison);
        PrintWriter writer = spec.commandLine().getOut();
        List<List<String>> rows = comparison.rows();
        writer.printf("%-34s %-22s %-14s %10s %10s %10s %9s %10s%n", "outcome", "item", "dimension", "reference",
                "scenario", "difference", "welch_p", "paired_t_p");
        for (List<String> row : rows) {
            writer.printf("%-34s %-22s %-14s %10s %10s %10s %9s %10s%n", row.get(0), row.get(1), row.get(2),
                    row.get(7), row.get(8), row.get(9), row.get(10), row.get(12));
        }
        writer.println("comparison: " + target.resolve("report.html"));
        writer.flush();
        return 0;
    }
}
