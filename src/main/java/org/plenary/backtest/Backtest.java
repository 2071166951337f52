package org.plenary.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.scenario.Scenario;

/**
 * The model's ballots against observed ones ({@link BallotScores}): per item, pooled over items, and
 * the delegations the model gets most wrong. Pure: it reads a forecast and a roll call.
 */
public final class Backtest {

    /** One scored ballot: the observed vote, the model's vote shares (yes, no, abstain) and modal vote. */
    public record Row(int item, int delegation, int observed, double[] p, int predicted) { }

    public record ItemResult(String item, BallotScores.Scores scores) { }

    /**
     * A delegation's fit over the items it voted on: its mean log-loss and how many ballots the
     * model's modal vote got wrong, with "item: observed/predicted" for each wrong one.
     */
    public record Miss(String delegation, int n, double logLoss, int wrong, List<String> misses) { }

    public record Result(List<Row> rows, List<ItemResult> items, BallotScores.Scores pooled, List<Miss> worst) { }

    private Backtest() {
    }

    public static Result compare(Scenario scenario, ObservedVotes votes, BallotForecast forecast, int worstCount) {
        List<Row> rows = new ArrayList<>();
        List<ItemResult> items = new ArrayList<>();
        List<int[]> observedPerItem = new ArrayList<>();
        int total = votes.entries().size();
        int[] allObserved = new int[total];
        double[][] allP = new double[total][];
        int[] allMajority = new int[total];
        int[] allBloc = new int[total];
        int at = 0;
        for (int m : votes.items()) {
            List<ObservedVotes.Entry> entries = votes.of(m);
            int n = entries.size();
            int[] observed = new int[n];
            double[][] p = new double[n][];
            boolean[][] shares = new boolean[n][n];
            for (int b = 0; b < n; b++) {
                ObservedVotes.Entry entry = entries.get(b);
                observed[b] = entry.vote().ordinal();
                p[b] = forecast.probabilities(m, entry.delegation());
                rows.add(new Row(m, entry.delegation(), observed[b], p[b], BallotScores.modal(p[b])));
                List<String> groups = scenario.delegations().get(entry.delegation()).groups();
                for (int c = 0; c < n; c++) {
                    List<String> other = scenario.delegations().get(entries.get(c).delegation()).groups();
                    shares[b][c] = groups.stream().anyMatch(other::contains);
                }
            }
            int[] majority = BallotScores.majorityBaseline(observed);
            int[] bloc = BallotScores.blocBaseline(observed, shares);
            items.add(new ItemResult(scenario.agenda().get(m).id(), BallotScores.score(observed, p, majority, bloc)));
            observedPerItem.add(observed);
            System.arraycopy(observed, 0, allObserved, at, n);
            System.arraycopy(p, 0, allP, at, n);
            System.arraycopy(majority, 0, allMajority, at, n);
            System.arraycopy(bloc, 0, allBloc, at, n);
            at += n;
        }
        BallotScores.Scores pooled = BallotScores.score(allObserved, allP, allMajority, allBloc);
        return new Result(rows, items, pooled, worst(scenario, rows, worstCount));
    }

    /** The delegations with the highest mean log-loss (then most wrong ballots, then id). */
    private static List<Miss> worst(Scenario scenario, List<Row> rows, int count) {
        Map<Integer, List<Row>> byDelegation = new LinkedHashMap<>();
        rows.forEach(row -> byDelegation.computeIfAbsent(row.delegation(), i -> new ArrayList<>()).add(row));
        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<Integer, List<Row>> entry : byDelegation.entrySet()) {
            List<Row> own = entry.getValue();
            int[] observed = own.stream().mapToInt(Row::observed).toArray();
            double[][] p = own.stream().map(Row::p).toArray(double[][]::new);
            List<String> wrong = new ArrayList<>();
            for (Row row : own) {
                if (row.predicted() != row.observed()) {
                    wrong.add(scenario.agenda().get(row.item()).id() + ": " + BallotScores.LABELS[row.observed()]
                            + "/" + BallotScores.LABELS[row.predicted()]);
                }
            }
            misses.add(new Miss(scenario.delegations().get(entry.getKey()).id(), own.size(),
                    BallotScores.logLoss(observed, p), wrong.size(), wrong));
        }
        misses.sort(Comparator.comparingDouble(Miss::logLoss).reversed()
                .thenComparing(Comparator.comparingInt(Miss::wrong).reversed()).thenComparing(Miss::delegation));
        return List.copyOf(misses.subList(0, Math.min(count, misses.size())));
    }
}
