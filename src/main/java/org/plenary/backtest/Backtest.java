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

    /**
     * An item's scores, those of the persistence baseline (null without a previous roll call) and those of
     * the model's probabilities pooled with each delegation's previous vote (null without a previous roll
     * call or without {@code decision.logit.history}).
     */
    public record ItemResult(String item, BallotScores.Scores scores, BallotScores.Scores persistence,
                             BallotScores.Scores withHistory) {
        public ItemResult(String item, BallotScores.Scores scores, BallotScores.Scores persistence) {
            this(item, scores, persistence, null);
        }
    }

    /**
     * A delegation's fit over the items it voted on: its mean log-loss and how many ballots the
     * model's modal vote got wrong, with "item: observed/predicted" for each wrong one.
     */
    public record Miss(String delegation, int n, double logLoss, int wrong, List<String> misses) { }

    public record Result(List<Row> rows, List<ItemResult> items, BallotScores.Scores pooled,
                         BallotScores.Scores pooledPersistence, BallotScores.Scores pooledWithHistory, List<Miss> worst) {
        public Result(List<Row> rows, List<ItemResult> items, BallotScores.Scores pooled,
                      BallotScores.Scores pooledPersistence, List<Miss> worst) {
            this(rows, items, pooled, pooledPersistence, null, worst);
        }
    }

    private Backtest() {
    }

    public static Result compare(Scenario scenario, ObservedVotes votes, BallotForecast forecast, int worstCount) {
        return compare(scenario, votes, null, forecast, worstCount);
    }

    /**
     * As {@link #compare(Scenario, ObservedVotes, BallotForecast, int)}, with the persistence baseline
     * when {@code previous} (an earlier roll call of the same items) is given: each delegation repeats
     * its previous vote on the item with probability 1, or, absent then, the item's previous majority;
     * and, when the scenario gives {@code decision.logit.history}, the model's probabilities pooled with
     * each delegation's previous vote ({@link HistoryPooling}; no pooling for a delegation absent then).
     */
    public static Result compare(Scenario scenario, ObservedVotes votes, ObservedVotes previous,
                                 BallotForecast forecast, int worstCount) {
        List<Row> rows = new ArrayList<>();
        List<ItemResult> items = new ArrayList<>();
        List<int[]> observedPerItem = new ArrayList<>();
        int total = votes.entries().size();
        int[] allObserved = new int[total];
        double[][] allP = new double[total][];
        int[] allMajority = new int[total];
        int[] allBloc = new int[total];
        double[][] allPersistence = new double[total][];
        double[] history = scenario.decision().logit().history();
        boolean pooling = previous != null && history != null;
        HistoryPooling.Weights weights = pooling
                ? new HistoryPooling.Weights(history[0], java.util.Arrays.copyOfRange(history, 1, 4)) : null;
        double[][] allWithHistory = new double[total][];
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
            double[][] repeated = previous == null ? null : persistence(previous, m, entries);
            double[][] withHistory = pooling ? withHistory(weights, previous, m, entries, p) : null;
            items.add(new ItemResult(scenario.agenda().get(m).id(), BallotScores.score(observed, p, majority, bloc),
                    repeated == null ? null : BallotScores.score(observed, repeated, majority, bloc),
                    pooling ? BallotScores.score(observed, withHistory, majority, bloc) : null));
            if (repeated != null) {
                System.arraycopy(repeated, 0, allPersistence, at, n);
            }
            if (pooling) {
                System.arraycopy(withHistory, 0, allWithHistory, at, n);
            }
            observedPerItem.add(observed);
            System.arraycopy(observed, 0, allObserved, at, n);
            System.arraycopy(p, 0, allP, at, n);
            System.arraycopy(majority, 0, allMajority, at, n);
            System.arraycopy(bloc, 0, allBloc, at, n);
            at += n;
        }
        BallotScores.Scores pooled = BallotScores.score(allObserved, allP, allMajority, allBloc);
        BallotScores.Scores pooledPersistence = previous == null ? null
                : BallotScores.score(allObserved, allPersistence, allMajority, allBloc);
        return new Result(rows, items, pooled, pooledPersistence,
                pooling ? BallotScores.score(allObserved, allWithHistory, allMajority, allBloc) : null,
                worst(scenario, rows, worstCount));
    }

    /** Item m's ballot probabilities pooled with each delegation's vote in the previous roll call. */
    static double[][] withHistory(HistoryPooling.Weights weights, ObservedVotes previous, int m,
                                  List<ObservedVotes.Entry> entries, double[][] p) {
        Map<Integer, Integer> before = new LinkedHashMap<>();
        previous.of(m).forEach(entry -> before.put(entry.delegation(), entry.vote().ordinal()));
        double[][] pooled = new double[entries.size()][];
        for (int b = 0; b < entries.size(); b++) {
            pooled[b] = HistoryPooling.probabilities(weights, p[b],
                    new int[] {before.getOrDefault(entries.get(b).delegation(), -1)});
        }
        return pooled;
    }

    /**
     * The persistence forecast of item m's observed ballots: probability 1 on the delegation's vote in
     * the previous roll call, or on the item's most common previous vote when it was absent then.
     */
    static double[][] persistence(ObservedVotes previous, int m, List<ObservedVotes.Entry> entries) {
        Map<Integer, Integer> before = new LinkedHashMap<>();
        int[] counts = new int[BallotScores.CLASSES];
        for (ObservedVotes.Entry entry : previous.of(m)) {
            before.put(entry.delegation(), entry.vote().ordinal());
            counts[entry.vote().ordinal()]++;
        }
        int majority = BallotScores.mostCommon(counts);
        double[][] p = new double[entries.size()][BallotScores.CLASSES];
        for (int b = 0; b < entries.size(); b++) {
            p[b][before.getOrDefault(entries.get(b).delegation(), majority)] = 1;
        }
        return p;
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
