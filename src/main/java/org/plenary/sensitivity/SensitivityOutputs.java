package org.plenary.sensitivity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.plenary.results.Html;
import org.plenary.results.ChartStyle;
import org.plenary.results.Numbers;

/** indices.csv, second-order.csv, samples.csv, indices.json, charts/*.png and report.html of an analysis. */
public final class SensitivityOutputs {
    public static final String INDICES_JSON = "indices.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private SensitivityOutputs() {
    }

    static void write(Sensitivity analysis, SensitivityResult result) throws IOException {
        Path directory = analysis.directory();
        writeIndices(result, directory.resolve("indices.csv"));
        if (result.plan().sobol() && result.plan().secondOrder()) {
            writeSecondOrder(result, directory.resolve("second-order.csv"));
        }
        writeSamples(result, directory.resolve("samples.csv"));
        JSON.writeValue(directory.resolve(INDICES_JSON).toFile(), jsonOf(result));
        Path charts = Files.createDirectories(directory.resolve("charts"));
        List<Path> files = new ArrayList<>();
        for (SensitivityResult.Outcome outcome : result.outcomes()) {
            String slug = outcome.id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            files.add(save(SensitivityCharts.indices(result, outcome), charts.resolve("indices-" + slug + ".png")));
            if (outcome.sobol() != null) {
                files.add(save(SensitivityCharts.convergence(result, outcome),
                        charts.resolve("convergence-" + slug + ".png")));
            } else {
                files.add(save(SensitivityCharts.morrisPlane(result, outcome), charts.resolve("morris-" + slug + ".png")));
            }
        }
        report(analysis, result, files);
    }

    private static Path save(org.jfree.chart.JFreeChart chart, Path file) throws IOException {
        ChartStyle.save(chart, file);
        return file;
    }

    /** Sobol': outcome, parameter, S1, S1_low, S1_high, ST, ST_low, ST_high; Morris: mu_star, its interval, mu, sigma. */
    private static void writeIndices(SensitivityResult result, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord(result.plan().sobol()
                    ? List.of("outcome", "parameter", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high")
                    : List.of("outcome", "parameter", "mu_star", "mu_star_low", "mu_star_high", "mu", "sigma"));
            for (SensitivityResult.Outcome outcome : result.outcomes()) {
                for (int i = 0; i < result.paths().size(); i++) {
                    if (outcome.sobol() != null) {
                        Saltelli.Estimate first = outcome.sobol().firstOrder()[i];
                        Saltelli.Estimate total = outcome.sobol().totalOrder()[i];
                        csv.printRecord(outcome.id(), result.paths().get(i), f(first.value()), f(first.low()),
                                f(first.high()), f(total.value()), f(total.low()), f(total.high()));
                    } else {
                        Morris.Result morris = outcome.morris();
                        csv.printRecord(outcome.id(), result.paths().get(i), f(morris.muStar()[i]),
                                f(morris.muStarLow()[i]), f(morris.muStarHigh()[i]),
                                f(morris.mu()[i]), f(morris.sigma()[i]));
                    }
                }
            }
        }
    }

    private static void writeSecondOrder(SensitivityResult result, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord("outcome", "parameter_1", "parameter_2", "S2", "S2_low", "S2_high");
            int k = result.paths().size();
            for (SensitivityResult.Outcome outcome : result.outcomes()) {
                for (int i = 0; i < k; i++) {
                    for (int m = i + 1; m < k; m++) {
                        Saltelli.Estimate s2 = outcome.sobol().secondOrder()[i][m];
                        csv.printRecord(outcome.id(), result.paths().get(i), result.paths().get(m), f(s2.value()),
                                f(s2.low()), f(s2.high()));
                    }
                }
            }
        }
    }

    /**
     * One row per point: which sample (Sobol': base sample and matrix A, B, AB_i, BA_i; Morris:
     * trajectory and step), the parameter values, then each outcome's value there.
     */
    private static void writeSamples(SensitivityResult result, Path file) throws IOException {
        SensitivityPlan plan = result.plan();
        int k = result.paths().size();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            List<String> header = new ArrayList<>(List.of("point", plan.sobol() ? "sample" : "trajectory",
                    plan.sobol() ? "matrix" : "step"));
            header.addAll(result.paths());
            String suffix = result.contrasted() ? "_contrast" : "";
            result.values().keySet().forEach(id -> header.add(id + suffix));
            csv.printRecord(header);
            int block = plan.sobol() ? Saltelli.blockSize(k, plan.secondOrder()) : k + 1;
            for (int p = 0; p < result.points().size(); p++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(p), Integer.toString(p / block),
                        plan.sobol() ? matrix(p % block, k, plan.secondOrder()) : Integer.toString(p % block)));
                row.addAll(result.points().get(p));
                for (double[] values : result.values().values()) {
                    row.add(f(values[p]));
                }
                csv.printRecord(row);
            }
        }
    }

    private static String matrix(int position, int k, boolean secondOrder) {
        if (position == 0) {
            return "A";
        }
        if (position <= k) {
            return "AB_" + position;
        }
        if (secondOrder && position <= 2 * k) {
            return "BA_" + (position - k);
        }
        return "B";
    }

    /** The --json document: method, then per outcome each parameter's indices (null where undefined). */
    public static Map<String, Object> jsonOf(SensitivityResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", result.plan().method());
        if (result.contrasted()) {
            json.put("contrast", result.plan().contrast());
        }
        List<Object> outcomes = new ArrayList<>();
        for (SensitivityResult.Outcome outcome : result.outcomes()) {
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < result.paths().size(); i++) {
                Map<String, Object> parameter = new LinkedHashMap<>();
                parameter.put("path", result.paths().get(i));
                if (outcome.sobol() != null) {
                    parameter.put("S1", number(outcome.sobol().firstOrder()[i].value()));
                    parameter.put("S1_conf", number(outcome.sobol().firstOrder()[i].conf()));
                    parameter.put("ST", number(outcome.sobol().totalOrder()[i].value()));
                    parameter.put("ST_conf", number(outcome.sobol().totalOrder()[i].conf()));
                } else {
                    parameter.put("mu_star", number(outcome.morris().muStar()[i]));
                    parameter.put("mu_star_low", number(outcome.morris().muStarLow()[i]));
                    parameter.put("mu_star_high", number(outcome.morris().muStarHigh()[i]));
                    parameter.put("sigma", number(outcome.morris().sigma()[i]));
                }
                parameters.add(parameter);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("outcome", outcome.id());
            entry.put("parameters", parameters);
            outcomes.add(entry);
        }
        json.put("outcomes", outcomes);
        List<Object> skipped = new ArrayList<>();
        for (SensitivityResult.Skipped skip : result.skipped()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("outcome", skip.id());
            entry.put("reason", skip.reason());
            skipped.add(entry);
        }
        json.put("skipped", skipped);
        return json;
    }

    /** A JSON number, rounded as in the CSV files; null for NaN, which JSON cannot hold. */
    private static Object number(double value) {
        return Double.isNaN(value) ? null : Numbers.round(value);
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "" : Numbers.format(value);
    }

    private static void report(Sensitivity analysis, SensitivityResult result, List<Path> charts) throws IOException {
        SensitivityPlan plan = result.plan();
        String title = "Plenary sensitivity: " + analysis.scenarioName();
        Html html = new Html(title);
        html.heading(1, title);
        html.paragraph(SensitivityCharts.subtitle(result) + ". " + analysis.replications()
                + " replications per point; each outcome is the mean over them. Parameters and ranges: "
                + String.join(", ", plan.ranges()) + ". The runs are a sweep in sweep/"
                + (result.contrasted() ? " and contrast/" : "") + " (sweep.csv: every replication).", true);
        html.paragraph(plan.sobol()
                ? "S1: the share of the outcome's variance due to the parameter alone; ST: including its interactions"
                        + " (Saltelli et al. 2010; Jansen 1999). ST near 0: the parameter can be fixed anywhere in its"
                        + " range. Intervals: estimate +- 1.96 bootstrap standard deviations (" + plan.bootstrap()
                        + " resamples)."
                : "mu*: mean absolute change of the outcome when the parameter moves by 2/3 of its range (scaled to"
                        + " the whole range); sigma: how much that change depends on the other parameters (Morris"
                        + " 1991; Campolongo et al. 2007). mu* near 0: the parameter barely matters. Intervals: 2.5th"
                        + " and 97.5th percentiles of mu* over " + plan.bootstrap() + " bootstrap resamples of the"
                        + " trajectories.", false);
        html.heading(2, "Indices");
        int k = result.paths().size();
        List<List<String>> rows = new ArrayList<>();
        for (SensitivityResult.Outcome outcome : result.outcomes()) {
            for (int i : SensitivityResult.ranking(outcome, k)) {
                if (outcome.sobol() != null) {
                    Saltelli.Estimate first = outcome.sobol().firstOrder()[i];
                    Saltelli.Estimate total = outcome.sobol().totalOrder()[i];
                    rows.add(List.of(outcome.id(), result.paths().get(i), interval(first), interval(total)));
                } else {
                    Morris.Result morris = outcome.morris();
                    int decimals = decimals(morris.muStarLow()[i], morris.muStarHigh()[i]);
                    rows.add(List.of(outcome.id(), result.paths().get(i), withInterval(morris.muStar()[i],
                            morris.muStarLow()[i], morris.muStarHigh()[i]), fixed(morris.sigma()[i], decimals)));
                }
            }
        }
        html.table(plan.sobol() ? List.of("outcome", "parameter", "S1 [95%]", "ST [95%]")
                : List.of("outcome", "parameter", "mu* [95%]", "sigma"), rows);
        html.paragraph("Each estimate is rounded to two significant digits of its interval's width; sigma to the"
                + " decimals of its parameter's mu*. indices.csv holds them unrounded.", true);
        if (!result.skipped().isEmpty()) {
            html.heading(2, "Outcomes not analysed");
            html.table(List.of("outcome", "why"), result.skipped().stream()
                    .map(s -> List.of(s.id(), s.reason())).toList());
        }
        html.heading(2, "Charts");
        for (Path chart : charts) {
            html.image(chart, chart.getFileName().toString().replace(".png", "").replace('-', ' '));
        }
        html.write(analysis.directory().resolve("report.html"));
    }

    private static String interval(Saltelli.Estimate estimate) {
        return withInterval(estimate.value(), estimate.low(), estimate.high());
    }

    /**
     * An estimate and its interval, "4.2 [3.1, 5.6]", to the decimals the interval supports: two
     * significant digits of its width (six decimals at most, as in the CSV files).
     */
    static String withInterval(double value, double low, double high) {
        int decimals = decimals(low, high);
        return fixed(value, decimals) + " [" + fixed(low, decimals) + ", " + fixed(high, decimals) + "]";
    }

    /** Decimals that keep two significant digits of an interval's width; six when it has none. */
    static int decimals(double low, double high) {
        double width = high - low;
        if (!(width > 0) || !Double.isFinite(width)) {
            return 6;
        }
        return Math.max(0, Math.min(6, 1 - (int) Math.floor(Math.log10(width))));
    }

    /** A number with at most the given decimals, trailing zeros kept (they state the precision); blank for NaN. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return f(value);
        }
        String text = new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        return decimals == 6 ? Numbers.format(Numbers.round(value)) : text;
    }
}
