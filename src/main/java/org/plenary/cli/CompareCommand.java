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
            "Writes each outcome's difference from the first run (the reference) with its 95%% interval, p-values"
                + " (Welch, Mann-Whitney, paired when the runs share a seed), Cohen's d, the smallest difference the"
                + " runs could detect and the replications a stated difference would need (comparison.csv);"
                + " difference charts; and report.html, which opens with the outcomes that differ.",
            "Give one directory per run, or a scenario's results folder (results/<scenario>) to use its latest"
                + " run. Reads saved results only; never re-runs a model."},
        footer = {"", "Examples:",
            "  plenary run scenarios/itu-baseline.yaml",
            "  plenary run scenarios/us-withdraws.yaml",
            "  plenary compare results/itu-baseline results/us-withdraws",
            "  plenary compare results/itu-baseline/20260101T120000Z-1a2b3c4d results/us-withdraws/20260101T120500Z-5e6f7a8b",
            "  plenary compare results/baseline/small-assembly results/withdrawal/small-assembly --labels baseline,withdrawal --detect 0.02"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "RESULT_DIR",
            description = "At least two: run directories written by 'plenary run', or scenario folders"
                    + " (results/<scenario>), each standing for its latest run. The first is the reference.")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--detect", paramLabel = "DIFF", defaultValue = "0.05",
            description = "The difference, in each outcome's units (shares and positions 0-1, rounds), for which"
                    + " to report the replications per run a test at 5%% with 80%% power would need (default: 0.05).")
    double detect;

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
        if (directories.size() < 2) {
            throw new InputException(new Problem("compare", 0, "", "give at least two results (got "
                    + directories.size() + "): a baseline and a variant, e.g. 'plenary compare results/itu-baseline"
                    + " results/us-withdraws'"));
        }
        if (!(detect > 0)) {
            throw new InputException(new Problem("--detect " + detect, 0, "", "must be a positive difference"));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<SavedRun> runs = new ArrayList<>();
        for (Path directory : directories) {
            RunFolders.Choice choice = RunFolders.resolve(directory);
            if (choice.note() != null) {
                err.println("note: " + choice.note());
            }
            runs.add(SavedRun.read(choice.run()));
        }
        if (!labels.isEmpty() && labels.size() != runs.size()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--labels names " + labels.size() + " runs but " + runs.size() + " directories were given");
        }
        for (int i = 0; i < labels.size(); i++) {
            runs.get(i).setLabel(labels.get(i));
        }
        Comparison comparison = new Comparison(runs, detect);
        for (String warning : comparison.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        Path target = write(comparison);
        PrintWriter writer = spec.commandLine().getOut();
        List<List<String>> rows = comparison.rows();
        List<String> shown = List.of("outcome", "item", "dimension", "mean_reference", "mean_scenario", "difference",
                "test", "p", "detectable_difference");
        String format = "%-34s %-22s %-14s %10s %10s %10s %8s %9s %10s%n";
        writer.printf(format, shown.stream().map(c -> c.replace("mean_", "")).toArray());
        for (List<String> row : rows) {
            writer.printf(format, shown.stream().map(c -> row.get(Comparison.COLUMNS.indexOf(c))).toArray());
        }
        writer.println("comparison: " + target.resolve("report.html"));
        writer.flush();
        return 0;
    }
}
