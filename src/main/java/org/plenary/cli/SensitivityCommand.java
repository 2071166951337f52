package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.plenary.results.RunWriter;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Problems;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sensitivity.Sensitivity;
import org.plenary.sensitivity.SensitivityOutputs;
import org.plenary.sensitivity.SensitivityPlan;
import org.plenary.sensitivity.SensitivityResult;
import org.plenary.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sensitivity", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Which parameters drive an outcome: global sensitivity analysis over parameter ranges.",
            "sobol: variance-based first- and total-order indices (Saltelli sample on a Sobol' sequence,"
                + " N x (k + 2) points; Saltelli et al. 2010 and Jansen estimators). morris: elementary-effects"
                + " screening, mu* and sigma from r trajectories of k + 1 points: cheap, for many parameters.",
            "Every numeric outcome of the run summaries is analysed (each item's final text per dimension, decision"
                + " round, consensus, adopted and no-quorum shares; coalitions, largest coalition's share,"
                + " polarisation), as the mean over --replications at each point; --outcome narrows them. --contrast path=value makes each"
                + " outcome the difference between the scenario and its variant with that override, on the same"
                + " seeds: e.g. the sensitivity of a withdrawal's effect.",
            "Writes indices.csv, samples.csv, indices.json, charts (indices with 95%% bootstrap intervals, convergence"
                + " or the mu*-sigma plane) and report.html. The sample runs as a sweep (sweep/, contrast/): parallel,"
                + " and an interrupted analysis resumes with --resume DIR to the same indices."},
        footer = {"", "Examples:",
            "  plenary sensitivity scenarios/small-assembly.yaml --method morris --samples 10 --replications 5 \\",
            "      --range chair.accommodation=0:0.2 --range delegation_defaults.tolerance=0.1:0.5 \\",
            "      --range decision.standing_exponent=0:1",
            "  plenary sensitivity scenarios/us-withdraws.yaml --samples 256 --replications 10 \\",
            "      --range delegation_defaults.objection_threshold=0.02:0.1 --range chair.accommodation=0.01:0.1 \\",
            "      --contrast events=[] --outcome back-to-basics_mandate_scope",
            "  plenary sensitivity --resume results/us-withdraws/20260101T120000Z-sensitivity-1a2b3c4d"})
