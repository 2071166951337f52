package org.plenary.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.plenary.results.ChartStyle;
import org.plenary.results.Numbers;
import org.plenary.scenario.Scenario;

/** What a backtest writes: backtest.csv, backtest.json and charts (docs/analysis-commands.md). */
public final class BacktestFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private BacktestFiles() {
    }

    /** Writes the files into {@code directory} (which exists). */
    public static void write(Path directory, Scenario scenario, Backtest.Result result, Map<String, Object> context)
            throws IOException {
        try (Writer writer = Files.newBufferedWriter(directory.resolve("backtest.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord("item", "delegation", "observed", "p_yes", "p_no", "p_abstain", "predicted");
            for (Backtest.Row row : result.rows()) {
                csv.printRecord(scenario.agenda().get(row.item()).id(), scenario.delegations().get(row.delegation()).id(),
                        BallotScores.LABELS[row.observed()], Numbers.format(row.p()[0]), Numbers.format(row.p()[1]),
                        Numbers.format(row.p()[2]), BallotScores.LABELS[row.predicted()]);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.putAll(toJson(result, true));
        JSON.writeValue(directory.resolve("backtest.json").toFile(), json);
        Path charts = Files.createDirectories(directory.resolve("charts"));
        ChartStyle.save(scoresChart(result), charts.resolve("backtest-scores.png"));
        ChartStyle.save(confusionChart(result), charts.resolve("backtest-confusion.png"));
    }

    /**
     * The scores as JSON maps: {@code items} and {@code pooled}, each with n, accuracy, kappa, log_loss,
     * baseline_majority and baseline_bloc; with {@code detail}, also confusion matrices and the worst delegations.
     */
    public static Map<String, Object> toJson(Backtest.Result result, boolean detail) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        for (Backtest.ItemResult item : result.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", item.item());
            entry.putAll(scores(item.scores(), detail));
            items.add(entry);
        }
        root.put("items", items);
        root.put("pooled", scores(result.pooled(), detail));
        if (detail) {
            root.put("log_loss_floor", BallotScores.FLOOR);
            List<Object> worst = new ArrayList<>();
            for (Backtest.Miss miss : result.worst()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("delegation", miss.delegation());
                entry.put("n", miss.n());
                entry.put("log_loss", number(miss.logLoss()));
                entry.put("wrong", miss.wrong());
                entry.put("misses", miss.misses());
                worst.add(entry);
            }
            root.put("worst", worst);
        }
        return root;
    }

    private static Map<String, Object> scores(BallotScores.Scores scores, boolean detail) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", scores.n());
        map.put("accuracy", number(scores.accuracy()));
        map.put("kappa", number(scores.kappa()));
        map.put("log_loss", number(scores.logLoss()));
        map.put("baseline_majority", number(scores.baselineMajority()));
        map.put("baseline_bloc", number(scores.baselineBloc()));
        if (detail) {
            Map<String, Object> confusion = new LinkedHashMap<>();
            for (int observed = 0; observed < BallotScores.CLASSES; observed++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int predicted = 0; predicted <= BallotScores.CLASSES; predicted++) {
                    row.put(BallotScores.LABELS[predicted], scores.confusion()[observed][predicted]);
                }
                confusion.put(BallotScores.LABELS[observed], row);
            }
            map.put("confusion_observed_by_predicted", confusion);
        }
        return map;
    }

    /** JSON has no NaN: an undefined score is null. */
    private static Object number(double value) {
        return Double.isFinite(value) ? Numbers.round(value) : null;
    }

    /** Accuracy of the model and of the two baselines, and kappa, per item and pooled. */
    static JFreeChart scoresChart(Backtest.Result result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Backtest.ItemResult> all = new ArrayList<>(result.items());
        all.add(new Backtest.ItemResult("pooled", result.pooled()));
        for (Backtest.ItemResult item : all) {
            BallotScores.Scores s = item.scores();
            data.addValue(s.accuracy(), "model accuracy", item.item());
            data.addValue(s.baselineMajority(), "majority-class baseline", item.item());
            data.addValue(s.baselineBloc(), "bloc-majority baseline", item.item());
            data.addValue(Double.isFinite(s.kappa()) ? s.kappa() : 0, "model kappa", item.item());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int series = 0; series < 4; series++) {
            renderer.setSeriesPaint(series, ChartStyle.PALETTE[series]);
        }
        NumberAxis axis = new NumberAxis("share of ballots right (kappa: agreement beyond chance)");
        axis.setRange(Math.min(0, lowestKappa(all)) - 0.02, 1.02);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("item"), axis, renderer);
        return ChartStyle.chart("Predicted ballots against the observed roll call",
                String.format("pooled: accuracy %.3f, kappa %s, log-loss %.3f (floor %s) over %d ballots",
                        result.pooled().accuracy(), format(result.pooled().kappa()), result.pooled().logLoss(),
                        Numbers.format(BallotScores.FLOOR), result.pooled().n()), plot, true);
    }

    private static double lowestKappa(List<Backtest.ItemResult> all) {
        return all.stream().mapToDouble(i -> i.scores().kappa()).filter(Double::isFinite).min().orElse(0);
    }

    private static String format(double value) {
        return Double.isFinite(value) ? String.format("%.3f", value) : "undefined";
    }

    /** The pooled confusion matrix: for each observed vote, the model's modal votes, stacked. */
    static JFreeChart confusionChart(Backtest.Result result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int[][] confusion = result.pooled().confusion();
        for (int predicted = 0; predicted <= BallotScores.CLASSES; predicted++) {
            for (int observed = 0; observed < BallotScores.CLASSES; observed++) {
                data.addValue(confusion[observed][predicted], "predicted " + BallotScores.LABELS[predicted],
                        "observed " + BallotScores.LABELS[observed]);
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        Color[] colours = {new Color(0, 158, 115), new Color(213, 94, 0), new Color(230, 159, 0),
            new Color(170, 170, 170)};
        for (int series = 0; series < colours.length; series++) {
            renderer.setSeriesPaint(series, colours[series]);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("observed vote"), new NumberAxis("ballots"), renderer);
        return ChartStyle.chart("Confusion matrix: observed against predicted votes (pooled)",
                result.pooled().n() + " ballots; 'none': the model had the delegation cast no ballot", plot, true);
    }
}
