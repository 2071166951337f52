package org.plenary.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.results.Html;
import org.plenary.results.Numbers;

/** report.html of a sweep: the plan, per-point outcome means and every chart, self-contained. */
final class SweepReport {
    private SweepReport() {
    }

    static void write(Sweep sweep, SweepSummary summary, List<Path> charts) throws IOException {
        SweepPlan plan = sweep.plan();
        Html html = new Html("Plenary sweep: " + sweep.base().name());
        html.heading(1, "Plenary sweep: " + sweep.base().name());
        html.paragraph(plan.points().size() + " points (" + plan.design() + " over " + String.join(", ", plan.paths())
                + "), " + sweep.base().replications() + " replications each; seeds hashed from (master seed "
                + sweep.base().seed() + ", point, replication). Every row is in sweep.csv.", true);
        html.heading(2, "Mean outcome at each point");
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(plan.paths());
        header.addAll(summary.outcomes().keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < plan.points().size(); p++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(p)));
            row.addAll(plan.points().get(p));
            for (Map.Entry<String, SummaryStatistics[]> outcome : summary.outcomes().entrySet()) {
                SummaryStatistics statistics = outcome.getValue()[p];
                row.add(statistics.getN() == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", statistics.getMean()));
            }
            rows.add(row);
        }
        html.paragraph("Means to three decimals; sweep-points.csv has them in full with 95% intervals.", true);
        html.compactTable(header, rows);
        html.heading(2, "Charts");
        List<String> constant = new ArrayList<>();
        for (String outcome : summary.outcomes().keySet()) {
            double value = summary.constantValue(outcome);
            if (!Double.isNaN(value)) {
                constant.add(outcome + " = " + Numbers.format(value));
            }
        }
        if (!constant.isEmpty()) {
            html.paragraph("Not charted, the same at every point and in every replication: "
                    + String.join("; ", constant) + ".", false);
        }
        String over = plan.paths().size() > 2 ? ", averaged over the other swept parameters" : "";
        for (Path chart : charts) {
            String name = chart.getFileName().toString();
            html.image(chart, name.startsWith("heatmap-")
                    ? "Heatmap: mean outcome in each cell of two swept parameters" + over
                            + " (shares on a fixed 0-1 colour scale). " + name
                    : "Mean outcome against " + plan.paths().get(0)
                            + ", with its 95% band over replications (Wilson interval for shares). " + name);
        }
        html.write(sweep.directory().resolve("report.html"));
    }
}
