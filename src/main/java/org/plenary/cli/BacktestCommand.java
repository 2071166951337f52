package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plenary.analysis.BacktestReport;
import java.util.concurrent.Callable;
import org.plenary.backtest.Backtest;
import org.plenary.backtest.BacktestFiles;
import org.plenary.backtest.BallotForecast;
import org.plenary.backtest.BallotScores;
import org.plenary.backtest.ObservedVotes;
import org.plenary.results.Manifest;
import org.plenary.results.Numbers;
import org.plenary.results.RunWriter;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.sim.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Compare the model's ballots with an observed roll call.",
            "Runs the scenario's replications; for every delegation and voted item, the mean over replications of"
                + " its probabilities of voting yes, no and abstain is its predicted vote (the modal one is its point"
                + " prediction): the spatial-logit vote's own probabilities, else the shares of replications.",
            "Scores per item and pooled: 3-way accuracy, Cohen's kappa, log-loss (probabilities below "
                + "0.01 count as 0.01), Brier score, and two baselines that read the observed votes: every ballot as the item's"
                + " majority, and each delegation as the majority of the others in its groups.",
            "Writes backtest.csv, backtest.json, charts, manifest.json and report.html to"
                + " RESULTS/<scenario-name>/<UTC-time>-backtest-<hash>/ ('plenary report' rewrites the report)."},
        footer = {"", "The votes file is a CSV with a header: resolution,iso3,vote (a UN symbol such as A/RES/73/27"
                + " names the item A-RES-73-27) or item,delegation,vote; other columns are ignored. vote is yes, no"
                + " or abstain; a delegation without a row was absent and is not scored.",
            "", "Examples:",
            "  plenary backtest scenarios/unga-ict-2018.yaml --votes scenarios/data/unga-ict-votes-2018.csv",
            "  plenary backtest SCENARIO --votes later.csv --previous scenarios/data/unga-ict-votes-2018.csv",
            "  plenary backtest scenarios/unga-ict-2018-calibrated.yaml --votes scenarios/data/unga-ict-votes-2018.csv"
                + " --json"})
final class BacktestCommand implements Callable<Integer> {
    static final int WORST = 15;

    @Mixin
    ScenarioInput input;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--votes", paramLabel = "FILE", required = true, description = "Observed ballots (CSV, see below).")
    Path votesFile;

    @Option(names = "--previous", paramLabel = "VOTES", description = "An earlier roll call of the same items (same"
            + " format): adds the persistence baseline, each delegation repeating its earlier vote (probability 1;"
            + " a delegation absent then gets the item's earlier majority).")
    Path previousFile;

