package org.plenary.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A-priori voting power in a weighted voting game [quota; w1..wn]: a coalition wins when the sum of
 * its members' weights is at least the quota.
 *
 * <p>Shapley-Shubik index of voter i: the share of the n! orderings of the voters in which i is
 * pivotal, i.e. sum over coalitions S not containing i that lose alone but win with i of
 * |S|!(n-|S|-1)!/n! (Shapley &amp; Shubik 1954, APSR 48(3)). Swings of voter i: the number of such
 * coalitions S; the normalised Banzhaf index is swings_i / sum_j swings_j (Banzhaf 1965, Rutgers Law
 * Review 19).
 *
 * <p>Weights that are decimals with at most {@value #MAX_DECIMALS} places (as {@link Double#toString}
 * prints them) are scaled to integers, divided by their common divisor, and solved by a
 * pseudo-polynomial dynamic programme over (coalition size, coalition weight) when voters x integer
 * quota is at most {@value #MAX_TABLE_CELLS}; otherwise coalitions are enumerated one by one, which is
 * possible up to {@value #MAX_ENUMERATED_VOTERS} voters. Swing counts are exact; the indices are
 * doubles accurate to about 1e-13 relative.
 */
public final class VotingPower {

    /** Largest number of decimals kept when turning real weights into integers. */
    static final int MAX_DECIMALS = 6;
    /** Largest number of voters whose 2^n coalitions are enumerated one by one. */
    static final int MAX_ENUMERATED_VOTERS = 25;
    /** Largest (voters x quota) table of the dynamic programme: 32 MB of doubles per table. */
    static final long MAX_TABLE_CELLS = 4_000_000L;

    /**
     * Indices of each voter, in input order.
     *
     * @param shapleyShubik Shapley-Shubik indices; they sum to 1
     * @param banzhaf normalised Banzhaf indices; they sum to 1
     * @param swings raw swing counts, exact: they exceed a long for large games (about 10^57 for 194
     *     equal voters), and Jackson writes a BigInteger as a plain JSON number
     */
    public record Result(double[] shapleyShubik, double[] banzhaf, BigInteger[] swings) {}

    private VotingPower() {}

    /**
     * Computes the indices of the game [quota; weights].
     *
     * @param quota weight a coalition needs to win; must be positive and at most the total weight, so
     *     that the empty coalition loses and the grand coalition wins
     * @param weights non-negative, finite weights
     * @throws IllegalArgumentException on invalid input, or when the weights are neither short
     *     decimals (small enough for the dynamic programme) nor few enough to enumerate
     */
    public static Result compute(double quota, double... weights) {
        validate(quota, weights);
        Optional<IntegerGame> integerGame = IntegerGame.of(quota, weights);
        if (integerGame.isPresent()) {
            IntegerGame game = integerGame.get();
            requireGrandCoalitionWins(game.quota() <= game.totalWeight());
            if (game.fitsTable()) {
                return byDynamicProgramming(game.quota(), game.weights());
            }
        }
        if (weights.length <= MAX_ENUMERATED_VOTERS) {
            return byEnumeration(quota, weights);
        }
        throw new IllegalArgumentException("cannot compute voting power of " + weights.length
                + " voters: weights must be decimals with at most " + MAX_DECIMALS
                + " places and (voters x scaled quota) at most " + MAX_TABLE_CELLS
                + ", or there must be at most " + MAX_ENUMERATED_VOTERS + " voters");
    }

    private static void validate(double quota, double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("at least one voter is needed");
        }
        for (double weight : weights) {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + weight);
            }
        }
        if (!Double.isFinite(quota) || quota <= 0) {
            throw new IllegalArgumentException("quota must be positive, or the empty coalition wins: " + quota);
        }
    }

    private static void requireGrandCoalitionWins(boolean grandCoalitionWins) {
        if (!grandCoalitionWins) {
            throw new IllegalArgumentException("quota exceeds the total weight: no coalition wins");
        }
    }

    /**
     * The game rescaled to integers: weights times 10^decimals, divided by their greatest common
     * divisor g; since every coalition weight is then a multiple of g, it reaches the scaled quota
     * exactly when it reaches the ceiling of (scaled quota / g).
     */
    record IntegerGame(long quota, long[] weights, long totalWeight) {

        static Optional<IntegerGame> of(double quota, double[] weights) {
            BigDecimal[] exact = new BigDecimal[weights.length];
            int decimals = 0;
            for (int i = 0; i < weights.length; i++) {
                exact[i] = BigDecimal.valueOf(weights[i]).stripTrailingZeros();
                decimals = Math.max(decimals, exact[i].scale());
            }
            if (decimals > MAX_DECIMALS) {
                return Optional.empty();
            }
            BigInteger divisor = BigInteger.ZERO;
            BigInteger[] scaled = new BigInteger[weights.length];
            for (int i = 0; i < weights.length; i++) {
                scaled[i] = exact[i].movePointRight(decimals).toBigIntegerExact();
                divisor = divisor.gcd(scaled[i]);
            }
            if (divisor.signum() == 0) {
                divisor = BigInteger.ONE;
            }
            BigDecimal scaledQuota = BigDecimal.valueOf(quota).movePointRight(decimals);
            try {
                long[] reduced = new long[weights.length];
                long total = 0;
                for (int i = 0; i < weights.length; i++) {
                    reduced[i] = scaled[i].divide(divisor).longValueExact();
                    total = Math.addExact(total, reduced[i]);
                }
                long reducedQuota = scaledQuota.divide(new BigDecimal(divisor), 0, RoundingMode.CEILING)
                        .longValueExact();
                return Optional.of(new IntegerGame(reducedQuota, reduced, total));
            } catch (ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }

        boolean fitsTable() {
            return quota <= MAX_TABLE_CELLS / weights.length;
        }
    }

    /**
     * Dynamic programme for integer weights. For each voter i it needs, over the other n-1 voters,
     * the number of coalitions of each size k and each weight w below the quota; the voter swings
     * exactly the coalitions with quota - w_i <= w < quota. Voters of equal weight share their indices,
     * and the "everyone but i" tables are built by divide and conquer over the distinct weights, so
     * the cost is O(n^2 * quota * log(distinct weights)) and only additions of non-negative numbers
     * are used (no cancellation).
     */
    static Result byDynamicProgramming(long quota, long[] weights) {
        int voters = weights.length;
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be positive, or the empty coalition wins: " + quota);
        }
        requireGrandCoalitionWins(quota <= Arrays.stream(weights).sum());
        TreeMap<Long, Integer> votersByWeight = new TreeMap<>();
        for (long weight : weights) {
            votersByWeight.merge(weight, 1, Integer::sum);
        }
        long[] groupWeights = votersByWeight.keySet().stream().mapToLong(Long::longValue).toArray();
        int[] groupSizes = votersByWeight.values().stream().mapToInt(Integer::intValue).toArray();
        GroupIndices indices = new GroupIndices(groupWeights, groupSizes);
        indices.solve(new CoalitionTables(voters, (int) quota), 0, groupWeights.length);

        double[] shapleyShubik = new double[voters];
        BigInteger[] swings = new BigInteger[voters];
        for (int i = 0; i < voters; i++) {
            int group = Arrays.binarySearch(groupWeights, weights[i]);
            shapleyShubik[i] = indices.shapleyShubik[group];
            swings[i] = indices.swings[group];
        }
        return new Result(shapleyShubik, normalise(swings), swings);
    }

    /** Divide and conquer over groups of equal-weight voters. */
    private static final class GroupIndices {
        final long[] groupWeights;
        final int[] groupSizes;
        final double[] shapleyShubik;
        final BigInteger[] swings;

        GroupIndices(long[] groupWeights, int[] groupSizes) {
            this.groupWeights = groupWeights;
            this.groupSizes = groupSizes;
            this.shapleyShubik = new double[groupWeights.length];
            this.swings = new BigInteger[groupWeights.length];
        }

        /** {@code outside} holds every voter not in groups [lo, hi); this call may modify it. */
        void solve(CoalitionTables outside, int lo, int hi) {
            if (hi - lo == 1) {
                for (int copy = 1; copy < groupSizes[lo]; copy++) {
                    outside.addVoter(groupWeights[lo]);
                }
                shapleyShubik[lo] = outside.shapleyShubikOf(groupWeights[lo]);
                swings[lo] = outside.swingsOf(groupWeights[lo]);
                return;
            }
            int mid = (lo + hi) >>> 1;
            CoalitionTables withoutLowerHalf = outside.copy();
            addGroups(withoutLowerHalf, mid, hi);
            solve(withoutLowerHalf, lo, mid);
            addGroups(outside, lo, mid);
            solve(outside, mid, hi);
        }

        private void addGroups(CoalitionTables tables, int from, int to) {
            for (int group = from; group < to; group++) {
                for (int copy = 0; copy < groupSizes[group]; copy++) {
                    tables.addVoter(groupWeights[group]);
                }
            }
        }
    }

    /**
     * Coalitions of the voters added so far, restricted to weights below the quota (heavier
     * coalitions never lose, so they never matter for a swing).
     */
    private static final class CoalitionTables {
        private final int totalVoters;
        private final int quota;
        private int added;
        /** Heaviest coalition weight so far, capped at quota - 1: the tables are zero above it. */
        private int heaviest;
        /** shareBySize[k][w]: coalitions of size k and weight w, divided by C(added, k) to stay in [0, 1]. */
        private final double[][] shareBySize;
        /** countByWeight[w]: coalitions of weight w, exact. */
        private final BigInteger[] countByWeight;

        CoalitionTables(int totalVoters, int quota) {
            this.totalVoters = totalVoters;
            this.quota = quota;
            this.shareBySize = new double[totalVoters][quota];
            this.countByWeight = new BigInteger[quota];
            Arrays.fill(countByWeight, BigInteger.ZERO);
            shareBySize[0][0] = 1.0;
            countByWeight[0] = BigInteger.ONE;
        }

        private CoalitionTables(CoalitionTables other) {
            this.totalVoters = other.totalVoters;
            this.quota = other.quota;
            this.added = other.added;
            this.heaviest = other.heaviest;
            this.shareBySize = new double[totalVoters][];
            for (int size = 0; size < totalVoters; size++) {
                shareBySize[size] = other.shareBySize[size].clone();
            }
            this.countByWeight = other.countByWeight.clone();
        }

        CoalitionTables copy() {
            return new CoalitionTables(this);
        }

        void addVoter(long weight) {
            int after = added + 1;
            // A voter at least as heavy as the quota joins no coalition that stays below it.
            int shift = (int) Math.min(weight, quota);
            int top = Math.min(quota - 1, heaviest + shift);
            int highestUnjoinable = Math.min(shift - 1, top);
            // C(m,k)/C(m+1,k) = (m+1-k)/(m+1) and C(m,k-1)/C(m+1,k) = k/(m+1); sizes run downwards so
            // row k-1 still holds the old values when row k is updated.
            for (int size = Math.min(after, totalVoters - 1); size >= 1; size--) {
                double keep = (double) (after - size) / after;
                double join = (double) size / after;
                double[] row = shareBySize[size];
                double[] smaller = shareBySize[size - 1];
                for (int w = 0; w <= highestUnjoinable; w++) {
                    row[w] *= keep;
                }
                for (int w = shift; w <= top; w++) {
                    row[w] = keep * row[w] + join * smaller[w - shift];
                }
            }
            for (int w = top; w >= shift; w--) {
                countByWeight[w] = countByWeight[w].add(countByWeight[w - shift]);
            }
            added = after;
            heaviest = top;
        }

        /** Sum over sizes k of C(n-1,k)-normalised swing coalitions, divided by n: k!(n-k-1)!/n! each. */
        double shapleyShubikOf(long weight) {
            int from = (int) Math.max(0, quota - weight);
            double sum = 0;
            for (double[] row : shareBySize) {
                for (int w = from; w < quota; w++) {
                    sum += row[w];
                }
            }
            return sum / totalVoters;
        }

        BigInteger swingsOf(long weight) {
            int from = (int) Math.max(0, quota - weight);
            BigInteger sum = BigInteger.ZERO;
            for (int w = from; w < quota; w++) {
                sum = sum.add(countByWeight[w]);
            }
            return sum;
        }
    }

    /**
     * Enumerates every coalition, for weights that do not scale to integers. A coalition's weight is
     * the sum of two precomputed half-sums, a fixed function of the coalition, so "wins" is the same
     * test wherever the coalition appears.
     */
    static Result byEnumeration(double quota, double[] weights) {
        int voters = weights.length;
        if (voters > MAX_ENUMERATED_VOTERS) {
            throw new IllegalArgumentException("enumeration is limited to " + MAX_ENUMERATED_VOTERS + " voters");
        }
        int lowVoters = voters / 2;
        double[] lowSums = subsetSums(Arrays.copyOfRange(weights, 0, lowVoters));
        double[] highSums = subsetSums(Arrays.copyOfRange(weights, lowVoters, voters));
        int lowMask = (1 << lowVoters) - 1;
        int allVoters = (1 << voters) - 1;
        requireGrandCoalitionWins(lowSums[allVoters & lowMask] + highSums[allVoters >>> lowVoters] >= quota);
        // pivots[i][k]: coalitions of size k (without i) that i turns from losing to winning.
        long[][] pivots = new long[voters][voters];
        for (int coalition = 1; coalition <= allVoters; coalition++) {
            if (lowSums[coalition & lowMask] + highSums[coalition >>> lowVoters] < quota) {
                continue;
            }
            int sizeWithout = Integer.bitCount(coalition) - 1;
            for (int members = coalition; members != 0; members &= members - 1) {
                int without = coalition ^ Integer.lowestOneBit(members);
                if (lowSums[without & lowMask] + highSums[without >>> lowVoters] < quota) {
                    pivots[Integer.numberOfTrailingZeros(members)][sizeWithout]++;
                }
            }
        }
        double[] shapleyShubik = new double[voters];
        BigInteger[] swings = new BigInteger[voters];
        for (int i = 0; i < voters; i++) {
            long swingCount = 0;
            for (int size = 0; size < voters; size++) {
                swingCount += pivots[i][size];
                // k!(n-k-1)!/n! = 1/(n * C(n-1, k))
                shapleyShubik[i] += pivots[i][size] / (voters * binomial(voters - 1, size));
            }
            swings[i] = BigInteger.valueOf(swingCount);
        }
        return new Result(shapleyShubik, normalise(swings), swings);
    }

    private static double[] subsetSums(double[] weights) {
        double[] sums = new double[1 << weights.length];
        for (int subset = 1; subset < sums.length; subset++) {
            sums[subset] = sums[subset & (subset - 1)] + weights[Integer.numberOfTrailingZeros(subset)];
        }
        return sums;
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int j = 1; j <= k; j++) {
            result = result * (n - k + j) / j;
        }
        return result;
    }

    private static double[] normalise(BigInteger[] swings) {
        BigDecimal total = new BigDecimal(Arrays.stream(swings).reduce(BigInteger.ZERO, BigInteger::add));
        double[] shares = new double[swings.length];
        for (int i = 0; i < swings.length; i++) {
            shares[i] = new BigDecimal(swings[i]).divide(total, MathContext.DECIMAL64).doubleValue();
        }
        return shares;
    }
}
