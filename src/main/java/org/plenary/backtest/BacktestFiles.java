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
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
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
        ChartStyle.save(reliabilityChart(result), charts.resolve("backtest-reliability.png"));
    }

    /** Bins of the reliability diagram (docs/analysis-commands.md). */
    static final int RELIABILITY_BINS = 10;

    /** The pooled reliability diagram of every scored ballot. */
    static List<BallotScores.ReliabilityBin> reliability(Backtest.Result result) {
        int[] observed = result.rows().stream().mapToInt(Backtest.Row::observed).toArray();
        double[][] p = result.rows().stream().map(Backtest.Row::p).toArray(double[][]::new);
        return BallotScores.reliability(observed, p, RELIABILITY_BINS);
    }

    /**
     * Predicted probability of each vote (bin means) against the share of those ballots that cast it;
     * a calibrated model lies on the diagonal.
     */
    static JFreeChart reliabilityChart(Backtest.Result result) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries diagonal = new XYSeries("perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        data.addSeries(diagonal);
        List<BallotScores.ReliabilityBin> bins = reliability(result);
        for (int k = 0; k < BallotScores.CLASSES; k++) {
            XYSeries series = new XYSeries(BallotScores.LABELS[k]);
            for (BallotScores.ReliabilityBin bin : bins) {
                if (bin.vote() == k) {
                    series.add(bin.meanPredicted(), bin.observed());
                }
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(170, 170, 170));
        renderer.setSeriesShapesVisible(0, false);
        Color[] colours = {new Color(0, 158, 115), new Color(213, 94, 0), new Color(230, 159, 0)};
        for (int k = 0; k < colours.length; k++) {
            renderer.setSeriesPaint(k + 1, colours[k]);
        }
        XYPlot plot = new XYPlot(data, ChartStyle.unitAxis("predicted probability of the vote (bin mean)"),
                ChartStyle.unitAxis("observed share casting it"), renderer);
        return ChartStyle.chart("Reliability: predicted against observed frequencies (pooled)",
                result.pooled().n() + " ballots, " + RELIABILITY_BINS + " equal bins per vote; Brier score "
                        + format(result.pooled().brier()), plot, true);
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
            if (item.persistence() != null) {
                entry.put("persistence", baseline(item.persistence()));
            }
            if (item.withHistory() != null) {
                entry.put("with_previous_vote", baseline(item.withHistory()));
            }
            items.add(entry);
        }
        root.put("items", items);
        Map<String, Object> pooled = scores(result.pooled(), detail);
        if (result.pooledPersistence() != null) {
            pooled.put("persistence", baseline(result.pooledPersistence()));
        }
        if (result.pooledWithHistory() != null) {
            pooled.put("with_previous_vote", baseline(result.pooledWithHistory()));
        }
        root.put("pooled", pooled);
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
            List<Object> bins = new ArrayList<>();
            for (BallotScores.ReliabilityBin bin : reliability(result)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("vote", BallotScores.LABELS[bin.vote()]);
                entry.put("low", number(bin.low()));
                entry.put("high", number(bin.high()));
                entry.put("n", bin.n());
                entry.put("mean_predicted", number(bin.meanPredicted()));
                entry.put("observed", number(bin.observed()));
                bins.add(entry);
            }
            root.put("reliability", bins);
        }
        return root;
    }

    private static Map<String, Object> scores(BallotScores.Scores scores, boolean detail) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", scores.n());
        map.put("accuracy", number(scores.accuracy()));
        map.put("kappa", number(scores.kappa()));
        map.put("log_loss", number(scores.logLoss()));
        map.put("brier", number(scores.brier()));
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

    /** The persistence baseline's scores: it has probabilities, so all four apply. */
    private static Map<String, Object> baseline(BallotScores.Scores scores) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", number(scores.accuracy()));
        map.put("kappa", number(scores.kappa()));
        map.put("log_loss", number(scores.logLoss()));
        map.put("brier", number(scores.brier()));
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
        all.add(new Backtest.ItemResult("pooled", result.pooled(), result.pooledPersistence()));
        for (Backtest.ItemResult item : all) {
            BallotScores.Scores s = item.scores();
            data.addValue(s.accuracy(), "model accuracy", item.item());
            data.addValue(s.baselineMajority(), "majority-class baseline", item.item());
            data.addValue(s.baselineBloc(), "bloc-majority baseline", item.item());
            data.addValue(Double.isFinite(s.kappa()) ? s.kappa() : 0, "model kappa", item.item());
            if (item.persistence() != null) {
                data.addValue(item.persistence().accuracy(), "persistence baseline", item.item());
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int series = 0; series < data.getRowCount(); series++) {
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
