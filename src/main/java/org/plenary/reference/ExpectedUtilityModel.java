package org.plenary.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bueno de Mesquita's expected utility model of group decisions on one dimension (Bueno de Mesquita
 * 1994, "Political forecasting: an expected utility method", in Bueno de Mesquita &amp; Stokman, eds.,
 * European Community Decision Making, Yale UP), as documented by Scholz, Calbert &amp; Smith (2011),
 * "Unravelling Bueno De Mesquita's group decision model", Journal of Theoretical Politics 23(4).
 * Formulas and the choices made where sources differ are listed in the validation notes
 * (docs/validation.md, "Expected utility model").
 *
 * <p>Inputs per actor: capability c_i (any non-negative scale), salience s_i in [0, 1] (it is the
 * probability that the target resists a challenge, so 0-100 scores must be divided by 100), position
 * x_i. Distances are divided by the range (max - min) of the initial positions, which no offer can
 * leave. Each round:
 * <ol>
 *   <li>mu = weighted median of the current positions (weights c s);</li>
 *   <li>expected utilities of every challenge with every risk exponent r = 1, and from them the risk
 *       attitude R_i and exponent r_i = (1 - R_i/3)/(1 + R_i/3) of each actor;</li>
 *   <li>with the new exponents, each actor i evaluates, for every j at another position, its own
 *       expected utility of challenging j and j's of challenging i, both with r_i (i's perception of
 *       the dyad, as a public replication reads the model);</li>
 *   <li>offers: confrontation, compromise or capitulation, by the conditions of the paper; every actor
 *       takes the offer that moves it least (ties: the lowest-indexed challenger), all at once.</li>
 * </ol>
 * The run stops after the requested rounds, or earlier when a round moves nobody (that round is not
 * recorded). The forecast is the weighted median of the final positions.
 */
public final class ExpectedUtilityModel {

    /**
     * Denominator of the probability that challenger i prevails against target j. The numerator is
     * always the votes for i: sum over actors k with v_k > 0 of v_k, v_k = c_k s_k (|x_k - x_j| - |x_k - x_i|).
     */
    public enum ProbabilityDenominator {
        /**
         * Sum over all actors k of |v_k| in the contest between i and j: the votes for i plus the votes
         * for j, so P_ij + P_ji = 1 (the formula as written in the reference notes; Eftekhari &amp;
         * Rahimi 2014 describe it the same way).
         */
        CONTEST,
        /**
         * Sum of |v_k| over every ordered pair of actors (all contests at once), which a public
         * replication reports Scholz et al.'s own code used; probabilities then are tiny and do not
         * add to one.
         */
        ALL_CONTESTS
    }

    /**
     * Run settings.
     *
     * @param rounds most rounds to play, at least 0
     * @param statusQuoProbability Q: probability that, absent a challenge, the target keeps its position
     * @param improvementProbability T: probability that, if the target moves absent a challenge, it moves
     *     closer to the would-be challenger (matters only when Q &lt; 1)
     * @param denominator which probability-of-success denominator to use
     */
    public record Parameters(int rounds, double statusQuoProbability, double improvementProbability,
            ProbabilityDenominator denominator) {

        public Parameters {
            if (rounds < 0) {
                throw new IllegalArgumentException("rounds must be non-negative: " + rounds);
            }
            if (!(statusQuoProbability >= 0 && statusQuoProbability <= 1)
                    || !(improvementProbability >= 0 && improvementProbability <= 1)) {
                throw new IllegalArgumentException("Q and T are probabilities in [0, 1]");
            }
            if (denominator == null) {
                throw new IllegalArgumentException("a probability denominator is needed");
            }
        }

        /** Q = T = 1 (Q = 1 is the reference notes' default; T then plays no part) and the contest denominator. */
        public static Parameters defaults(int rounds) {
            return new Parameters(rounds, 1.0, 1.0, ProbabilityDenominator.CONTEST);
        }
    }

