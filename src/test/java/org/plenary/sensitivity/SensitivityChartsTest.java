package org.plenary.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** What the charts draw, on the Ishigami function whose ranking is known (x1, then x2, then x3 by ST). */
class SensitivityChartsTest {
    private static final List<String> PATHS = List.of("x1", "x2", "x3");

    private static SensitivityResult ishigami() {
        AnalyticFunctions.Ishigami function = new AnalyticFunctions.Ishigami(7, 0.1);
        int n = 256;
        double[][] unit = Saltelli.sample(3, n, false);
        double[] y = Arrays.stream(unit).mapToDouble(function::value).toArray();
        Saltelli.Result result = Saltelli.estimate(y, 3, n, false, 100, 1);
        List<SensitivityResult.Step> steps = List.of(new SensitivityResult.Step(128, new double[] {0.3, 0.4, 0},
                new double[] {0.5, 0.4, 0.2}), new SensitivityResult.Step(256, new double[] {0.31, 0.44, 0},
                new double[] {0.55, 0.44, 0.24}));
        SensitivityPlan plan = new SensitivityPlan("sobol", List.of("x1=0:1", "x2=0:1", "x3=0:1"), n, 4, false, 100,
                List.of(), List.of(), 1);
        LinkedHashMap<String, double[]> values = new LinkedHashMap<>();
        values.put("y", y);
        return new SensitivityResult(plan, PATHS, unit, List.of(), values,
                List.of(new SensitivityResult.Outcome("y", result, null, steps)), List.of(), false);
    }

    @Test
    void indicesAreBarsSortedByTotalOrderWithTheirIntervals() {
        SensitivityResult result = ishigami();
        SensitivityResult.Outcome outcome = result.outcomes().get(0);
        JFreeChart chart = SensitivityCharts.indices(result, outcome);
        assertEquals("Sobol' indices: y", chart.getTitle().getText());
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals(List.of("x1", "x2", "x3"), data.getColumnKeys(), "most important first");
        assertEquals(List.of("first order S1", "total order ST"), data.getRowKeys());
        for (int i = 0; i < 3; i++) {
            assertEquals(outcome.sobol().totalOrder()[i].value(), data.getMeanValue(1, i).doubleValue(), 1e-12);
            assertEquals(outcome.sobol().totalOrder()[i].conf(), data.getStdDevValue(1, i).doubleValue(), 1e-12,
                    "the whisker is the 95% half-width");
        }
    }

    @Test
    void convergenceDrawsEachIndexAgainstTheSampleSize() {
        SensitivityResult result = ishigami();
        JFreeChart chart = SensitivityCharts.convergence(result, result.outcomes().get(0));
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(6, data.getSeriesCount(), "ST and S1 of three parameters");
        assertEquals("ST x1", data.getSeriesKey(0));
        assertEquals(256, data.getXValue(0, 1), 0);
        assertEquals(0.55, data.getYValue(0, 1), 0);
    }

    private static SensitivityResult morris() {
        Morris.Result morris = new Morris.Result(new double[] {2, 0.5, 0}, new double[] {1.9, 0.1, 0},
                new double[] {2.1, 1.4, 0}, new double[] {2, -0.5, 0}, new double[] {0.3, 0.9, 0});
        SensitivityPlan plan = new SensitivityPlan("morris", List.of("x1=0:1", "x2=0:1", "x3=0:1"), 10, 4, false, 100,
                List.of(), List.of(), 1);
        return new SensitivityResult(plan, PATHS, new double[0][], List.of(), new LinkedHashMap<>(),
                List.of(new SensitivityResult.Outcome("y", null, morris, List.of())), List.of(), false);
    }

    @Test
    void muStarWhiskersRunFromTheIntervalsLowToItsHighEnd() {
        SensitivityResult result = morris();
        CategoryPlot plot = (CategoryPlot) SensitivityCharts.indices(result, result.outcomes().get(0)).getPlot();
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) plot.getDataset();
        assertEquals(List.of("x1", "x2", "x3"), data.getColumnKeys());
        assertEquals(null, data.getStdDevValue(0, 1), "no symmetric whisker: 0.5 [0.1, 1.4] is not 0.5 +- anything");
        List<String> whiskers = new java.util.ArrayList<>();
        for (Object annotation : plot.getAnnotations()) {
            var line = (org.jfree.chart.annotations.CategoryLineAnnotation) annotation;
            whiskers.add(line.getCategory1() + " " + line.getValue1() + "-" + line.getCategory2() + " " + line.getValue2());
        }
        assertEquals(List.of("x1 1.9-x1 2.1", "x2 0.1-x2 1.4", "x3 0.0-x3 0.0"), whiskers);
        assertTrue(plot.getRangeAxis().getUpperBound() >= 2.1, "room for the longest whisker");
    }

    @Test
    void theMorrisPlanePlacesEachParameterAtMuStarAndSigma() {
        SensitivityResult result = morris();
        XYDataset data = ((XYPlot) SensitivityCharts.morrisPlane(result, result.outcomes().get(0)).getPlot()).getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals("x2", data.getSeriesKey(1));
        assertEquals(0.5, data.getXValue(1, 0), 0);
        assertEquals(0.9, data.getYValue(1, 0), 0);
        assertTrue(SensitivityCharts.subtitle(result).contains("r = 10 trajectories"));
    }
}
