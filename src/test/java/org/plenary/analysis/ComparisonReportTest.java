package org.plenary.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison report leads with the answer, its charts show differences with bands and events,
 * and compare picks runs from scenario folders and warns about identical ones.
 */
class ComparisonReportTest {
    @TempDir
    static Path dir;
    static Path baseline;
    static Path withdrawal;

    @BeforeAll
    static void runBothScenarios() throws IOException {
        for (String[] side : List.of(new String[] {"baseline", "events=[]"}, new String[] {"withdrawal", "seed=1"})) {
            String[] result = CompareTest.run("run", "scenarios/small-assembly.yaml", "--replications", "8", "--rounds",
                    "45", "--seed", "1", "--keep", "items", "--set", side[1], "--out", dir.resolve(side[0]).toString());
            assertEquals("0", result[0], result[2]);
        }
        String[] reseeded = CompareTest.run("run", "scenarios/small-assembly.yaml", "--replications", "8", "--rounds",
                "45", "--seed", "2", "--keep", "items", "--out", dir.resolve("reseeded").toString());
        assertEquals("0", reseeded[0], reseeded[2]);
        baseline = dir.resolve("baseline/small-assembly");
        withdrawal = dir.resolve("withdrawal/small-assembly");
    }

    @Test
    void reportOpensWithTheOutcomesThatDifferThenChartsThenTheFullTable() throws IOException {
        Path out = dir.resolve("comparison");
        String[] result = CompareTest.run("compare", baseline.toString(), withdrawal.toString(), "--out", out.toString());
        assertEquals("0", result[0], result[2]);
        String html = Files.readString(out.resolve("report.html"));
        List<String> headings = new ArrayList<>();
        Matcher h2 = Pattern.compile("<h2>([^<]*)</h2>").matcher(html);
        while (h2.find()) {
            headings.add(h2.group(1));
        }
        assertEquals(List.of("Outcomes that differ (p &lt; 0.05)", "Outcomes not shown to differ", "Charts", "Full table"),
                headings);
        String differ = html.substring(html.indexOf("Outcomes that differ"), html.indexOf("Outcomes not shown"));
        assertTrue(differ.contains("<th>difference</th><th>95% interval</th><th>p</th>"), differ);
        assertTrue(differ.contains("res-hr-standards \u00b7 text in force \u00b7 mandate_scope"),
                "the withdrawal moves the human-rights text: " + differ);
        int firstTableRowCells = differ.substring(differ.indexOf("<thead>"), differ.indexOf("</thead>"))
                .split("<th>", -1).length - 1;
        assertTrue(firstTableRowCells <= 7, "a readable table, not 14 columns");
        assertTrue(html.indexOf("<figure>") > html.indexOf("Outcomes not shown"), "charts after the answer");
        assertTrue(html.indexOf("<div class=\"scroll\"><table class=\"compact\">") > html.lastIndexOf("<figure>"),
                "the full table last, in a box that scrolls rather than widen the page");
        Matcher captions = Pattern.compile("<figcaption>([^<]*)</figcaption>").matcher(html);
        assertTrue(captions.find());
        assertTrue(captions.group(1).startsWith("Difference in the draft text"), "difference charts first: "
                + captions.group(1));
        assertTrue(result[1].contains("detectable_difference"), result[1]);
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(csv.get(0).endsWith("difference_ci95_low,difference_ci95_high,detectable_difference,replications_needed"));
    }

