package org.plenary.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.results.RunReport;
import org.plenary.testing.Scenarios;
import picocli.CommandLine;

/** compare and report, through the real command line, on real runs of the bundled scenario. */
class CompareTest {
    @TempDir
    static Path dir;
    static Path baseline;
    static Path withdrawal;

    static String[] run(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @BeforeAll
    static void runBothScenarios() throws IOException {
        run("run", "scenarios/small-assembly.yaml", "--replications", "12", "--set", "events=[]",
                "--out", dir.resolve("baseline").toString());
        run("run", "scenarios/small-assembly.yaml", "--replications", "12", "--keep", "none",
                "--out", dir.resolve("withdrawal").toString());
        baseline = only(dir.resolve("baseline/small-assembly"));
        withdrawal = only(dir.resolve("withdrawal/small-assembly"));
    }

    static Path only(Path parent) throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            List<Path> runs = files.toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    @Test
    void keepNoneWritesOnlyOutcomesAndSummaries() {
        assertTrue(Files.exists(withdrawal.resolve("outcomes.csv")));
        assertTrue(Files.exists(withdrawal.resolve("replications.csv")));
        assertTrue(Files.exists(withdrawal.resolve("summary.json")));
        assertTrue(Files.notExists(withdrawal.resolve("rounds.csv")));
        assertTrue(Files.notExists(withdrawal.resolve("items.csv")));
        assertTrue(Files.exists(baseline.resolve("rounds.csv")));
    }

    /** An item's text in force on a dimension, per replication, from outcomes.csv (adopting rows only, if asked). */
    private static double[] outcomeColumn(Path run, String item, String dimension, boolean adoptedOnly)
            throws IOException {
        try (org.apache.commons.csv.CSVParser csv = SavedRun.parse(run.resolve("outcomes.csv"))) {
            return csv.stream().filter(row -> row.get("item").equals(item))
                    .filter(row -> !adoptedOnly || row.get("state").equals("consensus")
                            || row.get("state").equals("vote-adopted"))
                    .mapToDouble(row -> Double.parseDouble(row.get(dimension))).toArray();
        }
    }

    private static boolean isPng(Path file) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        return image != null && image.getWidth() > 0 && image.getHeight() > 0;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    @Test
    void compareWritesATableWithPValuesChartsAndAReport() throws IOException {
        Path out = dir.resolve("comparison");
        String[] result = run("compare", baseline.toString(), withdrawal.toString(), "--labels", "baseline,withdrawal",
                "--out", out.toString());
        assertEquals("0", result[0], result[2]);
        List<String> lines = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(String.join(",", Comparison.COLUMNS), lines.get(0));
        // The table's numbers are the saved outcomes' own: recompute them from outcomes.csv.
        String textRow = lines.stream().filter(l -> l.startsWith("text in force,res-hr-standards,human_rights,"))
                .findFirst().orElseThrow();
        String[] cells = textRow.split(",");
        assertEquals("baseline", cells[3]);
        assertEquals("withdrawal", cells[4]);
        double[] reference = outcomeColumn(baseline, "res-hr-standards", "human_rights", false);
        double[] scenario = outcomeColumn(withdrawal, "res-hr-standards", "human_rights", false);
        assertEquals(12, reference.length);
        assertEquals(mean(scenario) - mean(reference), Double.parseDouble(cells[9]), 1e-5, textRow);
        String adoptedRow = lines.stream().filter(l -> l.startsWith("adopted text,res-hr-standards,human_rights,"))
                .findFirst().orElseThrow();
        String[] adopted = adoptedRow.split(",");
        double[] adoptedReference = outcomeColumn(baseline, "res-hr-standards", "human_rights", true);
        double[] adoptedScenario = outcomeColumn(withdrawal, "res-hr-standards", "human_rights", true);
        assertEquals(adoptedReference.length, Integer.parseInt(adopted[5]), "n over adopting replications only");
        assertEquals(adoptedScenario.length, Integer.parseInt(adopted[6]));
        assertEquals(mean(adoptedScenario) - mean(adoptedReference), Double.parseDouble(adopted[9]), 1e-5);
        // What the charts draw is checked on the chart objects (ComparisonReportTest); here, that the files
        // written are images a browser can show.
        assertTrue(isPng(out.resolve("charts/compare-outcomes.png")));
        assertTrue(Files.notExists(out.resolve("charts/compare-difference-positions-human_rights.png")),
                "no difference chart when one run kept no per-round table");
        assertTrue(isPng(out.resolve("charts/compare-draft-res-hr-standards-human_rights.png")),
                "drafts by scenario, from the run that kept items.csv");
        assertTrue(Files.notExists(out.resolve("charts/compare-draft-back-to-basics-sovereignty.png")),
                "no chart for a dimension the item does not weight");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("withdrawal"));
    }

    @Test
    void compareRefusesIncompleteOrMismatchedRuns() throws IOException {
        Path incomplete = Files.createDirectories(dir.resolve("incomplete"));
        Files.copy(baseline.resolve("manifest.json"), incomplete.resolve("manifest.json"));
        String[] result = run("compare", baseline.toString(), incomplete.toString());
        assertEquals("2", result[0]);
        assertTrue(result[2].contains("incomplete results directory") && result[2].contains("summary.json"), result[2]);

        Path other = Scenarios.write(dir, "other.yaml", Scenarios.TWO_DIMENSIONS + """
                delegations:
                  - {id: X, position: {a: 0.2, b: 0.3}}
                """);
        run("run", other.toString(), "--out", dir.resolve("other").toString());
        String[] mismatch = run("compare", baseline.toString(), only(dir.resolve("other/test")).toString());
        assertEquals("2", mismatch[0]);
        assertTrue(mismatch[2].contains("dimensions") && mismatch[2].contains("cannot be compared"), mismatch[2]);
    }

    @Test
    void compareNeverWritesIntoADirectoryThatHoldsSomethingElse() {
        String[] result = run("compare", baseline.toString(), withdrawal.toString(), "--out", baseline.toString());
        assertEquals("2", result[0]);
        assertTrue(result[2].contains("not empty"), result[2]);
    }

    @Test
    void reportRegeneratesASelfContainedPage() throws IOException {
        Files.delete(baseline.resolve("report.html"));
        String[] result = run("report", baseline.toString());
        assertEquals("0", result[0], result[2]);
        String html = Files.readString(baseline.resolve("report.html"));
        for (String expected : List.of("small-assembly", "Outcomes by item", "res-hr-standards", "master_seed",
                "Seeds of every replication", "Resolved scenario")) {
            assertTrue(html.contains(expected), expected);
        }
        long images = html.split("data:image/png;base64,", -1).length - 1;
        assertEquals(RunReport.charts(baseline.resolve("charts")).size(), images, "every chart is embedded");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resources");
        assertEquals("2", run("report", dir.toString())[0]);
    }
}
