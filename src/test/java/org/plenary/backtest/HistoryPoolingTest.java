package org.plenary.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The item-response forecast pooled with the previous vote, against values derived by hand. */
class HistoryPoolingTest {
    private static final double[] UNIFORM = {1 / 3.0, 1 / 3.0, 1 / 3.0};

    /**
     * Model (0.5, 0.3, 0.2), alpha 1, rho_yes = ln 2: a previous yes doubles yes's weight, (1, 0.3, 0.2) / 1.5
     * = (2/3, 0.2, 2/15); without a previous vote the model stands; with alpha 0, (2, 1, 1) / 4.
     */
    @Test
    void theEarlierVoteMultipliesItsOwnWeight() {
        HistoryPooling.Weights w = new HistoryPooling.Weights(1, new double[] {Math.log(2), 0, 0});
        double[] model = {0.5, 0.3, 0.2};
        assertArrayEquals(new double[] {2 / 3.0, 0.2, 2 / 15.0}, HistoryPooling.probabilities(w, model, new int[] {0}), 1e-12);
        assertArrayEquals(model, HistoryPooling.probabilities(w, model, new int[] {-1}), 1e-12);
        HistoryPooling.Weights alone = new HistoryPooling.Weights(0, new double[] {Math.log(2), 0, 0});
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, HistoryPooling.probabilities(alone, model, new int[] {0}), 1e-12);
    }

    /**
     * History alone, the model uniform: of 1,000 earlier yes votes 800 are repeated (100 no, 100 abstain),
     * of 1,000 earlier no votes 900 (100 yes). The maximum-likelihood repeat weight solves
     * e^rho / (e^rho + 2) = share repeated: rho_yes = ln 8, rho_no = ln 18; the weak prior moves them by
     * under 1e-3. No earlier abstention: its weight stays at the prior's 0.
     */
    @Test
    void repeatWeightsAreTheLogOddsOfRepeatingAVote() {
        List<int[]> previous = new ArrayList<>();
        List<Integer> observed = new ArrayList<>();
        add(previous, observed, 0, 0, 800);
        add(previous, observed, 0, 1, 100);
        add(previous, observed, 0, 2, 100);
        add(previous, observed, 1, 1, 900);
        add(previous, observed, 1, 0, 100);
        double[][] model = new double[observed.size()][];
        java.util.Arrays.fill(model, UNIFORM);
        HistoryPooling.Weights w = HistoryPooling.fit(model, previous.toArray(int[][]::new),
                observed.stream().mapToInt(Integer::intValue).toArray(), false);
        assertEquals(0, w.alpha());
        assertEquals(Math.log(8), w.repeat()[0], 1e-3);
        assertEquals(Math.log(18), w.repeat()[1], 1e-3);
        assertEquals(0, w.repeat()[2], 1e-9);
    }

    /**
     * No earlier votes; the model calibrated: 1,000 ballots forecast (0.7, 0.2, 0.1) end 700 / 200 / 100,
     * 1,000 forecast (0.2, 0.7, 0.1) end 200 / 700 / 100. The likelihood is largest at alpha = 1 (the
     * model's probabilities as they are).
     */
    @Test
    void aCalibratedModelKeepsWeightOne() {
        List<double[]> model = new ArrayList<>();
        List<Integer> observed = new ArrayList<>();
        int[][] counts = {{700, 200, 100}, {200, 700, 100}};
        double[][] forecasts = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}};
        for (int f = 0; f < 2; f++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < counts[f][c]; k++) {
                    model.add(forecasts[f]);
                    observed.add(c);
                }
            }
        }
        int[][] none = new int[observed.size()][];
        java.util.Arrays.fill(none, new int[] {-1});
        HistoryPooling.Weights w = HistoryPooling.fit(model.toArray(double[][]::new), none,
                observed.stream().mapToInt(Integer::intValue).toArray(), true);
        assertEquals(1, w.alpha(), 1e-3);
    }

    private static void add(List<int[]> previous, List<Integer> observed, int before, int now, int count) {
        for (int k = 0; k < count; k++) {
            previous.add(new int[] {before});
            observed.add(now);
        }
    }
}