    @Test
    void eachRowsIntervalAndPComeFromThePairedTestWhenSeedsAreShared() throws IOException,
            org.plenary.scenario.InputException {
        Path out = dir.resolve("paired");
        String[] result = CompareTest.run("compare", baseline.toString(), withdrawal.toString(), "--out", out.toString());
        assertEquals("0", result[0], result[2]);
        List<org.apache.commons.csv.CSVRecord> rows;
        try (var csv = SavedRun.parse(out.resolve("comparison.csv"))) {
            rows = csv.getRecords();
        }
        SavedRun reference = SavedRun.read(latest(baseline));
        SavedRun scenario = SavedRun.read(latest(withdrawal));
        int checked = 0;
        for (var row : rows) {
            assertEquals("paired-t", row.get("test"), "the runs share master seed 1");
            String key = (row.get("item").isEmpty() ? "assembly" : row.get("item")) + "/" + row.get("outcome")
                    + (row.get("dimension").isEmpty() ? "" : "/" + row.get("dimension"));
            var a = reference.byReplication(key);
            var b = scenario.byReplication(key);
            // Independently: the differences over replications present in both, mean +- t(n-1) sd / sqrt(n).
            double[] d = a.keySet().stream().filter(b::containsKey).mapToDouble(r -> b.get(r) - a.get(r)).toArray();
            if (d.length < 2) {
                continue;
            }
            double mean = java.util.Arrays.stream(d).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
            var t = new org.apache.commons.math3.distribution.TDistribution(d.length - 1);
            double half = t.inverseCumulativeProbability(0.975) * sd / Math.sqrt(d.length);
            assertEquals(mean, Double.parseDouble(row.get("difference")), 1e-6, key);
            assertEquals(mean - half, Double.parseDouble(row.get("difference_ci95_low")), 1e-6, key);
            assertEquals(mean + half, Double.parseDouble(row.get("difference_ci95_high")), 1e-6, key);
            assertEquals(row.get("paired_t_p"), row.get("p"), key);
            if (sd > 0) {
                double p = 2 * t.cumulativeProbability(-Math.abs(mean) / (sd / Math.sqrt(d.length)));
                assertEquals(p, Double.parseDouble(row.get("p").replace("< 1e-300", "0")), Math.max(1e-4, p * 0.06), key);
            }
            checked++;
        }
        assertTrue(checked > 10, "most outcomes vary: " + checked);

        String html = Files.readString(out.resolve("report.html"));
        String same = html.substring(html.indexOf("Outcomes not shown to differ"), html.indexOf("<h2>Charts"));
        Matcher intervals = Pattern.compile("\\[(-?[0-9.]+), (-?[0-9.]+)\\]").matcher(same);
        while (intervals.find()) {
            double low = Double.parseDouble(intervals.group(1));
            double high = Double.parseDouble(intervals.group(2));
            assertTrue(low <= 0 && 0 <= high, "an interval that excludes 0 is under 'not shown to differ': " + low
                    + ", " + high);
        }

        Path welch = dir.resolve("welch");
        String[] unpaired = CompareTest.run("compare", baseline.toString(), dir.resolve("reseeded/small-assembly").toString(),
                "--out", welch.toString());
        assertEquals("0", unpaired[0], unpaired[2]);
        try (var csv = SavedRun.parse(welch.resolve("comparison.csv"))) {
            for (var row : csv) {
                assertEquals("welch", row.get("test"), "seeds 1 and 2");
                assertEquals(row.get("welch_p"), row.get("p"));
                assertEquals("", row.get("paired_t_p"));
            }
        }
    }

