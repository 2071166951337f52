package org.plenary.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** What the backtest and calibration charts draw, read from the JFreeChart objects. */
class BacktestChartsTest {

    private static Backtest.Result result() {
        int[][] confusion = {{3, 1, 0, 0}, {0, 2, 0, 1}, {0, 0, 1, 0}};
        BallotScores.Scores item = new BallotScores.Scores(8, 0.75, 0.6, 1.2, 0.5, 0.625, confusion, 0.4);
        return new Backtest.Result(List.of(), List.of(new Backtest.ItemResult("res-1", item, null)), item, null, List.of());
    }

    @Test
    void scoresChartShowsTheModelAgainstBothBaselinesPerItemAndPooled() {
        JFreeChart chart = BacktestFiles.scoresChart(result());
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertEquals(List.of("model accuracy", "majority-class baseline", "bloc-majority baseline", "model kappa"),
                data.getRowKeys());
        assertEquals(List.of("res-1", "pooled"), data.getColumnKeys());
        assertEquals(0.75, data.getValue("model accuracy", "res-1").doubleValue());
        assertEquals(0.5, data.getValue("majority-class baseline", "pooled").doubleValue());
        assertEquals(0.625, data.getValue("bloc-majority baseline", "res-1").doubleValue());
        assertEquals(Color.WHITE, plot.getBackgroundPaint());
        assertTrue(plot.getRangeAxis().getLowerBound() <= 0 && plot.getRangeAxis().getUpperBound() >= 1);
    }

    @Test
    void confusionChartStacksPredictedVotesForEachObservedVote() {
        CategoryDataset data = BacktestFiles.confusionChart(result()).getCategoryPlot().getDataset();
        assertEquals(List.of("observed yes", "observed no", "observed abstain"), data.getColumnKeys());
        assertEquals(3, data.getValue("predicted yes", "observed yes").intValue());
        assertEquals(1, data.getValue("predicted no", "observed yes").intValue());
        assertEquals(1, data.getValue("predicted none", "observed no").intValue());
    }

    @Test
    void convergenceChartDrawsEveryEvaluationAndTheBestSoFar() {
        List<Calibration.Evaluation> evaluations = List.of(new Calibration.Evaluation(1, new double[] {0.5}, 2.0, 2.0, 0),
                new Calibration.Evaluation(2, new double[] {0.4}, 1.0, 1.0, 0),
                new Calibration.Evaluation(3, new double[] {0.3}, 1.5, 1.5, 0));
        Calibration.Evaluation given = new Calibration.Evaluation(0, null, 1.8, 1.8, 0);
        CalibrationFiles.Outcome outcome = new CalibrationFiles.Outcome(
                List.of(new Calibration.Parameter("decision.abstention_band", 0, 1)), Calibration.Method.CMAES, 3, 1L,
                5, given, new Calibration.Result(evaluations.get(1), evaluations), null, null, "");
        XYPlot plot = CalibrationFiles.convergenceChart(outcome).getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals("objective of the evaluation", data.getSeriesKey(0));
        assertEquals(1.5, data.getYValue(0, 2));
        assertEquals("best so far", data.getSeriesKey(1));
        assertEquals(1.0, data.getYValue(1, 2), "the best so far never rises");
        assertEquals("scenario as given", data.getSeriesKey(2));
        assertEquals(1.8, data.getYValue(2, 0));
    }
}
