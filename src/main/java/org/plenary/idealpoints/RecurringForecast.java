package org.plenary.idealpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.plenary.backtest.BallotScores;
import org.plenary.backtest.HistoryPooling;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.RollCalls;

/**
 * Forecasts a session's recurring roll calls from earlier sessions (issue 19's development check): a
 * roll call of the target session on a whole resolution recurs when an earlier session voted on a
 * whole resolution with the same title; the latest such vote is its predecessor. Forecasts of each
 * state's vote, all using only earlier sessions: the item-response model fitted on them (the state's
 * ideal point with the predecessor's roll-call parameters); persistence (the state repeats its vote on
 * the predecessor, probability 1; absent then, the predecessor's majority); and, when an earlier session
 * has recurring roll calls of its own, two forecasts whose weights are fitted on that session's forecast
 * from the sessions before it ({@link HistoryPooling}): persistence with fitted probabilities, and the
 * item-response model pooled with the state's previous vote. Scored with {@link BallotScores}; the
 * majority baseline reads the target votes.
 */
public final class RecurringForecast {
    /**
     * {@code fittedPersistence}, {@code pooled} and their weights are null when no earlier session could
     * weigh the history; {@code weighedOn} is the session whose forecast fitted the weights.
     */
    public record Result(int pairs, int scored, int unscored, BallotScores.Scores model, BallotScores.Scores persistence,
                         BallotScores.Scores fittedPersistence, BallotScores.Scores pooled,
                         HistoryPooling.Weights persistenceWeights, HistoryPooling.Weights pooledWeights,
                         int weighedOn) { }

    /** Fits the item-response model to other roll calls (the weights' own held-out session). */
    public interface Refit {
        IdealPointModel.Estimate fit(RollCalls votes);
    }

    /**
     * The scored ballots of one forecast session: observed vote, model's probabilities, the state's own
     * votes on the last earlier roll calls of the resolution (latest first, -1: none), and the vote
     * persistence repeats (its own on the predecessor, else the predecessor's majority).
     */
    private record Ballots(int pairs, int unscored, int[] observed, double[][] model, int[][] own, int[][] repeated,
                           int[] majority) { }

    private RecurringForecast() {
    }

    /** {@code history}: how many earlier votes on the resolution the pooled forecast weighs. */
    public static Result run(Path votesFile, Path rollCallFile, int target, int history, IdealPointModel.Estimate fit,
                             RollCalls train, Refit refit) throws InputException {
        Map<String, String[]> calls = metadata(rollCallFile);
        Ballots ballots = ballots(calls, votesFile, rollCallFile, target, history, fit, train);
        BallotScores.Scores model = BallotScores.score(ballots.observed(), ballots.model(), ballots.majority(),
                ballots.majority());
        BallotScores.Scores persistence = BallotScores.score(ballots.observed(), certain(ballots.repeated()),
                ballots.majority(), ballots.majority());
        Set<Integer> trained = new TreeSet<>();
        train.items().forEach(rcid -> trained.add(Integer.parseInt(calls.get(rcid)[0])));
        int weighedOn = ((TreeSet<Integer>) trained).last();
        Set<Integer> before = new TreeSet<>(trained.stream().filter(x -> x < weighedOn).toList());
        Ballots earlier = null;
        if (!before.isEmpty()) {
            RollCalls earlierTrain = RollCalls.read(votesFile, rollCallFile, before);
            IdealPointModel.Estimate earlierFit = refit.fit(earlierTrain);
            if (earlierFit.converged()) {
                earlier = ballots(calls, votesFile, rollCallFile, weighedOn, history, earlierFit, earlierTrain);
            }
        }
        if (earlier == null || earlier.observed().length == 0) {
            return new Result(ballots.pairs(), ballots.observed().length, ballots.unscored(), model, persistence,
                    null, null, null, null, weighedOn);
        }
        HistoryPooling.Weights alone = HistoryPooling.fit(earlier.model(), earlier.repeated(), earlier.observed(), false);
        HistoryPooling.Weights pooled = HistoryPooling.fit(earlier.model(), earlier.own(), earlier.observed(), true);
        return new Result(ballots.pairs(), ballots.observed().length, ballots.unscored(), model, persistence,
                BallotScores.score(ballots.observed(), pool(alone, ballots, ballots.repeated()), ballots.majority(),
                        ballots.majority()),
                BallotScores.score(ballots.observed(), pool(pooled, ballots, ballots.own()), ballots.majority(),
                        ballots.majority()),
                alone, pooled, weighedOn);
    }

    private static double[][] pool(HistoryPooling.Weights weights, Ballots ballots, int[][] previous) {
        double[][] p = new double[previous.length][];
        for (int b = 0; b < p.length; b++) {
            p[b] = HistoryPooling.probabilities(weights, ballots.model()[b], previous[b]);
        }
        return p;
    }

    private static double[][] certain(int[][] votes) {
        double[][] p = new double[votes.length][3];
        for (int b = 0; b < votes.length; b++) {
            p[b][votes[b][0]] = 1;
        }
        return p;
    }