    /**
     * A run.
     *
     * @param positions positions[t][i]: actor i's position after round t (t = 0: the input)
     * @param riskExponents riskExponents[t-1][i]: the r_i used in round t, in [0.5, 2]
     * @param weightedMedians weighted median after each round (index as in positions)
     * @param weightedMeans compromise (c s weighted mean) after each round
     * @param stable true when the run stopped because a round moved nobody
     */
    public record Result(double[][] positions, double[][] riskExponents, double[] weightedMedians,
            double[] weightedMeans, boolean stable) {

        /** Rounds recorded after the initial positions. */
        public int roundsPlayed() {
            return positions.length - 1;
        }

        /** The forecast: the weighted median of the final positions. */
        public double predictedOutcome() {
            return weightedMedians[weightedMedians.length - 1];
        }
    }

    private ExpectedUtilityModel() {}

    /** Plays the model from {@code initialPositions}. */
    public static Result run(double[] capability, double[] salience, double[] initialPositions, Parameters parameters) {
        Predictors.weights(capability, salience, initialPositions);
        for (double s : salience) {
            if (s > 1) {
                throw new IllegalArgumentException("salience is a probability in [0, 1]; divide 0-100 scores by 100: " + s);
            }
        }
        double range = Arrays.stream(initialPositions).max().getAsDouble()
                - Arrays.stream(initialPositions).min().getAsDouble();
        List<double[]> positions = new ArrayList<>();
        List<double[]> riskExponents = new ArrayList<>();
        positions.add(initialPositions.clone());
        boolean stable = range == 0;
        while (!stable && positions.size() - 1 < parameters.rounds()) {
            Round round = new Round(capability, salience, positions.get(positions.size() - 1), range, parameters);
            double[] moved = round.positionsAfterOffers();
            stable = Arrays.equals(moved, round.position);
            if (!stable) {
                positions.add(moved);
                riskExponents.add(round.riskExponent);
            }
        }
        double[] medians = positions.stream()
                .mapToDouble(x -> Predictors.weightedMedian(capability, salience, x)).toArray();
        double[] means = positions.stream()
                .mapToDouble(x -> Predictors.compromise(capability, salience, x)).toArray();
        return new Result(positions.toArray(double[][]::new), riskExponents.toArray(double[][]::new),
                medians, means, stable);
    }

    /**
     * Probability that {@code challenger} prevails against {@code target} at the given positions;
     * 0 when no actor prefers one position to the other (the two positions coincide).
     */
    public static double probabilityOfSuccess(double[] capability, double[] salience, double[] position,
            int challenger, int target, ProbabilityDenominator denominator) {
        double[] weight = Predictors.weights(capability, salience, position);
        return probabilities(weight, position, denominator)[challenger][target];
    }

    /** probabilities[i][j]: P that i prevails when challenging j. */
    private static double[][] probabilities(double[] weight, double[] position, ProbabilityDenominator denominator) {
        int actors = position.length;
        // votes[i][j]: sum of the positive v_k = c_k s_k (|x_k - x_j| - |x_k - x_i|), the votes for x_i over x_j.
        double[][] votes = new double[actors][actors];
        double allContests = 0;
        for (int i = 0; i < actors; i++) {
            for (int j = 0; j < actors; j++) {
                for (int k = 0; k < actors; k++) {
                    votes[i][j] += Math.max(0,
                            weight[k] * (Math.abs(position[k] - position[j]) - Math.abs(position[k] - position[i])));
                }
                allContests += votes[i][j];
            }
        }
        // Over ordered pairs (i, j), sum_k |v_k| = votes[i][j] + votes[j][i]: each entry counted twice.
        allContests *= 2;
        double[][] probability = new double[actors][actors];
        for (int i = 0; i < actors; i++) {
            for (int j = 0; j < actors; j++) {
                double allVotes = denominator == ProbabilityDenominator.ALL_CONTESTS
                        ? allContests : votes[i][j] + votes[j][i];
                probability[i][j] = allVotes == 0 ? 0 : votes[i][j] / allVotes;
            }
        }
        return probability;
    }

    /** One round's computations at fixed positions. */
    private static final class Round {
        final double[] salience;
        final double[] position;
        final double range;
        final double median;
        final Parameters parameters;
        /** probability[i][j]: P that i prevails when challenging j. */
        final double[][] probability;
        final double[] riskExponent;

        Round(double[] capability, double[] salience, double[] position, double range, Parameters parameters) {
            this.salience = salience;
            this.position = position;
            this.range = range;
            this.parameters = parameters;
            this.median = Predictors.weightedMedian(capability, salience, position);
            this.probability = probabilities(
                    Predictors.weights(capability, salience, position), position, parameters.denominator());
            this.riskExponent = riskExponents();
        }

