package org.plenary.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plenary.results.Html;
import org.plenary.results.ChartStyle;
import org.plenary.results.Numbers;

/** What a calibration writes: calibration.json, calibrated.yaml, a convergence chart and report.html. */
public final class CalibrationFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Everything a calibration produced, for the files.
     *
     * @param given      the scenario as given (evaluation 0)
     * @param givenFit   its backtest, or null when fitting to tallies only
     * @param bestFit    the best values' backtest, or null when fitting to tallies only
     * @param calibrated the calibrated scenario file's text
     */
    public record Outcome(List<Calibration.Parameter> parameters, Calibration.Method method, int budget, long seed,
                          int replications, Calibration.Evaluation given, Calibration.Result result,
                          Backtest.Result givenFit, Backtest.Result bestFit, String calibrated) { }

    private CalibrationFiles() {
    }

    public static void write(Path directory, Outcome outcome, Map<String, Object> context) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.putAll(toJson(outcome));
        JSON.writeValue(directory.resolve("calibration.json").toFile(), json);
        Files.writeString(directory.resolve("calibrated.yaml"), outcome.calibrated(), StandardCharsets.UTF_8);
        Path charts = Files.createDirectories(directory.resolve("charts"));
        Path convergence = charts.resolve("calibration-convergence.png");
        ChartStyle.save(convergenceChart(outcome), convergence);
        Html html = new Html("Calibration of " + context.get("scenario"));
        html.heading(1, "Calibration of " + context.get("scenario"));
        html.paragraph(String.join(" ", stringList(context.get("command_line"))), true);
        html.paragraph(String.format("%s, %d evaluations of %d replications each (common random numbers, seed %d);"
                        + " best: evaluation %d.", outcome.method() == Calibration.Method.CMAES ? "CMA-ES" : "Nelder-Mead",
                outcome.result().evaluations().size(), outcome.replications(), outcome.seed(),
                outcome.result().best().number()), false);
        List<List<String>> parameterRows = new ArrayList<>();
        for (int p = 0; p < outcome.parameters().size(); p++) {
            Calibration.Parameter parameter = outcome.parameters().get(p);
            parameterRows.add(List.of(parameter.path(), Numbers.format(parameter.low()),
                    Numbers.format(parameter.high()), Numbers.format(outcome.result().best().values()[p])));
        }
        html.heading(2, "Best values");
        html.table(List.of("parameter", "low", "high", "best"), parameterRows);
        html.heading(2, "Fit");
        List<List<String>> fitRows = new ArrayList<>();
        fitRows.add(fitRow("as given", outcome.given(), outcome.givenFit()));
        fitRows.add(fitRow("calibrated", outcome.result().best(), outcome.bestFit()));
        html.table(List.of("scenario", "objective", "ballot log-loss", "tally loss", "accuracy", "kappa",
                "majority baseline", "bloc baseline"), fitRows);
        html.image(convergence, "Objective of every evaluation and the best so far");
        html.details("calibrated.yaml", outcome.calibrated());
        html.write(directory.resolve("report.html"));
    }

    private static List<String> fitRow(String name, Calibration.Evaluation evaluation, Backtest.Result fit) {
        List<String> row = new ArrayList<>(List.of(name, Numbers.format(evaluation.objective()),
                Numbers.format(evaluation.logLoss()), Numbers.format(evaluation.tallyLoss())));
        if (fit == null) {
            row.addAll(List.of("", "", "", ""));
        } else {
            row.addAll(List.of(Numbers.format(fit.pooled().accuracy()), Numbers.format(fit.pooled().kappa()),
                    Numbers.format(fit.pooled().baselineMajority()), Numbers.format(fit.pooled().baselineBloc())));
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    static Map<String, Object> toJson(Outcome outcome) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", outcome.method() == Calibration.Method.CMAES ? "cmaes" : "nelder-mead");
        root.put("budget", outcome.budget());
        root.put("seed", outcome.seed());
        root.put("replications", outcome.replications());
        root.put("log_loss_floor", BallotScores.FLOOR);
        List<Object> parameters = new ArrayList<>();
        for (int p = 0; p < outcome.parameters().size(); p++) {
            Calibration.Parameter parameter = outcome.parameters().get(p);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", parameter.path());
            entry.put("low", parameter.low());
            entry.put("high", parameter.high());
            entry.put("best", outcome.result().best().values()[p]);
            parameters.add(entry);
        }
        root.put("parameters", parameters);
        root.put("given", fit(outcome.given(), outcome.givenFit(), null));
        root.put("best", fit(outcome.result().best(), outcome.bestFit(), outcome.parameters()));
        List<Object> evaluations = new ArrayList<>();
        for (Calibration.Evaluation evaluation : outcome.result().evaluations()) {
            evaluations.add(fit(evaluation, null, outcome.parameters()));
        }
        root.put("evaluations", evaluations);
        return root;
    }

    private static Map<String, Object> fit(Calibration.Evaluation evaluation, Backtest.Result backtest,
                                           List<Calibration.Parameter> parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("evaluation", evaluation.number());
        if (parameters != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int p = 0; p < parameters.size(); p++) {
                values.put(parameters.get(p).path(), evaluation.values()[p]);
            }
            map.put("values", values);
        }
        map.put("objective", Numbers.round(evaluation.objective()));
        map.put("log_loss", Numbers.round(evaluation.logLoss()));
        map.put("tally_loss", Numbers.round(evaluation.tallyLoss()));
        if (backtest != null) {
            map.put("backtest", BacktestFiles.toJson(backtest, false));
        }
        return map;
    }

    /** The objective of every evaluation (points) and the best so far (line), with the scenario as given. */
    static JFreeChart convergenceChart(Outcome outcome) {
        XYSeries each = new XYSeries("objective of the evaluation");
        XYSeries best = new XYSeries("best so far");
        XYSeries given = new XYSeries("scenario as given");
        double bestSoFar = Double.POSITIVE_INFINITY;
        List<Calibration.Evaluation> evaluations = outcome.result().evaluations();
        for (Calibration.Evaluation evaluation : evaluations) {
            bestSoFar = Math.min(bestSoFar, evaluation.objective());
            each.add(evaluation.number(), evaluation.objective());
            best.add(evaluation.number(), bestSoFar);
        }
        given.add(1, outcome.given().objective());
        given.add(Math.max(2, evaluations.size()), outcome.given().objective());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(each);
        data.addSeries(best);
        data.addSeries(given);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesStroke(1, new java.awt.BasicStroke(2.5f));
        renderer.setSeriesStroke(2, new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (int series = 0; series < 3; series++) {
            renderer.setSeriesPaint(series, ChartStyle.PALETTE[series == 2 ? 6 : series]);
        }
        NumberAxis x = new NumberAxis("evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("objective (log-loss per ballot + tally losses; lower is better)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return ChartStyle.chart("Calibration: convergence", String.format("best %.4f at evaluation %d; as given %.4f",
                outcome.result().best().objective(), outcome.result().best().number(), outcome.given().objective()),
                plot, true);
    }
}
