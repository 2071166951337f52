package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plenary.results.LeadersTable;
import org.plenary.model.ItemState;
import org.plenary.results.Charts;
import org.plenary.results.EventTiming;
import org.plenary.results.Keep;
import org.plenary.results.Manifest;
import org.plenary.results.Numbers;
import org.plenary.results.ProcedureCounts;
import org.plenary.results.RunAggregate;
import org.plenary.results.RunWriter;
import org.plenary.results.Stats;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Run a scenario's replications and write tables, charts and a manifest.",
            "Results go to RESULTS/<scenario-name>/<UTC-time>-<hash>/ and appear only when complete."},
        footer = {"", "Examples:",
            "  plenary run scenarios/small-assembly.yaml",
            "  plenary run scenarios/small-assembly.yaml --replications 200 --seed 7",
            "  plenary run scenarios/small-assembly.yaml --set delegations.USA.capability=10 --out /tmp/plenary"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--rounds", paramLabel = "R", description = "Number of negotiation rounds (default: the scenario's).")
    Integer rounds;

    @Option(names = "--keep", paramLabel = "LEVEL", defaultValue = "rounds",
            converter = KeepConverter.class,
            description = {"Per-round detail to keep on disk: rounds (everything, default), items (no per-delegation"
                    + " rounds.csv) or none (outcomes.csv, votes.csv, replications.csv and summaries only). Summaries"
                    + " and charts are always complete."})
    Keep keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Overrides.Assignment> overrides = new ArrayList<>(experiment.overrides());
        if (rounds != null) {
            overrides.add(Overrides.Assignment.option("--rounds", "rounds", rounds));
        }
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader.Loaded loaded = input.loadAndWarn(overrides, err);
        Scenario scenario = loaded.scenario();
        if (!scenario.sweep().isEmpty()) {
            err.println("note: this scenario has a sweep: block, which 'run' ignores; 'plenary sweep "
                    + loaded.file() + "' runs it");
        }
        int workers = experiment.threads();
        long needed = RunWriter.estimatedBytes(scenario, workers);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available * 0.8) {
            throw new InputException(new Problem(loaded.file().toString(), 0, "rounds", String.format(
                    "this run needs about %,d MB of memory and Java may use %,d MB: lower the rounds, threads or"
                            + " delegations, or raise the limit, e.g. PLENARY_JAVA_OPTS=-Xmx%dg ./plenary run ...",
                    needed >> 20, available >> 20, Math.max(2, (needed * 2 >> 30) + 1))));
        }
        Instant start = Instant.now();
        EventTiming timing = new EventTiming(scenario);
        try (RunWriter writer = openWriter(scenario, start)) {
            try (Progress progress = new Progress("replications", scenario.replications())) {
                Experiment.run(scenario, 0, workers, writer::render, rendered -> {
                    writer.accept(rendered);
                    timing.add(rendered.record());
                    progress.step();
                });
                progress.finish("writing tables, charts and report");
            }
            List<String> commandLine = new ArrayList<>(List.of("plenary"));
            commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
            Path directory = writer.commit(new Manifest.Context(commandLine, loaded.file(), loaded.sha256(), workers,
                    start, Instant.now()));
            report(spec.commandLine().getOut(), writer.aggregate(), directory, Duration.between(start, Instant.now()));
            if (timing.warning() != null) {
                err.println("warning: " + timing.warning());
                err.flush();
            }
        }
        return 0;
    }

    private RunWriter openWriter(Scenario scenario, Instant start) throws InputException {
        try {
            return new RunWriter(scenario, experiment.out, start, keep);
        } catch (IOException e) {
            throw new InputException(new Problem("--out " + experiment.out, 0, "",
                    "cannot create the results directory: " + e));
        }
    }

    private static void report(PrintWriter out, RunAggregate aggregate, Path directory, Duration elapsed) {
        Scenario scenario = aggregate.scenario();
        out.printf("%s: %d replications x %d rounds of %d delegations in %.1f s%n", scenario.name(),
                aggregate.replications(), scenario.rounds(), scenario.delegations().size(), elapsed.toMillis() / 1000.0);
        for (int m = 0; m < scenario.agenda().size(); m++) {
            StringBuilder line = new StringBuilder(String.format("  %-28s", scenario.agenda().get(m).id()));
            for (ItemState state : ItemState.values()) {
                int count = aggregate.finalStateCount(m, state);
                if (count > 0) {
                    Stats.Interval share = Stats.share(count, aggregate.replications());
                    line.append(String.format(" %s %.0f%% [%.0f-%.0f]", state.label(), 100 * share.mean(),
                            100 * share.low(), 100 * share.high()));
                }
            }
            Stats.Interval round = Stats.meanInterval(aggregate.decisionRound(m));
            if (round.n() > 0) {
                line.append(String.format("  (decided in round %.1f", round.mean()))
                        .append(Double.isNaN(round.high()) ? "" : String.format(" \u00b1 %.1f", round.high() - round.mean()))
                        .append(" on average)");
            }
            out.println(line);
            long voted = aggregate.votes(m, 0).getN();
            // With bodies, a quorum is the ITU plenary's alone: each body's count is on its own line below.
            String turnout = scenario.bodies().declared() ? "" : ", " + Charts.turnout(aggregate, m);
            if (voted > 0) {
                out.printf("  %-28s vote yes-no-abstain %s%s (mean in the %d replications that voted)%n", "",
                        Charts.voteTally(aggregate, m), turnout, voted);
            }
            for (String counted : ProcedureCounts.lines(aggregate, m)) {
                out.printf("  %-28s %s%n", "", counted);
            }
        }
        out.println("  [low-high]: 95% interval of each share (Wilson); \u00b1: 95% interval of the mean round");
        boolean quorumFailed = false;
        for (int m = 0; m < scenario.agenda().size(); m++) {
            quorumFailed |= aggregate.finalStateCount(m, ItemState.NO_QUORUM) > 0;
        }
        if (quorumFailed) {
            out.println("  no-quorum: the vote did not count, fewer were present than the quorum (decision.quorum = "
                    + Numbers.format(scenario.decision().quorum()) + " of those accredited); the status quo stays");
        }
        LeadersTable.print(out, directory);
        out.println("results: " + directory);
        out.flush();
    }
}
