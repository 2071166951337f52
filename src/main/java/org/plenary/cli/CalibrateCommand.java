package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plenary.Version;
import org.plenary.backtest.Backtest;
import org.plenary.backtest.BallotForecast;
import org.plenary.backtest.Calibration;
import org.plenary.backtest.CalibrationFiles;
import org.plenary.backtest.ObservedVotes;
import org.plenary.results.Numbers;
import org.plenary.results.RunWriter;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Fit scenario parameters to observed ballots and tallies.",
            "Minimises the log-loss of the observed ballots (as 'backtest' scores them) plus, for each --tally, the"
                + " cross-entropy of the observed tally against the model's mean vote shares, over the --param ranges,"
                + " with CMA-ES or Nelder-Mead (Apache Commons Math). Every evaluation runs the same replication"
                + " seeds (common random numbers); same seed, same result.",
            "Writes calibration.json (best values, fit, every evaluation), calibrated.yaml (the scenario with the"
                + " best values: running it reproduces the fit), charts/calibration-convergence.png and report.html to"
                + " RESULTS/<scenario-name>/<UTC-time>-calibration-<hash>/."},
        footer = {"", "Examples:",
            "  plenary calibrate scenarios/unga-ict-2018.yaml --votes scenarios/data/unga-ict-votes-2018.csv \\",
            "      --param profiles.groups.ATU.position.sovereignty=0:1 --param decision.abstention_band=0:0.2",
            "  plenary calibrate scenarios/wcit12-replay.yaml --tally itrs-2012=77,33,8 \\",
            "      --param decision.abstention_band=0:0.2 --method nelder-mead --budget 60"})
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--votes", paramLabel = "FILE", description = "Observed ballots (the format of 'plenary backtest').")
    Path votesFile;

    @Option(names = "--param", paramLabel = "PATH=LOW:HIGH", required = true,
            description = "A parameter to fit (any --set path) and its range, repeatable,"
                    + " e.g. profiles.groups.ATU.position.sovereignty=0:1")
    List<String> params = new ArrayList<>();

    @Option(names = "--tally", paramLabel = "ITEM=YES,NO,ABSTAIN",
            description = "An observed tally to fit, repeatable, e.g. itrs-2012=77,33,8.")
    List<String> tallies = new ArrayList<>();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "cmaes", converter = MethodLabels.class,
            completionCandidates = MethodLabels.class,
            description = "Optimiser: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Calibration.Method method;

    @Option(names = "--budget", paramLabel = "EVALS", defaultValue = "200",
            description = "Most evaluations of the objective, each a full set of replications (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--cross-validate", description = "Also leave-one-item-out cross-validation (needs --votes, at"
            + " least two items): for each observed item, fit on the other items' ballots (parameters whose path"
            + " names the held-out item stay as the scenario has them) and score the held-out item's ballots.")
    boolean crossValidate;

    @Option(names = "--fold-set", paramLabel = "ITEM:PATH=VALUE", description = "With --cross-validate: a change to"
            + " the scenario in the fold that holds ITEM out, repeatable, e.g. positions estimated without ITEM's"
            + " roll call: A-RES-73-27:positions_from.2.file=data/ict-without-73-27.csv.")
    List<String> foldSetTexts = new ArrayList<>();

    @Spec
    CommandSpec spec;

    static final class MethodLabels extends Cli.LabelledEnum<Calibration.Method> {
        MethodLabels() {
            super(Calibration.Method.class);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader.Loaded loaded = input.loadAndWarn(experiment.overrides(), err);
        Scenario scenario = loaded.scenario();
        if (budget < 2) {
            throw new InputException(new Problem("--budget " + budget, 0, "", "needs at least 2 evaluations"));
        }
        if (crossValidate && votesFile == null) {
            throw new InputException(new Problem("--cross-validate", 0, "", "needs --votes FILE: it holds out one"
                    + " item's ballots at a time"));
        }
        if (votesFile == null && tallies.isEmpty()) {
            throw new InputException(new Problem("calibrate", 0, "", "nothing to fit: give --votes FILE, --tally"
                    + " ITEM=YES,NO,ABSTAIN or both"));
        }
        Map<String, List<org.plenary.scenario.Overrides.Assignment>> foldSets = parseFoldSets(loaded, foldSetTexts);
        List<Calibration.Parameter> parameters = parseParameters(params);
        Calibration.checkRanges(loaded, parameters);
        ObservedVotes votes = votesFile == null ? null : ObservedVotes.read(votesFile, scenario);
        Calibration.Fit fit = new Calibration.Fit(loaded, parameters, votes, parseTallies(scenario, tallies),
                experiment.threads());
        Calibration.Evaluation given = Calibration.evaluate(fit, null, 0);
        Calibration.Result result;
        try (Progress progress = new Progress("evaluations", budget)) {
            result = Calibration.run(fit, method, budget, scenario.seed(), evaluation -> progress.step());
        }
        ScenarioLoader.Loaded best = ScenarioLoader.derive(loaded, Calibration.assignments(parameters,
                result.best().values()));
        Backtest.Result givenFit = null;
        Backtest.Result bestFit = null;
        if (votes != null) {
            givenFit = Backtest.compare(scenario, votes, BallotForecast.run(scenario, fit.threads()), 0);
            bestFit = Backtest.compare(best.scenario(), votes, BallotForecast.run(best.scenario(), fit.threads()), 0);
        }
        List<CrossValidation.Fold> folds = crossValidate ? CrossValidation.run(loaded, parameters, votes,
                foldSets, method, budget, experiment.threads(), err) : List.of();
        List<String> commandLine = Cli.commandLine(spec.commandLine());
        CalibrationFiles.Outcome outcome = new CalibrationFiles.Outcome(parameters, method, budget, scenario.seed(),
                scenario.replications(), given, result, givenFit, bestFit,
                calibratedYaml(loaded, parameters, result, given, commandLine));
        Path directory = write(loaded, outcome, commandLine, folds);
        print(spec.commandLine().getOut(), outcome, directory);
        CrossValidation.print(spec.commandLine().getOut(), folds);
        return 0;
    }

    /**
     * {@code --fold-set ITEM:PATH=VALUE}, grouped by item; each fold's scenario is derived once here, so that a
     * bad path or value stops the command before any fitting.
     */
    private Map<String, List<org.plenary.scenario.Overrides.Assignment>> parseFoldSets(ScenarioLoader.Loaded loaded,
            List<String> texts) throws InputException {
        Map<String, List<org.plenary.scenario.Overrides.Assignment>> sets = new java.util.LinkedHashMap<>();
        if (!texts.isEmpty() && !crossValidate) {
            throw new InputException(new Problem("--fold-set", 0, "", "only changes a cross-validation fold: add"
                    + " --cross-validate"));
        }
        List<String> ids = loaded.scenario().agenda().stream().map(Scenario.Item::id).toList();
        for (String text : texts) {
            int colon = text.indexOf(':');
            int equals = text.indexOf('=');
            if (colon <= 0 || equals < colon) {
                throw new InputException(new Problem("--fold-set " + text, 0, "", "expected ITEM:PATH=VALUE, e.g."
                        + " A-RES-73-27:positions_from.2.file=data/ict-without-73-27.csv"));
            }
            String item = text.substring(0, colon).trim();
            if (!ids.contains(item)) {
                throw new InputException(new Problem("--fold-set " + text, 0, "", Suggestions.unknown("agenda item",
                        item, ids)));
            }
            String assignment = text.substring(colon + 1);
            sets.computeIfAbsent(item, k -> new ArrayList<>()).add(new org.plenary.scenario.Overrides.Assignment(
                    assignment.substring(0, assignment.indexOf('=')).trim(),
                    assignment.substring(assignment.indexOf('=') + 1).trim(), "--fold-set " + text));
        }
        for (List<org.plenary.scenario.Overrides.Assignment> set : sets.values()) {
            ScenarioLoader.derive(loaded, set);
        }
        return sets;
    }

    static List<Calibration.Parameter> parseParameters(List<String> texts) throws InputException {
        List<Calibration.Parameter> parameters = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String text : texts) {
            int equals = text.lastIndexOf('=');
            int colon = text.lastIndexOf(':');
            try {
                if (equals <= 0 || colon < equals) {
                    throw new NumberFormatException();
                }
                parameters.add(new Calibration.Parameter(text.substring(0, equals).trim(),
                        Double.parseDouble(text.substring(equals + 1, colon)), Double.parseDouble(text.substring(colon + 1))));
            } catch (NumberFormatException e) {
                problems.add(new Problem("--param " + text, 0, "", "expected PATH=LOW:HIGH with two numbers,"
                        + " e.g. --param decision.abstention_band=0:0.2"));
            }
        }
        if (parameters.stream().map(Calibration.Parameter::path).distinct().count() < parameters.size()) {
            problems.add(new Problem("--param", 0, "", "the same path is given twice"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return parameters;
    }

    static List<Calibration.Tally> parseTallies(Scenario scenario, List<String> texts) throws InputException {
        List<Calibration.Tally> parsed = new ArrayList<>();
        List<String> ids = scenario.agenda().stream().map(Scenario.Item::id).toList();
        List<Problem> problems = new ArrayList<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            String item = equals > 0 ? text.substring(0, equals).trim() : text;
            String[] counts = equals > 0 ? text.substring(equals + 1).split(",", -1) : new String[0];
            int index = ids.indexOf(item);
            if (equals > 0 && index < 0) {
                problems.add(new Problem("--tally " + text, 0, "", Suggestions.unknown("agenda item", item, ids)));
                continue;
            }
            try {
                if (counts.length != 3) {
                    throw new NumberFormatException();
                }
                int yes = Integer.parseInt(counts[0].trim());
                int no = Integer.parseInt(counts[1].trim());
                int abstain = Integer.parseInt(counts[2].trim());
                if (yes < 0 || no < 0 || abstain < 0 || yes + no + abstain == 0) {
                    throw new NumberFormatException();
                }
                parsed.add(new Calibration.Tally(index, yes, no, abstain));
            } catch (NumberFormatException e) {
                problems.add(new Problem("--tally " + text, 0, "", "expected ITEM=YES,NO,ABSTAIN with three counts"
                        + " (not negative, not all 0), e.g. --tally itrs-2012=77,33,8"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (!scenarioVotes(scenario) && !parsed.isEmpty()) {
            throw new InputException(new Problem("--tally", 0, "decision", "the scenario's items can never be put"
                    + " to a vote (consensus with fallback fail); set decision.rule: vote or fallback: vote"));
        }
        return parsed;
    }

    private static boolean scenarioVotes(Scenario scenario) {
        return scenario.decision().rule() == Scenario.Rule.VOTE || scenario.decision().fallback() == Scenario.Fallback.VOTE;
    }

    /** The scenario with the best values, renamed, with how it was made in its header. */
    private static String calibratedYaml(ScenarioLoader.Loaded loaded, List<Calibration.Parameter> parameters,
                                         Calibration.Result result, Calibration.Evaluation given,
                                         List<String> commandLine) throws InputException {
        List<org.plenary.scenario.Overrides.Assignment> assignments =
                new ArrayList<>(Calibration.assignments(parameters, result.best().values()));
        assignments.add(org.plenary.scenario.Overrides.Assignment.option("--param", "name",
                loaded.scenario().name() + "-calibrated"));
        StringBuilder header = new StringBuilder();
        header.append("# ").append(loaded.scenario().name()).append(", calibrated by plenary ").append(Version.get())
                .append(" with:\n#   ").append(String.join(" ", commandLine)).append('\n');
        header.append(String.format("# Fit (objective = ballot log-loss + tally losses): as given %s, calibrated %s"
                        + " (evaluation %d of %d).%n", Numbers.format(given.objective()),
                Numbers.format(result.best().objective()), result.best().number(), result.evaluations().size()));
        header.append("# Best values:\n");
        for (int p = 0; p < parameters.size(); p++) {
            header.append("#   ").append(parameters.get(p).path()).append(" = ")
                    .append(Numbers.format(result.best().values()[p])).append('\n');
        }
        header.append("# Everything else is the scenario as given, written out in full (delegations file merged,"
                + " profiles still rules).\n");
        return header + ScenarioLoader.derive(loaded, assignments).source();
    }

    private Path write(ScenarioLoader.Loaded loaded, CalibrationFiles.Outcome outcome, List<String> commandLine,
                       List<CrossValidation.Fold> folds) throws IOException, InputException {
        Map<String, Object> context = Cli.context(loaded, commandLine);
        context.put("votes_file", votesFile == null ? null : votesFile.toString());
        context.put("tallies", tallies);
        if (!folds.isEmpty()) {
            context.put("cross_validation", CrossValidation.toJson(folds));
        }
        return Cli.writeResults(experiment.out, loaded.scenario().name(),
                "calibration-" + RunWriter.shortHash(outcome.calibrated()),
                (staging, target) -> CalibrationFiles.write(staging, outcome, context));
    }

    private static void print(PrintWriter out, CalibrationFiles.Outcome outcome, Path directory) {
        Calibration.Evaluation best = outcome.result().best();
        out.printf("%s: %d evaluations of %d replications; best at evaluation %d%n",
                outcome.method() == Calibration.Method.CMAES ? "CMA-ES" : "Nelder-Mead",
                outcome.result().evaluations().size(), outcome.replications(), best.number());
        Table parameters = new Table("parameter", "range", "best");
        for (int p = 0; p < outcome.parameters().size(); p++) {
            Calibration.Parameter parameter = outcome.parameters().get(p);
            parameters.row(parameter.path(), Numbers.format(parameter.low()) + ":" + Numbers.format(parameter.high()),
                    Numbers.format(best.values()[p]));
        }
        parameters.print(out);
        Table fit = new Table("scenario", "objective", "log-loss", "tally loss", "accuracy", "kappa");
        fitRow(fit, "as given", outcome.given(), outcome.givenFit());
        fitRow(fit, "calibrated", best, outcome.bestFit());
        fit.print(out);
        out.println("results: " + directory + " (calibrated.yaml: the scenario with the best values)");
        out.flush();
    }

    private static void fitRow(Table table, String name, Calibration.Evaluation evaluation, Backtest.Result backtest) {
        table.row(name, String.format("%.4f", evaluation.objective()), String.format("%.4f", evaluation.logLoss()),
                String.format("%.4f", evaluation.tallyLoss()),
                backtest == null ? "-" : String.format("%.3f", backtest.pooled().accuracy()),
                backtest == null || !Double.isFinite(backtest.pooled().kappa()) ? "-"
                        : String.format("%.3f", backtest.pooled().kappa()));
    }
}