final class SensitivityCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (not with --resume).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a parameter at every point, repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--method", paramLabel = "sobol|morris", defaultValue = "sobol",
            description = "sobol (default) or morris.")
    String method;

    @Option(names = "--range", paramLabel = "PATH=LOW:HIGH",
            description = "A parameter and its range, repeatable (at least two); paths as for --set; add :int for"
                    + " whole numbers (rounds=20:80:int).")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N",
            description = "sobol: base sample size N, best a power of two (default 64); morris: trajectories r"
                    + " (default 10).")
    Integer samples;

    @Option(names = "--levels", paramLabel = "P", defaultValue = "4",
            description = "morris: grid levels, even (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--second-order", description = "sobol: also second-order indices (second-order.csv); N x (2k + 2) points.")
    boolean secondOrder;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE}); seeded from the"
                    + " master seed: same seed, same bytes.")
    int bootstrap;

    @Option(names = "--outcome", paramLabel = "NAME",
            description = "Analyse only this outcome, repeatable, as named in indices.csv (e.g."
                    + " back-to-basics_mandate_scope, res-hr-standards_decision_round, coalitions).")
    List<String> outcomes = new ArrayList<>();

    @Option(names = "--contrast", paramLabel = "PATH=VALUE",
            description = "Outcomes become scenario minus variant with this override (repeatable), on the same seeds.")
    List<String> contrast = new ArrayList<>();

    @Option(names = "--json", description = "Print the indices as JSON on stdout instead of the summary.")
    boolean json;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish an interrupted analysis in DIR.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now();
        int threads = experiment.threads();
        Sensitivity analysis = resume != null ? resumeAnalysis() : newAnalysis();
        try (Progress progress = new Progress("replications", analysis.pendingReplications())) {
            analysis.runPending(threads, done -> progress.step());
        }
        SensitivityResult result = analysis.finish();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Cli.printJson(out, SensitivityOutputs.jsonOf(result));
            return 0;
        }
        out.printf("%s: %s, %d points x %d replications%s in %.1f s%n", analysis.scenarioName(),
                analysis.plan().method(), analysis.points(), analysis.replications(),
                analysis.plan().contrast().isEmpty() ? "" : " (x 2: scenario and contrast)",
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
        Table table = new Table("outcome", "most important", analysis.plan().sobol() ? "ST" : "mu*", "next", "");
        for (SensitivityResult.Outcome outcome : result.outcomes()) {
            int[] ranking = SensitivityResult.ranking(outcome, result.paths().size());
            table.row(outcome.id(), result.paths().get(ranking[0]), outcome.importanceText(ranking[0]),
                    result.paths().get(ranking[1]), outcome.importanceText(ranking[1]));
        }
        table.print(out);
        result.skipped().forEach(s -> out.println("not analysed: " + s.id() + ": " + s.reason()));
        out.println("sensitivity: " + analysis.directory());
        out.flush();
        return 0;
    }

    private Sensitivity resumeAnalysis() throws InputException {
        if (file != null || !sets.isEmpty() || !ranges.isEmpty() || samples != null || !outcomes.isEmpty()
                || !contrast.isEmpty() || secondOrder || !experiment.overrides().isEmpty()
                || spec.commandLine().getParseResult().hasMatchedOption("--method")
                || spec.commandLine().getParseResult().hasMatchedOption("--levels")
                || spec.commandLine().getParseResult().hasMatchedOption("--bootstrap")) {
            throw new ParameterException(spec.commandLine(),
                    "--resume takes the analysis directory only: its plan and scenario are saved there");
        }
        Sensitivity analysis = Sensitivity.open(resume);
        if (analysis.isComplete()) {
            throw Cli.alreadyComplete(resume, "analysis", "indices.csv");
        }
        spec.commandLine().getErr().printf("resuming: %d replications left%n", analysis.pendingReplications());
        return analysis;
    }

    private Sensitivity newAnalysis() throws InputException, IOException {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "missing SCENARIO (or --resume DIR)");
        }
        SensitivityPlan plan = plan();
        List<Overrides.Assignment> overrides = experiment.overrides();
        ScenarioLoader.Loaded loaded = ScenarioInput.loadAndWarn(file, sets, overrides, spec.commandLine().getErr());
        checkRanges(plan, overrides);
        ScenarioLoader.Loaded variant = contrast.isEmpty() ? null : contrastVariant(overrides);
        SensitivityPlan seeded = new SensitivityPlan(plan.method(), plan.ranges(), plan.samples(), plan.levels(),
                plan.secondOrder(), plan.bootstrap(), plan.outcomes(), plan.contrast(), loaded.scenario().seed());
        List<String> commandLine = Cli.commandLine(spec.commandLine());
        return Sensitivity.open(Cli.writeResults(experiment.out, loaded.scenario().name(),
                "sensitivity-" + RunWriter.shortHash(seeded.toMap().toString()), "analysis",
                (staging, target) -> Sensitivity.create(staging, loaded, variant, seeded, commandLine)));
    }

    /** The scenario with the --contrast overrides as well: what each outcome is contrasted with. */
    private ScenarioLoader.Loaded contrastVariant(List<Overrides.Assignment> overrides) throws InputException {
        List<Overrides.Assignment> withContrast = new ArrayList<>(overrides);
        for (String assignment : contrast) {
            Overrides.Assignment parsed = Overrides.Assignment.parse(assignment);
            withContrast.add(new Overrides.Assignment(parsed.path(), parsed.value(), "--contrast " + assignment));
        }
        return ScenarioInput.load(file, sets, withContrast);
    }

    /** The options as a plan (the master seed is filled in once the scenario is read). */
    private SensitivityPlan plan() throws InputException {
        if (!method.equals(SensitivityPlan.SOBOL) && !method.equals(SensitivityPlan.MORRIS)) {
            throw new ParameterException(spec.commandLine(), "--method takes sobol or morris, got '" + method + "'");
        }
        boolean sobol = method.equals(SensitivityPlan.SOBOL);
        int n = samples != null ? samples : sobol ? 64 : 10;
        if (ranges.size() < 2) {
            throw new ParameterException(spec.commandLine(), "give at least two --range PATH=LOW:HIGH: the"
                    + " indices apportion an outcome among parameters");
        }
        if (n < (sobol ? 8 : 2)) {
            throw new ParameterException(spec.commandLine(), "--samples must be at least " + (sobol ? 8 : 2));
        }
        if (!sobol && (levels < 2 || levels % 2 != 0)) {
            throw new ParameterException(spec.commandLine(), "--levels must be even and at least 2, got " + levels);
        }
        if (secondOrder && !sobol) {
            throw new ParameterException(spec.commandLine(), "--second-order goes with --method sobol");
        }
        if (bootstrap < 0) {
            throw new ParameterException(spec.commandLine(), "--bootstrap must be 0 or more");
        }
        if (sobol && Integer.bitCount(n) != 1) {
            spec.commandLine().getErr().println("warning: --samples " + n + " is not a power of two; the Sobol'"
                    + " sequence is best balanced at powers of two (e.g. " + Integer.highestOneBit(n) * 2 + ")");
        }
        Set<String> paths = new HashSet<>();
        Problems problems = new Problems();
        for (String range : ranges) {
            try {
                SweepPlan.Axis axis = SweepPlan.parseRange(range);
                if (!paths.add(axis.path())) {
                    problems.add(new Problem("--range " + range, 0, "", axis.path() + " is given twice"));
                }
            } catch (InputException e) {
                e.problems().forEach(problems::add);
            }
        }
        problems.throwIfAny();
        return new SensitivityPlan(method, List.copyOf(ranges), n, levels, secondOrder, bootstrap, List.copyOf(outcomes),
                List.copyOf(contrast), 0);
    }

    /**
     * Each range's ends must be valid values of its path: an unknown path (with a suggestion) or
     * a range outside the key's domain is reported here, naming the --range, before anything runs.
     */
    private void checkRanges(SensitivityPlan plan, List<Overrides.Assignment> overrides) throws InputException {
        Problems problems = new Problems();
        for (int a = 0; a < plan.ranges().size(); a++) {
            SweepPlan.Axis axis = plan.axes().get(a);
            for (double end : new double[] {axis.low(), axis.high()}) {
                List<Overrides.Assignment> withEnd = new ArrayList<>(overrides);
                String value = axis.integer() ? Long.toString(Math.round(end)) : Double.toString(end);
                withEnd.add(new Overrides.Assignment(axis.path(), value, "--range " + plan.ranges().get(a)));
                try {
                    ScenarioInput.load(file, sets, withEnd);
                } catch (InputException e) {
                    e.problems().forEach(problems::add);
                    break;
                }
            }
        }
        problems.throwIfAny();
    }
}
