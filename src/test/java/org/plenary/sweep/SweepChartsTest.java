package org.plenary.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What sweep charts and sweep-points.csv show for shares, constant outcomes and sampled designs. */
class SweepChartsTest {
    @TempDir
    Path dir;

    /** Item x is always adopted by consensus; its decision round rises with the parameter p. */
    private SweepSummary summary(SweepPlan plan, int replications) throws IOException {
        StringBuilder csv = new StringBuilder("point,replication,x.state,x.round,coalitions\n");
        for (int point = 0; point < plan.points().size(); point++) {
            for (int r = 1; r <= replications; r++) {
                // consensus in all but one replication of point 0, so the share there is just under 1
                String state = point == 0 && r == 1 ? "failed" : "consensus";
                csv.append(point).append(',').append(r).append(',').append(state).append(',')
                        .append(point + r % 3).append(",2\n");
            }
        }
        Path file = dir.resolve("sweep.csv");
        Files.writeString(file, csv);
        return SweepSummary.read(file, plan, List.of("x.state", "x.round", "coalitions"));
    }

    private static SweepPlan grid(int values) {
        List<List<String>> points = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            points.add(List.of(Integer.toString(v)));
        }
        return new SweepPlan(List.of("p"), points, "grid");
    }

    @Test
    void sharesHaveWilsonIntervalsInsideZeroOne() throws IOException {
        SweepPlan plan = grid(3);
        SweepSummary summary = summary(plan, 6);
        Path points = dir.resolve("sweep-points.csv");
        summary.writeCsv(points);
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(points))) {
            for (CSVRecord row : csv) {
                double high = Double.parseDouble(row.get("x_consensus_share_ci95_high"));
                double low = Double.parseDouble(row.get("x_consensus_share_ci95_low"));
                assertTrue(high <= 1 && low >= 0, row.toString());
                assertTrue(low < Double.parseDouble(row.get("x_consensus_share_mean")), "a real interval below 1");
            }
        }
        JFreeChart line = SweepCharts.line(plan, "x consensus share", summary.outcomes().get("x consensus share"));
        XYPlot plot = line.getXYPlot();
        assertEquals(0, plot.getRangeAxis().getLowerBound(), 0.05);
        assertEquals(1, plot.getRangeAxis().getUpperBound(), 0.05);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        for (int i = 0; i < data.getItemCount(0); i++) {
            assertTrue(data.getEndYValue(0, i) <= 1.0);
        }
        assertTrue(line.getSubtitle(0).toString().length() > 0);
    }

    @Test
    void constantOutcomesAreNotDrawnAndAreNamed() throws IOException {
        SweepPlan plan = grid(3);
        SweepSummary summary = summary(plan, 4);
        assertEquals(2.0, summary.constantValue("coalitions"));
        assertTrue(Double.isNaN(summary.constantValue("x decision round")));
        assertTrue(Double.isNaN(summary.constantValue("x consensus share")), "one failed replication at point 0");
        List<Path> files = SweepCharts.write(summary, Files.createDirectories(dir.resolve("charts")));
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().contains("coalitions")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().contains("decision-round")));
    }

    @Test
    void sampledDesignsUseFewerBinsSoHeatmapCellsAreFilled() throws IOException {
        List<List<String>> points = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            points.add(List.of(Double.toString(p / 40.0), Double.toString(((p * 7) % 40) / 40.0)));
        }
        SweepPlan plan = new SweepPlan(List.of("a", "b"), points, "lhs");
        SweepSummary summary = summary(plan, 2);
        JFreeChart heatmap = SweepCharts.heatmap(plan, 0, 1, "x consensus share",
                summary.outcomes().get("x consensus share"));
        XYPlot plot = heatmap.getXYPlot();
        int columns = ((SymbolAxis) plot.getDomainAxis()).getSymbols().length;
        int rows = ((SymbolAxis) plot.getRangeAxis()).getSymbols().length;
        assertEquals(4, columns, "40 points: about two per cell in a 4 x 4 grid");
        assertEquals(4, rows);
        assertTrue(plot.getDataset().getItemCount(0) >= 12, "most of the 16 cells hold points");
        XYBlockRenderer renderer = (XYBlockRenderer) plot.getRenderer();
        assertEquals(0, renderer.getPaintScale().getLowerBound());
        assertEquals(1, renderer.getPaintScale().getUpperBound());
        assertFalse(heatmap.getTitle().getText().isEmpty());
    }

    @Test
    void heatmapCellsPrintTheirValueReadablyOnTheirColour() {
        List<List<String>> points = List.of(List.of("0", "0"), List.of("0", "1"), List.of("1", "0"), List.of("1", "1"));
        SweepPlan plan = new SweepPlan(List.of("a", "b"), points, "grid");
        double[][] replications = {{2, 4}, {10}, {1.5, 1.5}, {7, 8, 9}};
        org.apache.commons.math3.stat.descriptive.SummaryStatistics[] byPoint =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics[4];
        for (int p = 0; p < 4; p++) {
            byPoint[p] = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
            for (double value : replications[p]) {
                byPoint[p].addValue(value);
            }
        }
        XYPlot plot = SweepCharts.heatmap(plan, 0, 1, "x decision round", byPoint).getXYPlot();
        // cell (column a, row b): mean over its replications
        List<String> expected = List.of("0,0 3 white", "0,1 10 black", "1,0 1.5 white", "1,1 8 black");
        List<String> drawn = new ArrayList<>();
        for (Object annotation : plot.getAnnotations()) {
            var text = (org.jfree.chart.annotations.XYTextAnnotation) annotation;
            drawn.add((int) text.getX() + "," + (int) text.getY() + " " + text.getText() + " "
                    + (text.getPaint().equals(java.awt.Color.WHITE) ? "white" : "black"));
        }
        assertEquals(expected, drawn, "white on the dark low end of viridis, black on its light high end");

        byPoint[1] = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        byPoint[1].addValue(0.456);
        XYPlot shares = SweepCharts.heatmap(plan, 0, 1, "x consensus share", byPoint).getXYPlot();
        assertEquals("0.46", ((org.jfree.chart.annotations.XYTextAnnotation) shares.getAnnotations().get(1)).getText(),
                "shares to two decimals");
        assertEquals("1235", SweepCharts.cellText(1234.56, false), "whole digits are never rounded away");
        assertEquals("12.3", SweepCharts.cellText(12.345, false));
        assertEquals("0.00123", SweepCharts.cellText(0.0012345, false));
    }
}