    /** Session {@code target}'s recurring ballots, forecast from {@code fit} of the roll calls {@code train}. */
    private static Ballots ballots(Map<String, String[]> calls, Path votesFile, Path rollCallFile, int target,
                                   int history, IdealPointModel.Estimate fit, RollCalls train) throws InputException {
        Map<String, Integer> trainItem = new HashMap<>();
        for (int m = 0; m < train.items().size(); m++) {
            trainItem.put(train.items().get(m), m);
        }
        Map<String, List<String>> earlierOf = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] meta = call.getValue();
            if (Integer.parseInt(meta[0]) != target || !wholeResolution(meta)) {
                continue;
            }
            List<String> earlier = new ArrayList<>();
            for (Map.Entry<String, String[]> other : calls.entrySet()) {
                String[] was = other.getValue();
                if (Integer.parseInt(was[0]) < target && wholeResolution(was) && was[3].equals(meta[3])
                        && trainItem.containsKey(other.getKey())) {
                    earlier.add(other.getKey());
                }
            }
            // Latest session first; within a session, the later listed first (a stable sort of the reversed list).
            java.util.Collections.reverse(earlier);
            earlier.sort(java.util.Comparator.comparingInt((String rcid) -> -Integer.parseInt(calls.get(rcid)[0])));
            if (!earlier.isEmpty()) {
                earlierOf.put(call.getKey(), earlier);
            }
        }
        Map<String, String> predecessorOf = new LinkedHashMap<>();
        earlierOf.forEach((rcid, earlier) -> predecessorOf.put(rcid, earlier.get(0)));
        RollCalls later = RollCalls.read(votesFile, rollCallFile, Set.of(target));
        Map<String, Integer> earlierVote = new HashMap<>();
        Map<String, int[]> earlierCounts = new HashMap<>();
        for (int v = 0; v < train.size(); v++) {
            String rcid = train.items().get(train.item(v));
            earlierVote.put(rcid + "\u0000" + train.delegations().get(train.delegation(v)), train.vote(v));
            earlierCounts.computeIfAbsent(rcid, k -> new int[3])[train.vote(v)]++;
        }
        List<Integer> observed = new ArrayList<>();
        List<double[]> model = new ArrayList<>();
        List<int[]> own = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        int unscored = 0;
        for (int v = 0; v < later.size(); v++) {
            String predecessor = predecessorOf.get(later.items().get(later.item(v)));
            if (predecessor == null) {
                continue;
            }
            String code = later.delegations().get(later.delegation(v));
            int i = train.delegations().indexOf(code);
            if (i < 0) {
                unscored++;
                continue;
            }
            observed.add(toScoreClass(later.vote(v)));
            double[] p = fit.model().probabilities(i, trainItem.get(predecessor));
            model.add(new double[] {p[2], p[0], p[1]});
            Integer before = earlierVote.get(predecessor + "\u0000" + code);
            int[] counts = earlierCounts.get(predecessor);
            List<String> earlier = earlierOf.get(later.items().get(later.item(v)));
            int[] votes = new int[history];
            for (int h = 0; h < history; h++) {
                Integer cast = h < earlier.size() ? earlierVote.get(earlier.get(h) + "\u0000" + code) : null;
                votes[h] = cast == null ? -1 : toScoreClass(cast);
            }
            own.add(votes);
            repeated.add(toScoreClass(before != null ? before : counts[2] >= counts[0] && counts[2] >= counts[1] ? 2
                    : counts[0] >= counts[1] ? 0 : 1));
        }
        return new Ballots(predecessorOf.size(), unscored, observed.stream().mapToInt(Integer::intValue).toArray(),
                model.toArray(double[][]::new), own.toArray(int[][]::new),
                repeated.stream().map(r -> new int[] {r}).toArray(int[][]::new), majorityPerItem(later, predecessorOf, train));
    }

    /** Each scored ballot predicted as its roll call's most common observed vote. */
    private static int[] majorityPerItem(RollCalls later, Map<String, String> predecessorOf, RollCalls train) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int v = 0; v < later.size(); v++) {
            counts.computeIfAbsent(later.item(v), k -> new int[3])[toScoreClass(later.vote(v))]++;
        }
        List<Integer> predicted = new ArrayList<>();
        for (int v = 0; v < later.size(); v++) {
            if (predecessorOf.containsKey(later.items().get(later.item(v)))
                    && train.delegations().contains(later.delegations().get(later.delegation(v)))) {
                predicted.add(BallotScores.mostCommon(counts.get(later.item(v))));
            }
        }
        return predicted.stream().mapToInt(Integer::intValue).toArray();
    }

    /** RollCalls' order (no, abstain, yes) to BallotScores' (yes, no, abstain). */
    private static int toScoreClass(int vote) {
        return vote == 2 ? 0 : vote == 0 ? 1 : 2;
    }

    private static boolean wholeResolution(String[] meta) {
        return meta[1].equals("0") && meta[2].equals("0") && !meta[3].isBlank();
    }

    /** rcid to {session, amendment, paragraph, short title}. */
    private static Map<String, String[]> metadata(Path file) throws InputException {
        Map<String, String[]> calls = new LinkedHashMap<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (!parser.getHeaderNames().containsAll(List.of("rcid", "session", "amendment", "paragraph", "short"))) {
                throw new InputException(new Problem(file.toString(), 1, "header", "needs rcid, session, amendment,"
                        + " paragraph and short to match recurring roll calls"));
            }
            for (CSVRecord row : parser) {
                calls.put(row.get("rcid"), new String[] {row.get("session"), row.get("amendment"), row.get("paragraph"),
                    row.get("short")});
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(new Problem(file.toString(), 0, "", "cannot read the roll-call file: " + e.getMessage()));
        }
        return calls;
    }

    /** The sessions before {@code target} that a roll-call file lists. */
    public static Set<Integer> sessionsBefore(Path rollCallFile, int target) throws InputException {
        Set<Integer> sessions = new TreeSet<>();
        for (String[] meta : metadata(rollCallFile).values()) {
            int session = Integer.parseInt(meta[0]);
            if (session < target) {
                sessions.add(session);
            }
        }
        return sessions;
    }
}
