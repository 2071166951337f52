package org.plenary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.analysis.Comparison;
import org.plenary.analysis.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Compare saved runs side by side: outcome differences with Welch and Mann-Whitney p-values",
            "and effect sizes (comparison.csv), charts with one colour per scenario, and report.html.",
            "The first directory is the reference. Reads saved results only; never re-runs a model."},
        footer = {"", "Example:",
            "  plenary run scenarios/small-assembly.yaml --set events=[] --out results/baseline",
            "  plenary run scenarios/small-assembly.yaml --out results/withdrawal",
            "  plenary compare results/baseline/small-assembly/* results/withdrawal/small-assembly/*"})
final class CompareCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Parameters(arity = "2..*", paramLabel = "RESULT_DIR", description = "Directories written by 'plenary run'.")
    List<Path> directories;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the comparison (default: results/compare-<UTC-time>).")
    Path out;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "Names for the runs in tables and legends, in order (default: scenario names).")
    List<String> labels = new ArrayList<>();

    @Spec
    CommandSpec spec;

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
        Path target = out != null ? out : Path.of("results", "compare-" + STAMP.format(Instant.now()));
        comparison.write(target);
        PrintWriter writer = spec.commandLine().getOut();
        List<List<String>> rows = comparison.rows();
        writer.printf("%-34s %-22s %-14s %10s %10s %10s %9s%n", "outcome", "item", "dimension", "reference",
                "scenario", "difference", "welch_p");
        for (List<String> row : rows) {
            writer.printf("%-34s %-22s %-14s %10s %10s %10s %9s%n", row.get(0), row.get(1), row.get(2), row.get(7),
                    row.get(8), row.get(9), row.get(10));
        }
        writer.println("comparison: " + target.resolve("report.html"));
        writer.flush();
        return 0;
    }
}
