package org.plenary.backtest;

/**
 * How well predicted ballots match observed ones. Classes are 0 yes, 1 no, 2 abstain (the order of
 * {@link org.plenary.model.Ballot}); a prediction may also be {@link #NONE} (the model never had the
 * delegation vote on the item), which counts as wrong.
 * <ul>
 *   <li>accuracy: share of ballots whose modal predicted vote is the observed one;</li>
 *   <li>Cohen's (1960) kappa: (p_o - p_e) / (1 - p_e), p_o that accuracy and p_e = sum_k o_k q_k the
 *       agreement expected by chance from the observed (o_k) and predicted (q_k) class shares;
 *       NaN when p_e = 1 (both sides use one class only: agreement beyond chance is undefined);</li>
 *   <li>log-loss: -mean ln max(p_observed, {@link #FLOOR}), p_observed the share of replications
 *       in which the delegation cast the vote it cast in reality; the floor keeps a vote the model
 *       never produced from costing infinity (it costs ln 100 = 4.61 instead);</li>
 *   <li>Brier score: mean over ballots of sum_k (p_k - o_k)^2 over yes, no, abstain, o_k 1 for the
 *       observed vote and 0 otherwise (0 is perfect, 2 the worst; no floor needed);</li>
 *   <li>majority baseline: the accuracy of predicting every ballot on an item as that item's most
 *       common observed vote;</li>
 *   <li>bloc baseline: the accuracy of predicting each delegation's ballot as the most common
 *       observed vote of the other delegations sharing a group with it (the item's majority for
 *       a delegation in no group). Both baselines read the observed votes, so they are hard to beat.</li>
 * </ul>
 */
public final class BallotScores {
    /** Probabilities below this count as this in the log-loss. */
    public static final double FLOOR = 0.01;
    public static final int CLASSES = 3;
    /** A predicted "vote" meaning no ballot at all. */
    public static final int NONE = 3;
    public static final String[] LABELS = {"yes", "no", "abstain", "none"};

    /**
     * The scores of a set of ballots.
     *
     * @param confusion counts, {@code confusion[observed][predicted]}, predicted including {@link #NONE}
     */
    public record Scores(int n, double accuracy, double kappa, double logLoss, double baselineMajority,
                         double baselineBloc, int[][] confusion, double brier) { }

    private BallotScores() {
    }

    /** The most likely vote of p (yes, no, abstain), ties to the earlier class; NONE when all are 0. */
    public static int modal(double[] p) {
        int best = NONE;
        double bestP = 0;
        for (int k = 0; k < CLASSES; k++) {
            if (p[k] > bestP) {
                best = k;
                bestP = p[k];
            }
        }
        return best;
    }

    /** The most common class among the counts, ties to the earlier class; -1 when all are 0. */
    public static int mostCommon(int[] counts) {
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best;
    }

    public static double accuracy(int[] observed, int[] predicted) {
        int agree = 0;
        for (int b = 0; b < observed.length; b++) {
            if (observed[b] == predicted[b]) {
                agree++;
            }
        }
        return observed.length == 0 ? Double.NaN : (double) agree / observed.length;
    }

