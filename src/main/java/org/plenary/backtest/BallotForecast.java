package org.plenary.backtest;

import org.plenary.model.Ballot;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;

/**
 * The model's ballots over a scenario's replications: for every item and delegation, how many
 * replications it voted yes, no, abstain or was absent, and each vote's tally. Replications run with
 * the scenario's seeds, so two forecasts of scenarios differing in one parameter share their random
 * numbers (common random numbers).
 */
public final class BallotForecast {
    private static final int KINDS = Ballot.values().length;

    private final int replications;
    private final int delegations;
    private final int[] counts;
    private final double[] chanceSums;
    private final double[] tallyShares;
    private final int[] voted;

    private BallotForecast(int replications, int items, int delegations) {
        this.replications = replications;
        this.delegations = delegations;
        counts = new int[items * delegations * KINDS];
        chanceSums = new double[items * delegations * BallotScores.CLASSES];
        tallyShares = new double[items * 3];
        voted = new int[items];
    }

    /** Runs every replication of the scenario on {@code threads} threads; same result for any count. */
    public static BallotForecast run(Scenario scenario, int threads) throws InterruptedException {
        return run(scenario, threads, () -> { });
    }

    /** As {@link #run(Scenario, int)}, calling {@code done} after each replication (for a progress bar). */
    public static BallotForecast run(Scenario scenario, int threads, Runnable done) throws InterruptedException {
        int items = scenario.agenda().size();
        int n = scenario.delegations().size();
        BallotForecast forecast = new BallotForecast(scenario.replications(), items, n);
        Experiment.run(scenario, 0, threads, BallotForecast::extract, extract -> {
            forecast.add(extract);
            done.run();
        });
        return forecast;
    }

    /**
     * One replication's ballots (ordinal + 1, 0 for none), the probability of each ballot kind
     * (the vote model's own, else 1 for the ballot cast) and tallies, small enough to queue.
     */
    private record Extract(byte[] ballots, double[] chances, int[] tallies) { }

    private static Extract extract(ReplicationRecord record) {
        int n = record.delegations();
        byte[] ballots = new byte[record.items() * n];
        double[] chances = new double[record.items() * n * BallotScores.CLASSES];
        int[] tallies = new int[record.items() * 3];
        for (int m = 0; m < record.items(); m++) {
            for (int i = 0; i < n; i++) {
                Ballot ballot = record.ballot(m, i);
                ballots[m * n + i] = (byte) (ballot == null ? 0 : ballot.ordinal() + 1);
                int slot = (m * n + i) * BallotScores.CLASSES;
                if (!Double.isNaN(record.ballotChance(m, i, 0))) {
                    for (int c = 0; c < BallotScores.CLASSES; c++) {
                        chances[slot + c] = record.ballotChance(m, i, c);
                    }
                } else if (ballot != null && ballot.ordinal() < BallotScores.CLASSES) {
                    chances[slot + ballot.ordinal()] = 1;
                }
            }
            for (int c = 0; c < 3; c++) {
                tallies[m * 3 + c] = record.vote(m, c);
            }
        }
        return new Extract(ballots, chances, tallies);
    }

    private void add(Extract extract) {
        for (int slot = 0; slot < extract.ballots.length; slot++) {
            int code = extract.ballots[slot];
            if (code > 0) {
                counts[slot * KINDS + code - 1]++;
            }
        }
        for (int x = 0; x < extract.chances.length; x++) {
            chanceSums[x] += extract.chances[x];
        }
        for (int m = 0; m < voted.length; m++) {
            int yes = extract.tallies[m * 3];
            if (yes < 0) {
                continue;
            }
            int total = yes + extract.tallies[m * 3 + 1] + extract.tallies[m * 3 + 2];
            voted[m]++;
            for (int c = 0; c < 3 && total > 0; c++) {
                tallyShares[m * 3 + c] += (double) extract.tallies[m * 3 + c] / total;
            }
        }
    }

    public int replications() {
        return replications;
    }

    /** Replications in which item m was put to a vote. */
    public int votedReplications(int item) {
        return voted[item];
    }

    /** Replications in which delegation i cast this ballot on item m. */
    public int count(int item, int i, Ballot ballot) {
        return counts[(item * delegations + i) * KINDS + ballot.ordinal()];
    }

    /**
     * The model's probabilities that i votes yes, no and abstain on m, averaged over all replications
     * (absent and no vote make up the rest): the vote model's own probabilities where it draws ballots
     * from them (spatial logit), else the shares of replications in which i cast each ballot.
     */
    public double[] probabilities(int item, int i) {
        double[] p = new double[BallotScores.CLASSES];
        for (int k = 0; k < p.length; k++) {
            p[k] = chanceSums[(item * delegations + i) * BallotScores.CLASSES + k] / replications;
        }
        return p;
    }

    /** Mean shares of yes, no and abstain among those present in item m's votes; NaN when never voted. */
    public double[] tallyShares(int item) {
        double[] shares = new double[3];
        for (int c = 0; c < 3; c++) {
            shares[c] = voted[item] == 0 ? Double.NaN : tallyShares[item * 3 + c] / voted[item];
        }
        return shares;
    }
}
