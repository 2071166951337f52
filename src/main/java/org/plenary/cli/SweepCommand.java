package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.batch.Shards;
import org.plenary.results.RunWriter;
import org.plenary.scenario.InputException;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sweep.Sweep;
import org.plenary.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Run a scenario over a grid or a sample of parameter values.",
            "Replications run at each point. Writes sweep.csv (one row per point and replication), sweep-points.csv"
                + " (means and 95%% CIs per point), a line chart per outcome for one swept parameter or heatmaps for"
                + " two or more, and report.html. Points are the scenario's 'sweep:' block, --param values (full"
                + " factorial) or --sample over --range. An interrupted sweep resumes with --resume DIR: finished"
                + " points are never recomputed."},
        footer = {"", "Sweeps go in their own folder, results/sweeps, apart from the runs that compare picks from.",
            "", "Examples:",
            "  plenary sweep scenarios/small-assembly.yaml --param influence.rate=0.1,0.3,0.5 --replications 20"
                    + " --out results/sweeps",
            "  plenary sweep scenarios/small-assembly.yaml --param chair.accommodation=0.01,0.03,0.1"
                    + " --param delegations.USA.capability=10,30 --out results/sweeps",
            "  plenary sweep scenarios/small-assembly.yaml --sample lhs --points 40 --range influence.anchor=0:0.2"
                    + " --range decision.standing_exponent=0:1 --out results/sweeps",
            "  plenary sweep --resume results/sweeps/small-assembly/20260101T120000Z-sweep-1a2b3c4d",
            "  plenary sweep scenarios/small-assembly.yaml --param influence.rate=0.1,0.3,0.5 --out results/sweeps"
                    + " --backend slurm --tasks 6 --time 0:20:00 --detach   (see docs/cluster.md)"})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (not with --resume).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a parameter at every point, repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--param", paramLabel = "PATH=V1,V2,...",
            description = "Swept values of one parameter, repeatable; points are every combination.")
    List<String> params = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "lhs|sobol",
            description = "Sample --points points over the --range boxes: Latin hypercube or Sobol sequence.")
    String sample;

    @Option(names = "--points", paramLabel = "K", defaultValue = "20", description = "Points to sample (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--range", paramLabel = "PATH=LOW:HIGH",
            description = "Range of one sampled parameter, repeatable; add :int for whole numbers (rounds=20:80:int).")
    List<String> ranges = new ArrayList<>();

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish an interrupted sweep in DIR.")
    Path resume;

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now();
        int threads = experiment.threads();
        Sweep sweep = resume != null ? resumeSweep() : newSweep();
        PrintWriter out = spec.commandLine().getOut();
        if (Shards.present(sweep.directory())) {
            ShardedRun.Outcome outcome = new ShardedRun(Shards.open(sweep), spec.commandLine().getErr())
                    .run(backend, threads);
            if (outcome == ShardedRun.Outcome.DETACHED) {
                out.println("sweep: " + sweep.directory());
                out.println("follow it with: plenary status " + sweep.directory());
                out.println("collect it with: plenary sweep --resume " + sweep.directory());
                out.flush();
                return 0;
            }
            if (outcome == ShardedRun.Outcome.FAILED) {
                return 1;
            }
        } else {
            int total = sweep.pendingPoints().size() * sweep.base().replications();
            try (Progress progress = new Progress("replications", total)) {
                sweep.runPending(threads, done -> progress.step());
                progress.finish("writing sweep tables, charts and report");
            }
            sweep.finish();
        }
        out.printf("%s: %d points x %d replications in %.1f s%n", sweep.base().name(), sweep.plan().points().size(),
                sweep.base().replications(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
        out.println("sweep: " + sweep.directory());
        out.flush();
        return 0;
    }

    private Sweep resumeSweep() throws InputException {
        if (file != null || !params.isEmpty() || sample != null || !sets.isEmpty() || !ranges.isEmpty()
                || spec.commandLine().getParseResult().hasMatchedOption("--points") || !experiment.overrides().isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--resume takes the sweep directory only: its plan and scenario are saved there");
        }
        Sweep sweep = Sweep.open(resume);
        backend.checkResume(Shards.present(resume));
        if (sweep.isComplete()) {
            throw Cli.alreadyComplete(resume, "sweep", "sweep.csv");
        }
        if (Shards.present(resume)) {
            Shards shards = Shards.open(sweep);
            spec.commandLine().getErr().printf("resuming: %d of %d shards left%n", shards.missing().size(),
                    shards.plan().tasks());
        } else {
            spec.commandLine().getErr().printf("resuming: %d of %d points left%n", sweep.pendingPoints().size(),
                    sweep.plan().points().size());
        }
        return sweep;
    }

    private Sweep newSweep() throws InputException, IOException, InterruptedException {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "missing SCENARIO (or --resume DIR)");
        }
        ScenarioLoader.Loaded loaded = ScenarioInput.loadAndWarn(file, sets, experiment.overrides(),
                spec.commandLine().getErr());
        SweepPlan plan = plan(loaded);
        backend.checkNew((long) plan.points().size() * loaded.scenario().replications(), plan.points().size());
        List<String> commandLine = Cli.commandLine(spec.commandLine());
        return Sweep.open(Cli.writeResults(experiment.out, loaded.scenario().name(),
                "sweep-" + RunWriter.shortHash(plan.toMap().toString()), "sweep",
                (staging, target) -> backend.prepare(Sweep.create(staging, loaded, plan, commandLine))));
    }

    private SweepPlan plan(ScenarioLoader.Loaded loaded) throws InputException {
        if (sample != null) {
            if (!params.isEmpty() || ranges.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--sample needs --range (and no --param)");
            }
            if (points < 1) {
                throw new ParameterException(spec.commandLine(), "--points must be at least 1");
            }
            List<SweepPlan.Axis> axes = new ArrayList<>();
            for (String range : ranges) {
                axes.add(SweepPlan.parseRange(range));
            }
            return switch (sample) {
                case "lhs" -> SweepPlan.latinHypercube(axes, points, loaded.scenario().seed());
                case "sobol" -> SweepPlan.sobol(axes, points);
                default -> throw new ParameterException(spec.commandLine(),
                        "--sample takes lhs or sobol, got '" + sample + "'");
            };
        }
        if (!ranges.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--range goes with --sample lhs|sobol");
        }
        List<SweepPlan.Axis> axes = new ArrayList<>();
        for (String param : params) {
            axes.add(SweepPlan.parseValues(param));
        }
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (SweepPlan.Axis axis : axes) {
            if (!paths.add(axis.path())) {
                throw new ParameterException(spec.commandLine(), "--param " + axis.path()
                        + " is given twice: list all its values in one --param");
            }
        }
        if (axes.isEmpty()) {
            axes = SweepPlan.fromScenario(loaded.scenario());
        }
        if (axes.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "nothing to sweep: give --param, --sample with --range, or a 'sweep:' block in the scenario");
        }
        return SweepPlan.grid(axes);
    }
}