        /**
         * R_i = (2 D_i - D_max - D_min) / (D_max - D_min), D_i the sum of the others' expected utilities
         * of challenging i, all with r = 1; then r_i = (1 - R_i/3)/(1 + R_i/3). When every D_i is equal
         * R_i = 0 (r_i = 1): nobody is more exposed than anyone else.
         */
        private double[] riskExponents() {
            int actors = position.length;
            double[] exposure = new double[actors];
            for (int i = 0; i < actors; i++) {
                for (int j = 0; j < actors; j++) {
                    if (j != i) {
                        exposure[i] += expectedUtility(j, i, 1.0);
                    }
                }
            }
            double most = Arrays.stream(exposure).max().getAsDouble();
            double least = Arrays.stream(exposure).min().getAsDouble();
            double[] exponent = new double[actors];
            for (int i = 0; i < actors; i++) {
                double attitude = most > least ? (2 * exposure[i] - most - least) / (most - least) : 0;
                exponent[i] = (1 - attitude / 3) / (1 + attitude / 3);
            }
            return exponent;
        }

        /**
         * EU of {@code challenger} challenging {@code target}, with risk exponent r:
         * s_t [P U_s + (1 - P) U_f] + (1 - s_t) U_s - Q U_sq - (1 - Q)[T U_b + (1 - T) U_w].
         */
        double expectedUtility(int challenger, int target, double r) {
            double distance = Math.abs(position[challenger] - position[target]) / range;
            double viaMedian = (Math.abs(position[challenger] - median) + Math.abs(position[challenger] - position[target]))
                    / range;
            double success = utility(0.5 - 0.5 * distance, r);
            double failure = utility(0.5 + 0.5 * distance, r);
            double statusQuo = utility(0.5, r);
            double better = utility(0.5 - 0.25 * viaMedian, r);
            double worse = utility(0.5 + 0.25 * viaMedian, r);
            double p = probability[challenger][target];
            double resisted = salience[target] * (p * success + (1 - p) * failure);
            double conceded = (1 - salience[target]) * success;
            double q = parameters.statusQuoProbability();
            double t = parameters.improvementProbability();
            return resisted + conceded - q * statusQuo - (1 - q) * (t * better + (1 - t) * worse);
        }

        /** 2 - 4 z^r: U_s, U_f, U_sq, U_b and U_w differ only in z. */
        private static double utility(double z, double r) {
            return 2 - 4 * Math.pow(z, r);
        }

        /**
         * Each actor i, for each j at another position, compares EU_ij (i challenging j) and EU_ji,
         * both with r_i. With EU_ji &gt; 0 (j would challenge):
         * EU_ji &gt; EU_ij &gt; 0: i loses the confrontation and moves to x_j;
         * EU_ij &lt; 0 &lt; EU_ji, |EU_ij| &lt; EU_ji: i compromises to x_i + (x_j - x_i)|EU_ij / EU_ji|;
         * EU_ij &lt; 0 &lt; EU_ji, |EU_ij| &gt;= EU_ji: i capitulates to x_j.
         */
        double[] positionsAfterOffers() {
            int actors = position.length;
            double[] next = position.clone();
            for (int i = 0; i < actors; i++) {
                double smallestMove = Double.POSITIVE_INFINITY;
                for (int j = 0; j < actors; j++) {
                    if (position[j] == position[i]) {
                        continue;
                    }
                    double own = expectedUtility(i, j, riskExponent[i]);
                    double theirs = expectedUtility(j, i, riskExponent[i]);
                    double offered;
                    if (theirs > own && own > 0) {
                        offered = position[j];
                    } else if (theirs > 0 && own < 0 && -own < theirs) {
                        offered = position[i] + (position[j] - position[i]) * (-own / theirs);
                    } else if (theirs > 0 && own < 0) {
                        offered = position[j];
                    } else {
                        continue;
                    }
                    double move = Math.abs(offered - position[i]);
                    if (move < smallestMove) {
                        smallestMove = move;
                        next[i] = offered;
                    }
                }
            }
            return next;
        }
    }
}
