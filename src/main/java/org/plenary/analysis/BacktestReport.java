package org.plenary.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plenary.results.Html;
import org.plenary.results.RunReport;

/**
 * report.html of a backtest: the scores per item and pooled, the delegations the model gets most
 * wrong, the charts and the manifest. Reads backtest.json and manifest.json only; never runs a model.
 */
public final class BacktestReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCORES = List.of("n", "accuracy", "kappa", "log_loss", "brier",
            "baseline_majority", "baseline_bloc");

    private BacktestReport() {
    }

    /** Writes the report into {@code directory}, naming {@code shownAs} as where the results are. */
    public static Path write(Path directory, Path shownAs) throws IOException {
        JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
        JsonNode backtest = JSON.readTree(directory.resolve("backtest.json").toFile());
        String name = manifest.path("scenario_name").asText();
        Html html = new Html("Plenary backtest: " + name);
        html.heading(1, "Plenary backtest: " + name);
        html.paragraph(manifest.path("parameters").path("replications").asInt() + " replications against "
                + backtest.path("pooled").path("n").asInt() + " observed ballots in "
                + backtest.path("votes_file").asText() + "; results in " + shownAs.toAbsolutePath(), true);
        html.heading(2, "Scores");
        html.paragraph("Accuracy of the modal vote, Cohen's kappa, log-loss (probabilities below "
                + backtest.path("log_loss_floor").asText() + " count as that) and Brier score, beside two baselines"
                + " that read the observed votes: the item's majority, and the majority of each delegation's groups.",
                true);
        List<List<String>> rows = new ArrayList<>();
        backtest.path("items").forEach(item -> rows.add(scoreRow(item.path("item").asText(), item)));
        rows.add(scoreRow("pooled", backtest.path("pooled")));
        html.table(List.of("item", "n", "accuracy", "kappa", "log-loss", "brier", "majority", "bloc majority"), rows);
        List<List<String>> worst = new ArrayList<>();
        backtest.path("worst").forEach(miss -> {
            List<String> misses = new ArrayList<>();
            miss.path("misses").forEach(m -> misses.add(m.asText()));
            worst.add(List.of(miss.path("delegation").asText(), miss.path("n").asText(),
                    RunReport.format(miss.path("log_loss").asDouble(Double.NaN)), String.join("; ", misses)));
        });
        if (!worst.isEmpty()) {
            html.heading(2, "Most wrong");
            html.table(List.of("delegation", "ballots", "mean log-loss", "observed/predicted where wrong"), worst);
        }
        html.heading(2, "Charts");
        for (Path chart : RunReport.charts(directory.resolve("charts"))) {
            html.image(chart, chart.getFileName().toString().replace(".png", "").replace('-', ' '));
        }
        RunReport.manifestSection(html, manifest, directory);
        Path report = directory.resolve("report.html");
        html.write(report);
        return report;
    }

    private static List<String> scoreRow(String name, JsonNode scores) {
        List<String> row = new ArrayList<>(List.of(name));
        for (String key : SCORES) {
            JsonNode value = scores.path(key);
            row.add(key.equals("n") ? value.asText() : RunReport.format(value.isNumber() ? value.asDouble() : Double.NaN));
        }
        return row;
    }
}
