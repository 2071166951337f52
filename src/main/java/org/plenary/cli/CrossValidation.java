package org.plenary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.backtest.Backtest;
import org.plenary.backtest.BacktestFiles;
import org.plenary.backtest.BallotForecast;
import org.plenary.backtest.Calibration;
import org.plenary.backtest.ObservedVotes;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.ScenarioLoader;

/**
 * Leave-one-item-out cross-validation of {@code plenary calibrate --cross-validate}: for each observed
 * item, the parameters are fitted on the other items' ballots, with the same method, budget and seed,
 * and the fit is scored on the held-out item's ballots. A parameter whose path names the held-out item
 * (its valence, its text) cannot be learned from the others: it keeps the scenario's value. A fold may
 * change the scenario first ({@code --fold-set ITEM:PATH=VALUE}): positions estimated from roll calls
 * that include the held-out item's are replaced by positions estimated without them, so the held-out
 * score is out of sample.
 */
final class CrossValidation {
    /** One fold: the held-out item, the parameters fitted and their values, the held-out backtest. */
    record Fold(String item, List<Overrides.Assignment> set, List<Calibration.Parameter> fitted, double[] values,
                Backtest.Result heldOut) { }

    private CrossValidation() {
    }

    static List<Fold> run(ScenarioLoader.Loaded loaded, List<Calibration.Parameter> parameters, ObservedVotes votes,
                          Map<String, List<Overrides.Assignment>> foldSets, Calibration.Method method, int budget,
                          int threads, PrintWriter err) throws InputException, InterruptedException {
        List<Fold> folds = new ArrayList<>();
        int[] items = votes.items();
        for (int m : items) {
            String id = loaded.scenario().agenda().get(m).id();
            List<Calibration.Parameter> fitted = parameters.stream().filter(p -> !p.path().contains(id)).toList();
            ScenarioLoader.Loaded base = foldSets.containsKey(id) ? ScenarioLoader.derive(loaded, foldSets.get(id)) : loaded;
            ObservedVotes train = votes.restrictedTo(item -> item != m);
            ObservedVotes test = votes.restrictedTo(item -> item == m);
            Calibration.Fit fit = new Calibration.Fit(base, fitted, train, List.of(), threads);
            Calibration.Result result;
            try (Progress progress = new Progress("fold " + id, budget)) {
                result = Calibration.run(fit, method, budget, loaded.scenario().seed(), evaluation -> progress.step());
            }
            ScenarioLoader.Loaded best = ScenarioLoader.derive(base, Calibration.assignments(fitted,
                    result.best().values()));
            Backtest.Result heldOut = Backtest.compare(best.scenario(), test, BallotForecast.run(best.scenario(), threads), 0);
            folds.add(new Fold(id, foldSets.getOrDefault(id, List.of()), fitted, result.best().values(), heldOut));
            err.printf("fold %s: fitted %d parameters on %d ballots, scored %d held-out ballots%s%n", id, fitted.size(),
                    train.entries().size(), test.entries().size(), foldSets.containsKey(id) ? " (with "
                            + foldSets.get(id).stream().map(Overrides.Assignment::toString).toList() + ")" : "");
            err.flush();
        }
        return folds;
    }

    static void print(PrintWriter out, List<Fold> folds) {
        if (folds.isEmpty()) {
            return;
        }
        out.println("leave-one-item-out cross-validation (each item scored by the fit on the others):");
        Table table = new Table("held out", "n", "accuracy", "kappa", "log-loss", "brier", "majority");
        for (Fold fold : folds) {
            var s = fold.heldOut().pooled();
            table.row(fold.item(), s.n(), f(s.accuracy()), f(s.kappa()), f(s.logLoss()), f(s.brier()),
                    f(s.baselineMajority()));
        }
        table.print(out);
        out.flush();
    }

    static List<Object> toJson(List<Fold> folds) {
        List<Object> list = new ArrayList<>();
        for (Fold fold : folds) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("held_out", fold.item());
            entry.put("set", fold.set().stream().map(Overrides.Assignment::toString).toList());
            Map<String, Object> values = new LinkedHashMap<>();
            for (int p = 0; p < fold.fitted().size(); p++) {
                values.put(fold.fitted().get(p).path(), fold.values()[p]);
            }
            entry.put("fitted", values);
            entry.put("scores", BacktestFiles.toJson(fold.heldOut(), false).get("pooled"));
            list.add(entry);
        }
        return list;
    }

    private static String f(double value) {
        return Double.isFinite(value) ? String.format("%.3f", value) : "-";
    }
}