    @Option(names = "--json", description = "Print {\"items\": [{\"item\", \"n\", \"accuracy\", \"kappa\", \"log_loss\","
            + " \"baseline_majority\", \"baseline_bloc\"}], \"pooled\": {...}} instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader.Loaded loaded = input.loadAndWarn(experiment.overrides(), err);
        Scenario scenario = loaded.scenario();
        ObservedVotes votes = ObservedVotes.read(votesFile, scenario);
        ObservedVotes previous = previousFile == null ? null : ObservedVotes.read(previousFile, scenario);
        if (previous != null) {
            previous.checkCovers(votes);
        }
        Instant start = Instant.now();
        int threads = experiment.threads();
        BallotForecast forecast;
        try (Progress progress = new Progress("replications", scenario.replications())) {
            forecast = BallotForecast.run(scenario, threads, progress::step);
        }
        Manifest.Context run = new Manifest.Context(Cli.commandLine(spec.commandLine()), loaded.file(),
                loaded.sha256(), threads, start, Instant.now());
        noteUnvoted(err, scenario, votes, forecast);
        Backtest.Result result = Backtest.compare(scenario, votes, previous, forecast, WORST);
        Path directory = write(loaded, votes, result, run);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Cli.printJson(out, BacktestFiles.toJson(result, false));
        } else {
            print(out, scenario, result, directory);
        }
        return 0;
    }

    /** An item the model did not always put to a vote leaves some ballots uncast ("none"). */
    static void noteUnvoted(PrintWriter err, Scenario scenario, ObservedVotes votes, BallotForecast forecast) {
        for (int m : votes.items()) {
            if (forecast.votedReplications(m) < forecast.replications()) {
                err.printf("note: %s was put to a vote in %d of %d replications (otherwise it closed by consensus,"
                                + " failed or stayed open); its other ballots count as 'none'%n",
                        scenario.agenda().get(m).id(), forecast.votedReplications(m), forecast.replications());
            }
        }
        err.flush();
    }

    private Path write(ScenarioLoader.Loaded loaded, ObservedVotes votes, Backtest.Result result, Manifest.Context run)
            throws IOException, InputException {
        Scenario scenario = loaded.scenario();
        Map<String, Object> context = Cli.context(loaded, Cli.commandLine(spec.commandLine()));
        context.put("votes_file", votes.file().toString());
        if (previousFile != null) {
            context.put("previous_file", previousFile.toString());
        }
        context.put("seed", scenario.seed());
        context.put("replications", scenario.replications());
        String hash = RunWriter.shortHash(ScenarioYaml.write(scenario) + votes.file().toAbsolutePath()
                + (previousFile == null ? "" : previousFile.toAbsolutePath()));
        return Cli.writeResults(experiment.out, scenario.name(), "backtest-" + hash,
                (staging, target) -> {
                    BacktestFiles.write(staging, scenario, result, context);
                    // The forecast ran replications 1..N of the scenario's seed, as a run does: the same manifest.
                    List<Long> seeds = new ArrayList<>();
                    for (int replication = 1; replication <= scenario.replications(); replication++) {
                        seeds.add(Seeds.forReplication(scenario.seed(), 0, replication));
                    }
                    Manifest.write(staging, Manifest.build(scenario, seeds, run));
                    BacktestReport.write(staging, target);
                });
    }

    private static void print(PrintWriter out, Scenario scenario, Backtest.Result result, Path directory) {
        out.printf("%s: %d replications against %d observed ballots (log-loss floor %s)%n", scenario.name(),
                scenario.replications(), result.pooled().n(), Numbers.format(BallotScores.FLOOR));
        Table table = new Table("item", "n", "accuracy", "kappa", "log-loss", "brier", "majority", "bloc-majority");
        for (Backtest.ItemResult item : result.items()) {
            row(table, item.item(), item.scores());
        }
        row(table, "pooled", result.pooled());
        table.print(out);
        printAlongside(out, "persistence baseline (each delegation repeats its previous vote):", result,
                Backtest.ItemResult::persistence, result.pooledPersistence());
        printAlongside(out, "the model with each delegation's previous vote (decision.logit.history):", result,
                Backtest.ItemResult::withHistory, result.pooledWithHistory());
        out.println("most wrong (mean log-loss; observed/predicted where the modal vote is wrong):");
        for (Backtest.Miss miss : result.worst()) {
            out.printf("  %-4s %.2f  %s%n", miss.delegation(), miss.logLoss(), String.join("; ", miss.misses()));
        }
        out.println("results: " + directory);
        out.flush();
    }

    /** Scores of another forecast of the same ballots, per item and pooled; nothing when there are none. */
    private static void printAlongside(PrintWriter out, String title, Backtest.Result result,
                                       java.util.function.Function<Backtest.ItemResult, BallotScores.Scores> scores,
                                       BallotScores.Scores pooled) {
        if (pooled == null) {
            return;
        }
        out.println(title);
        Table table = new Table("item", "n", "accuracy", "kappa", "log-loss", "brier");
        for (Backtest.ItemResult item : result.items()) {
            baselineRow(table, item.item(), scores.apply(item));
        }
        baselineRow(table, "pooled", pooled);
        table.print(out);
    }

    private static void row(Table table, String name, BallotScores.Scores s) {
        table.row(name, s.n(), f(s.accuracy()), f(s.kappa()), f(s.logLoss()), f(s.brier()), f(s.baselineMajority()),
                f(s.baselineBloc()));
    }

    private static void baselineRow(Table table, String name, BallotScores.Scores s) {
        table.row(name, s.n(), f(s.accuracy()), f(s.kappa()), f(s.logLoss()), f(s.brier()));
    }

    private static String f(double value) {
        return Double.isFinite(value) ? String.format("%.3f", value) : "-";
    }
}
