package org.plenary.idealpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.results.ChartStyle;
import org.plenary.results.Numbers;
import org.plenary.scenario.RollCalls;

/** What {@code plenary ideal-points} writes: ideal-points.csv, charts/ideal-points.png, manifest.json. */
public final class IdealPointFiles {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    /** States named on the chart when present. */
    private static final List<String> LABELLED = List.of("USA", "RUS", "CHN", "IND", "BRA", "DEU", "FRA", "GBR",
            "ISR", "IRN", "ZAF", "SAU", "JPN", "CUB");

    private IdealPointFiles() {
    }

    /** Writes the three outputs into {@code directory} (which exists and is empty). */
    public static void write(Path directory, RollCalls votes, IdealPointModel.Estimate fit, Map<String, Object> manifest)
            throws IOException {
        int d = fit.dimensions();
        try (Writer writer = Files.newBufferedWriter(directory.resolve("ideal-points.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord("delegation", "dimension", "estimate", "low", "high");
            for (int i = 0; i < votes.delegations().size(); i++) {
                for (int k = 0; k < d; k++) {
                    csv.printRecord(votes.delegations().get(i), k + 1, Numbers.format(Numbers.round(fit.estimate()[i * d + k])),
                            Numbers.format(Numbers.round(fit.low()[i * d + k])),
                            Numbers.format(Numbers.round(fit.high()[i * d + k])));
                }
            }
        }
        Path charts = Files.createDirectories(directory.resolve("charts"));
        ChartStyle.save(d == 1 ? ranked(votes, fit) : scatter(votes, fit), charts.resolve("ideal-points.png"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("manifest.json").toFile(), manifest);
    }

    /** One dimension: every delegation in order of its estimate, with its 90% interval. */
    static JFreeChart ranked(RollCalls votes, IdealPointModel.Estimate fit) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < votes.delegations().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> fit.estimate()[i]));
        YIntervalSeries series = new YIntervalSeries("estimate with 90% interval");
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), new NumberAxis("delegations, in order of their estimate"),
                new NumberAxis("ideal point (dimension 1, standard deviations)"), new XYErrorRenderer());
        for (int rank = 0; rank < order.size(); rank++) {
            int i = order.get(rank);
            series.add(rank + 1, fit.estimate()[i], fit.low()[i], fit.high()[i]);
            if (LABELLED.contains(votes.delegations().get(i))) {
                plot.addAnnotation(new XYTextAnnotation(votes.delegations().get(i), rank + 1, fit.high()[i] + 0.25));
            }
        }
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(series);
        XYErrorRenderer renderer = (XYErrorRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        renderer.setErrorPaint(new java.awt.Color(160, 160, 160));
        return ChartStyle.chart("Ideal points from roll calls (dimension 1)", votes.size() + " votes on "
                + votes.items().size() + " roll calls; posterior mode with 90% Laplace intervals", plot, false);
    }

    /** Two dimensions: a scatter of the estimates. */
    static JFreeChart scatter(RollCalls votes, IdealPointModel.Estimate fit) {
        XYSeries series = new XYSeries("delegations", false);
        XYSeriesCollection data = new XYSeriesCollection(series);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        XYPlot plot = new XYPlot(data, new NumberAxis("dimension 1"), new NumberAxis("dimension 2"), renderer);
        for (int i = 0; i < votes.delegations().size(); i++) {
            double x = fit.estimate()[2 * i];
            double y = fit.estimate()[2 * i + 1];
            series.add(x, y);
            if (LABELLED.contains(votes.delegations().get(i))) {
                plot.addAnnotation(new XYTextAnnotation(votes.delegations().get(i), x, y + 0.15));
            }
        }
        return ChartStyle.chart("Ideal points from roll calls (two dimensions)", votes.size() + " votes on "
                + votes.items().size() + " roll calls; posterior mode, standardised principal axes", plot, false);
    }

    /** The manifest's description of the fit. */
    public static Map<String, Object> describe(RollCalls votes, IdealPointModel.Estimate fit, String anchor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "ordered logit item response: P(vote >= abstain) = L(a_j + b_j.x_i), P(yes) = L(a_j + b_j.x_i"
                + " - delta_j); priors x ~ N(0, 1), a, b, delta ~ N(0, 25); posterior mode by block Newton ascent");
        map.put("identification", "centred, rotated to principal axes (dimension 1 varies most), standard deviation 1"
                + " per dimension, signed so that " + anchor + " is positive on every dimension");
        map.put("intervals", "90% Laplace intervals of each delegation's position at the mode, given the roll-call"
                + " parameters (they leave out the roll-call parameters' uncertainty)");
        map.put("dimensions", fit.dimensions());
        map.put("delegations", votes.delegations().size());
        map.put("roll_calls", votes.items().size());
        map.put("votes", votes.size());
        map.put("unanimous_roll_calls_left_out", votes.unanimous());
        map.put("sweeps", fit.sweeps());
        map.put("largest_change_in_last_sweep", fit.largestChange());
        map.put("log_posterior", Numbers.round(fit.logPosterior()));
        return map;
    }
}
