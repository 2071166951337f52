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
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * Forecasts a session's recurring roll calls from earlier sessions (issue 19's development check): a
 * roll call of the target session on a whole resolution recurs when an earlier session voted on a
 * whole resolution with the same title; the latest such vote is its predecessor. Two forecasts of each
 * state's vote, both using only earlier sessions: the item-response model fitted on them (the state's
 * ideal point with the predecessor's roll-call parameters) and persistence (the state repeats its vote
 * on the predecessor, probability 1; absent then, the predecessor's majority). Scored with
 * {@link BallotScores}; the majority baseline reads the target votes.
 */
public final class RecurringForecast {
    public record Result(int pairs, int scored, int unscored, BallotScores.Scores model, BallotScores.Scores persistence) { }

    private RecurringForecast() {
    }

    public static Result run(Path votesFile, Path rollCallFile, int target, IdealPointModel.Estimate fit, RollCalls train)
            throws InputException {
        Map<String, String[]> calls = metadata(rollCallFile);
        Map<String, Integer> trainItem = new HashMap<>();
        for (int m = 0; m < train.items().size(); m++) {
            trainItem.put(train.items().get(m), m);
        }
        Map<String, String> predecessorOf = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] meta = call.getValue();
            if (Integer.parseInt(meta[0]) != target || !wholeResolution(meta)) {
                continue;
            }
            String best = null;
            int bestSession = Integer.MIN_VALUE;
            for (Map.Entry<String, String[]> earlier : calls.entrySet()) {
                String[] other = earlier.getValue();
                int session = Integer.parseInt(other[0]);
                if (session < target && wholeResolution(other) && other[3].equals(meta[3])
                        && trainItem.containsKey(earlier.getKey()) && session >= bestSession) {
                    best = earlier.getKey();
                    bestSession = session;
                }
            }
            if (best != null) {
                predecessorOf.put(call.getKey(), best);
            }
        }
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
        List<double[]> persistence = new ArrayList<>();
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
            int repeated = before != null ? before : counts[2] >= counts[0] && counts[2] >= counts[1] ? 2
                    : counts[0] >= counts[1] ? 0 : 1;
            double[] q = new double[3];
            q[toScoreClass(repeated)] = 1;
            persistence.add(q);
        }
        int[] o = observed.stream().mapToInt(Integer::intValue).toArray();
        int[] majority = majorityPerItem(later, predecessorOf, train);
        return new Result(predecessorOf.size(), o.length, unscored,
                BallotScores.score(o, model.toArray(double[][]::new), majority, majority),
                BallotScores.score(o, persistence.toArray(double[][]::new), majority, majority));
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