    public static double kappa(int[] observed, int[] predicted) {
        int n = observed.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] observedShare = new double[CLASSES + 1];
        double[] predictedShare = new double[CLASSES + 1];
        for (int b = 0; b < n; b++) {
            observedShare[observed[b]] += 1.0 / n;
            predictedShare[predicted[b]] += 1.0 / n;
        }
        double chance = 0;
        for (int k = 0; k <= CLASSES; k++) {
            chance += observedShare[k] * predictedShare[k];
        }
        if (chance >= 1 - 1e-12) {
            return Double.NaN;
        }
        return (accuracy(observed, predicted) - chance) / (1 - chance);
    }

    /** Mean of -ln max(p[b][observed[b]], FLOOR). */
    public static double logLoss(int[] observed, double[][] p) {
        double sum = 0;
        for (int b = 0; b < observed.length; b++) {
            sum -= Math.log(Math.max(p[b][observed[b]], FLOOR));
        }
        return observed.length == 0 ? Double.NaN : sum / observed.length;
    }

    /** Mean over ballots of sum_k (p[b][k] - [k == observed[b]])^2. */
    public static double brier(int[] observed, double[][] p) {
        double sum = 0;
        for (int b = 0; b < observed.length; b++) {
            for (int k = 0; k < CLASSES; k++) {
                double miss = p[b][k] - (k == observed[b] ? 1 : 0);
                sum += miss * miss;
            }
        }
        return observed.length == 0 ? Double.NaN : sum / observed.length;
    }

    /**
     * One bin of a reliability diagram: the ballots whose predicted probability of {@code vote} (0 yes,
     * 1 no, 2 abstain) lies in [low, high) (the last bin includes 1), their mean predicted probability
     * and the share of them observed to cast that vote.
     */
    public record ReliabilityBin(int vote, double low, double high, int n, double meanPredicted, double observed) { }

    /**
     * The reliability diagram (predicted against observed frequencies) of every vote, in {@code bins}
     * equal bins of [0, 1]; empty bins are left out.
     */
    public static java.util.List<ReliabilityBin> reliability(int[] observed, double[][] p, int bins) {
        java.util.List<ReliabilityBin> result = new java.util.ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            int[] count = new int[bins];
            double[] predicted = new double[bins];
            int[] hits = new int[bins];
            for (int b = 0; b < observed.length; b++) {
                int bin = Math.min(bins - 1, (int) (p[b][k] * bins));
                count[bin]++;
                predicted[bin] += p[b][k];
                hits[bin] += observed[b] == k ? 1 : 0;
            }
            for (int bin = 0; bin < bins; bin++) {
                if (count[bin] > 0) {
                    result.add(new ReliabilityBin(k, (double) bin / bins, (double) (bin + 1) / bins, count[bin],
                            predicted[bin] / count[bin], (double) hits[bin] / count[bin]));
                }
            }
        }
        return result;
    }

    /** Every ballot of an item predicted as the item's most common observed vote. */
    public static int[] majorityBaseline(int[] observed) {
        int[] counts = new int[CLASSES];
        for (int vote : observed) {
            counts[vote]++;
        }
        int[] predicted = new int[observed.length];
        java.util.Arrays.fill(predicted, mostCommon(counts));
        return predicted;
    }

    /**
     * Each ballot of an item predicted as the most common observed vote of the other ballots whose
     * delegation shares a group with its own ({@code sharesGroup[a][b]}), else the item's majority.
     */
    public static int[] blocBaseline(int[] observed, boolean[][] sharesGroup) {
        int[] majority = majorityBaseline(observed);
        int[] predicted = new int[observed.length];
        for (int a = 0; a < observed.length; a++) {
            int[] counts = new int[CLASSES];
            for (int b = 0; b < observed.length; b++) {
                if (b != a && sharesGroup[a][b]) {
                    counts[observed[b]]++;
                }
            }
            int mode = mostCommon(counts);
            predicted[a] = mode < 0 ? majority[a] : mode;
        }
        return predicted;
    }

    /**
     * Scores ballots; the baselines' predictions are given so that pooled scores can use each item's
     * own (a pooled majority baseline predicts each item's majority, not one vote for all items).
     */
    public static Scores score(int[] observed, double[][] p, int[] majority, int[] bloc) {
        int[] predicted = new int[observed.length];
        int[][] confusion = new int[CLASSES][CLASSES + 1];
        for (int b = 0; b < observed.length; b++) {
            predicted[b] = modal(p[b]);
            confusion[observed[b]][predicted[b]]++;
        }
        return new Scores(observed.length, accuracy(observed, predicted), kappa(observed, predicted),
                logLoss(observed, p), accuracy(observed, majority), accuracy(observed, bloc), confusion,
                brier(observed, p));
    }
}