    @Test
    void pairedDifferenceBandsAreZeroWhereTheRunsCoincide() throws IOException, org.plenary.scenario.InputException {
        List<SavedRun> runs = List.of(SavedRun.read(latest(baseline)), SavedRun.read(latest(withdrawal)));
        JFreeChart chart = new ComparisonCharts(runs).difference("t", "position difference",
                run -> run.draftByRound("res-hr-standards", "mandate_scope"));
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        double[][] before = runs.get(0).draftByRound("res-hr-standards", "mandate_scope");
        // The variant's first event is at round 5: up to round 4 each replication is the same in both runs.
        double spread = TwoSampleTests.stats(java.util.Arrays.stream(before).mapToDouble(r -> r[4]).toArray())
                .getStandardDeviation();
        assertTrue(spread > 0, "the draft varies over replications by round 4, so an unpaired band would not be 0");
        for (int t = 0; t <= 4; t++) {
            assertEquals(0.0, data.getYValue(0, t), 1e-12, "round " + t);
            assertEquals(0.0, data.getStartYValue(0, t), 1e-12, "no band where the runs coincide, round " + t);
            assertEquals(0.0, data.getEndYValue(0, t), 1e-12, "round " + t);
        }
        int last = data.getItemCount(0) - 1;
        assertTrue(data.getEndYValue(0, last) - data.getStartYValue(0, last) > 0, "a band once the runs differ");
        assertTrue(subtitles(chart).contains("paired t over matched replications"),
                subtitles(chart));
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle title) {
                text.append(title.getText()).append(' ');
            }
        }
        return text.toString();
    }

    @Test
    void differenceChartsHaveABandAZeroLineAndTheEvents() throws IOException, org.plenary.scenario.InputException {
        List<SavedRun> runs = List.of(SavedRun.read(latest(baseline)), SavedRun.read(latest(withdrawal)));
        runs.get(1).setLabel("withdrawal");
        ComparisonCharts charts = new ComparisonCharts(runs);
        JFreeChart chart = charts.difference("t", "position difference",
                run -> run.draftByRound("res-hr-standards", "mandate_scope"));
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(1, data.getSeriesCount());
        assertEquals("withdrawal \u2212 small-assembly", data.getSeriesKey(0).toString());
        assertEquals(0.0, data.getYValue(0, 0), 1e-12, "the same start: no difference at round 0");
        double last = data.getYValue(0, data.getItemCount(0) - 1);
        assertTrue(data.getStartYValue(0, data.getItemCount(0) - 1) <= last
                && last <= data.getEndYValue(0, data.getItemCount(0) - 1));
        List<String> events = new ArrayList<>();
        for (Object marker : plot.getDomainMarkers(Layer.FOREGROUND)) {
            events.add(((Marker) marker).getLabel());
        }
        assertTrue(events.stream().anyMatch(e -> e.startsWith("withdrawal: ") && e.contains("USA withdraws")),
                "events of the variant only, named by run: " + events);
        assertTrue(plot.getRangeMarkers(Layer.FOREGROUND).stream().anyMatch(m -> ((Marker) m).getLabel() == null),
                "a zero line");

        JFreeChart levels = new ComparisonCharts(List.of(runs.get(0), SavedRun.read(latest(baseline))))
                .levels("t", "s", "a", run -> run.draftByRound("res-hr-standards", "mandate_scope"));
        assertTrue(levels.getXYPlot().getDataset().getSeriesKey(1).toString().contains("(identical to"),
                "identical runs say so in the legend");
    }

    @Test
    void scenarioFoldersStandForTheirLatestRunAndIdenticalRunsAreWarned() throws IOException {
        String[] again = CompareTest.run("run", "scenarios/small-assembly.yaml", "--replications", "8", "--rounds", "45",
                "--seed", "1", "--keep", "none", "--set", "events=[]", "--out", dir.resolve("baseline").toString());
        assertEquals("0", again[0], again[2]);
        Path out = dir.resolve("duplicates");
        try (var runs = Files.list(baseline)) {
            List<String> both = runs.map(Path::toString).sorted().toList();
            assertEquals(2, both.size());
            String[] result = CompareTest.run("compare", both.get(0), both.get(1), "--out", out.toString());
            assertEquals("0", result[0], result[2]);
            assertTrue(result[2].contains("warning:") && result[2].contains("identical"), result[2]);
        }
        String[] folders = CompareTest.run("compare", baseline.toString(), withdrawal.toString(), "--out",
                dir.resolve("folders").toString());
        assertEquals("0", folders[0], folders[2]);
        assertTrue(folders[2].contains("using its latest run"), folders[2]);
        String html = Files.readString(dir.resolve("duplicates/report.html"));
        assertTrue(html.contains("<p class=\"warning\">"), "the report warns too");

        String[] one = CompareTest.run("compare", baseline.toString());
        assertEquals("2", one[0]);
        assertTrue(one[2].contains("give at least two results") && !one[2].contains("positional parameter"), one[2]);
        String[] comparison = CompareTest.run("compare", out.toString(), baseline.toString());
        assertEquals("2", comparison[0]);
        assertTrue(comparison[2].contains("is a comparison directory"), comparison[2]);
        String[] report = CompareTest.run("report", out.toString());
        assertEquals("2", report[0]);
        assertTrue(report[2].contains("is a comparison directory"), report[2]);
    }

    @Test
    void pValuesNeverPrintAsZero() {
        assertEquals("< 1e-300", Comparison.pValue(0.0));
        assertEquals("3.0e-05", Comparison.pValue(3e-5));
        assertEquals("0.0421", Comparison.pValue(0.0421));
    }

    @Test
    void detectableDifferenceAndReplicationsFollowTheNormalApproximation() {
        double[] a = {0, 1, 0, 1, 0, 1, 0, 1};
        double[] b = {1, 1, 0, 1, 1, 1, 0, 1};
        // sd^2 of a = 0.2857, of b = 0.2143: detectable = 2.8016 * sqrt((0.2857 + 0.2143) / 8) = 0.7004
        assertEquals(0.7004, Precision.detectable(a, b), 1e-3);
        // n = 2.8016^2 * 0.5 / 0.1^2 = 392.4 -> 393
        assertEquals(393, Precision.replicationsFor(a, b, 0.1));
        assertTrue(Double.isNaN(Precision.detectable(new double[] {1, 1}, new double[] {1, 1})));
        double[] interval = Precision.differenceInterval(a, b);
        assertTrue(interval[0] < 0.25 && 0.25 < interval[1]);
    }

    private static Path latest(Path folder) throws IOException {
        try (var runs = Files.list(folder)) {
            return runs.filter(p -> Files.exists(p.resolve("outcomes.csv"))).sorted().toList().get(0);
        }
    }
}
