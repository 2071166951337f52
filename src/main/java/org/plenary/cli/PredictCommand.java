package org.plenary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plenary.analysis.Predictions;
import org.plenary.reference.ExpectedUtilityModel;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Forecast each dimension's outcome with a reference model of collective decisions.",
            "Inputs: each delegation's capability c, salience s and ideal position x;",
            "events, blocs and the agenda play no part.",
            "  compromise        sum c s x / sum c s (Achen 2006)",
            "  median            the c s weighted median (Condorcet winner of pairwise votes)",
            "  expected-utility  Bueno de Mesquita's (1994) expected utility model: rounds of",
            "                    challenges and offers, then the weighted median",
            "Forecasts are on the file's own scale: 0-100 for a KTAB file, 0-1 for YAML.",
            ""},
        footer = {"", "--denominator (expected-utility only): P(i beats j) = the votes for i over",
            "  contest       the votes cast in the contest of i and j, so that",
            "                P(i beats j) + P(j beats i) = 1 (default)",
            "  all-contests  the votes cast in all contests of all pairs, as one replication",
            "                reports Scholz et al.'s code did (P is then small)",
            "See docs/analysis-commands.md and docs/validation.md.",
            "", "Examples:",
            "  plenary predict scenarios/small-assembly.yaml",
            "  plenary predict scenarios/ktab/SOE-Pol-Comp.csv --model expected-utility",
            "  plenary predict scenarios/small-assembly.yaml --model median --json \\",
            "      --set delegations.USA.capability=0"})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ScenarioInput input;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "compromise", converter = ModelLabels.class,
            completionCandidates = ModelLabels.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Predictions.Model model;

    @Option(names = "--rounds", paramLabel = "R",
            description = "Most rounds of the expected utility model (default: the scenario's rounds); it stops"
                    + " earlier when a round moves nobody.")
    Integer rounds;

    @Option(names = "--denominator", paramLabel = "D", defaultValue = "contest", converter = DenominatorLabels.class,
            completionCandidates = DenominatorLabels.class,
            description = "Expected utility model's probability denominator: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    ExpectedUtilityModel.ProbabilityDenominator denominator;

    @Option(names = "--json",
            description = "Print JSON: {\"model\": ..., \"dimensions\": [{\"id\": ..., \"prediction\": ...}]},"
            + " with each round's median, mean and positions for expected-utility.")
    boolean json;

    @Spec
    CommandSpec spec;

    static final class ModelLabels extends Cli.LabelledEnum<Predictions.Model> {
        ModelLabels() {
            super(Predictions.Model.class);
        }
    }

    static final class DenominatorLabels extends Cli.LabelledEnum<ExpectedUtilityModel.ProbabilityDenominator> {
        DenominatorLabels() {
            super(ExpectedUtilityModel.ProbabilityDenominator.class);
        }
    }

    @Override
    public Integer call() throws Exception {
        ScenarioLoader.Loaded loaded = input.loadAndWarn(rounds == null ? List.of()
                : List.of(org.plenary.scenario.Overrides.Assignment.option("--rounds", "rounds", rounds)),
                spec.commandLine().getErr());
        Scenario scenario = loaded.scenario();
        List<String> unweighted = Predictions.dimensionsWithoutWeight(scenario);
        if (!unweighted.isEmpty()) {
            throw new InputException(new Problem(loaded.file().toString(), 0, "dimensions",
                    "no delegation has both capability and salience on " + String.join(", ", unweighted)
                            + ": there is nothing to weigh, so no forecast"));
        }
        List<Predictions.Dimension> forecasts = Predictions.predict(scenario, model, scenario.rounds(), denominator);
        PrintWriter out = spec.commandLine().getOut();
        double scale = loaded.positionScale();
        if (json) {
            Cli.printJson(out, toJson(scenario, forecasts, scale));
        } else {
            printTable(out, loaded, forecasts);
        }
        return 0;
    }

    private Map<String, Object> toJson(Scenario scenario, List<Predictions.Dimension> forecasts, double scale) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", Cli.label(model));
        if (model == Predictions.Model.EXPECTED_UTILITY) {
            root.put("denominator", Cli.label(denominator));
        }
        root.put("scale", scale);
        List<Object> dimensions = new ArrayList<>();
        for (Predictions.Dimension forecast : forecasts) {
            Map<String, Object> dimension = new LinkedHashMap<>();
            dimension.put("id", forecast.dimension().id());
            dimension.put("label", forecast.dimension().label());
            dimension.put("prediction", Numbers.round(forecast.prediction() * scale));
            ExpectedUtilityModel.Result run = forecast.expectedUtility();
            if (run != null) {
                dimension.put("rounds_played", run.roundsPlayed());
                dimension.put("stable", run.stable());
                dimension.put("history", history(scenario, run, scale));
            }
            dimensions.add(dimension);
        }
        root.put("dimensions", dimensions);
        return root;
    }

    private static List<Object> history(Scenario scenario, ExpectedUtilityModel.Result run, double scale) {
        List<Object> rows = new ArrayList<>();
        for (int t = 0; t <= run.roundsPlayed(); t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", t);
            row.put("median", Numbers.round(run.weightedMedians()[t] * scale));
            row.put("mean", Numbers.round(run.weightedMeans()[t] * scale));
            Map<String, Object> positions = new LinkedHashMap<>();
            for (int i = 0; i < scenario.delegations().size(); i++) {
                positions.put(scenario.delegations().get(i).id(), Numbers.round(run.positions()[t][i] * scale));
            }
            row.put("positions", positions);
            rows.add(row);
        }
        return rows;
    }

    private void printTable(PrintWriter out, ScenarioLoader.Loaded loaded, List<Predictions.Dimension> forecasts) {
        Scenario scenario = loaded.scenario();
        double scale = loaded.positionScale();
        boolean expectedUtility = model == Predictions.Model.EXPECTED_UTILITY;
        out.printf("%s: %s forecast from %d delegations, positions on 0-%s%s%n", scenario.name(), Cli.label(model),
                scenario.delegations().size(), Numbers.format(scale),
                expectedUtility ? " (probability denominator: " + Cli.label(denominator) + ")" : "");
        Table table = expectedUtility ? new Table("dimension", "label", "prediction", "rounds", "stable")
                : new Table("dimension", "label", "prediction");
        for (Predictions.Dimension forecast : forecasts) {
            String prediction = Numbers.format(forecast.prediction() * scale);
            ExpectedUtilityModel.Result run = forecast.expectedUtility();
            if (expectedUtility) {
                table.row(forecast.dimension().id(), forecast.dimension().label(), prediction, run.roundsPlayed(),
                        run.stable() ? "yes" : "no");
            } else {
                table.row(forecast.dimension().id(), forecast.dimension().label(), prediction);
            }
        }
        table.print(out);
    }
}
