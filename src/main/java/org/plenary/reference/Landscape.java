package org.plenary.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Landscape theory of aggregation with two blocs (Axelrod &amp; Bennett 1993, "A landscape theory of
 * aggregation", British Journal of Political Science 23(2), 211-233).
 *
 * <p>Actors have sizes s_i and symmetric propensities p_ij (negative: dislike). A configuration X puts
 * each actor in one of two blocs, d_ij(X) = 1 when i and j are in different blocs, and its energy is
 * E(X) = sum_i sum_{j != i} s_i s_j p_ij d_ij(X), each cross-bloc pair counted twice as published. The
 * predicted configurations are the local minima: no single actor's switch of bloc lowers E. A switch
 * lowers E only if it is lower by more than {@link #RELATIVE_TOLERANCE} times sum |s_i s_j p_ij|, so
 * rounding cannot split ties.
 *
 * <p>A configuration and its mirror image are the same alignment, so results are canonical: actor 0
 * is in the first bloc.
 */
public final class Landscape {

    /** Largest number of actors whose 2^(n-1) configurations are all examined. */
    public static final int MAX_EXHAUSTIVE_ACTORS = 25;

    /** Energy changes within this fraction of sum |s_i s_j p_ij| count as no change. */
    static final double RELATIVE_TOLERANCE = 1e-10;

    /**
     * One configuration.
     *
     * @param energy E(X), recomputed from scratch
     * @param firstBloc sorted indices of the actors in actor 0's bloc
     * @param secondBloc sorted indices of the other actors (possibly empty)
     */
    public record Configuration(double energy, int[] firstBloc, int[] secondBloc) {}

    private Landscape() {}

    /** E(X) for the configuration that puts the actors flagged in {@code inSecondBloc} apart from the others. */
    public static double energy(double[] sizes, double[][] propensities, boolean[] inSecondBloc) {
        double[][] pairWeights = pairWeights(sizes, propensities);
        if (inSecondBloc.length != sizes.length) {
            throw new IllegalArgumentException("one bloc flag per actor is needed");
        }
        return energy(pairWeights, inSecondBloc);
    }

    private static double energy(double[][] pairWeights, boolean[] inSecondBloc) {
        double crossBlocSum = 0;
        for (int i = 0; i < inSecondBloc.length; i++) {
            for (int j = i + 1; j < inSecondBloc.length; j++) {
                if (inSecondBloc[i] != inSecondBloc[j]) {
                    crossBlocSum += pairWeights[i][j];
                }
            }
        }
        return 2 * crossBlocSum;
    }

    /**
     * All local minima, by visiting the 2^(n-1) configurations in Gray-code order: each step switches
     * one actor, so the energy and every actor's "field" h_k = sum_j s_k s_j p_kj sigma_j (sigma = +1 in
     * the first bloc, -1 in the second) are updated in O(n), and switching k changes E by 2 sigma_k h_k.
     *
     * @return the local minima sorted by energy, then by first bloc
     */
    public static List<Configuration> exhaustiveLocalMinima(double[] sizes, double[][] propensities) {
        double[][] pairWeights = pairWeights(sizes, propensities);
        int actors = sizes.length;
        if (actors > MAX_EXHAUSTIVE_ACTORS) {
            throw new IllegalArgumentException("exhaustive search is limited to " + MAX_EXHAUSTIVE_ACTORS
                    + " actors; use sampledLocalMinima for " + actors);
        }
        double tolerance = tolerance(pairWeights);
        int[] spin = new int[actors];
        Arrays.fill(spin, 1);
        double[] field = fields(pairWeights, spin);
        List<boolean[]> minima = new ArrayList<>();
        long configurations = 1L << (actors - 1);
        for (long step = 0; step < configurations; step++) {
            if (noSwitchLowersEnergy(spin, field, tolerance)) {
                minima.add(secondBlocFlags(spin));
            }
            if (step + 1 < configurations) {
                // Actor 0 never moves: its bloc is the reference of the canonical form.
                switchBloc(1 + Long.numberOfTrailingZeros(step + 1), spin, field, pairWeights);
            }
        }
        return sortedConfigurations(pairWeights, minima);
    }

    /**
     * Local minima reached by steepest descent from {@code starts} random configurations (each actor
     * placed in either bloc with probability 1/2 by {@code random}); at each step the actor whose
     * switch lowers E most switches, until none does. Every result is a true local minimum, but minima
     * with small basins of attraction may be missed: this is the heuristic for more than
     * {@value #MAX_EXHAUSTIVE_ACTORS} actors.
     *
     * @return the distinct local minima found, sorted by energy, then by first bloc
     */
    public static List<Configuration> sampledLocalMinima(
            double[] sizes, double[][] propensities, int starts, RandomGenerator random) {
        double[][] pairWeights = pairWeights(sizes, propensities);
        if (starts < 1) {
            throw new IllegalArgumentException("at least one start is needed: " + starts);
        }
        double tolerance = tolerance(pairWeights);
        int actors = sizes.length;
        Map<BitSet, boolean[]> distinct = new LinkedHashMap<>();
        int[] spin = new int[actors];
        for (int start = 0; start < starts; start++) {
            for (int k = 0; k < actors; k++) {
                spin[k] = random.nextBoolean() ? 1 : -1;
            }
            double[] field = fields(pairWeights, spin);
            while (true) {
                int best = -1;
                double bestChange = -tolerance;
                for (int k = 0; k < actors; k++) {
                    double change = 2 * spin[k] * field[k];
                    if (change < bestChange) {
                        bestChange = change;
                        best = k;
                    }
                }
                if (best < 0) {
                    break;
                }
                switchBloc(best, spin, field, pairWeights);
            }
            boolean[] flags = secondBlocFlags(spin);
            BitSet key = new BitSet(actors);
            for (int k = 0; k < actors; k++) {
                key.set(k, flags[k]);
            }
            distinct.putIfAbsent(key, flags);
        }
        return sortedConfigurations(pairWeights, new ArrayList<>(distinct.values()));
    }

    /** s_i s_j p_ij off the diagonal, after checking the input. */
    private static double[][] pairWeights(double[] sizes, double[][] propensities) {
        int actors = sizes.length;
        if (actors == 0) {
            throw new IllegalArgumentException("at least one actor is needed");
        }
        if (propensities.length != actors) {
            throw new IllegalArgumentException("propensities must be an n x n matrix for n = " + actors);
        }
        for (double size : sizes) {
            if (!Double.isFinite(size) || size < 0) {
                throw new IllegalArgumentException("sizes must be finite and non-negative: " + size);
            }
        }
        double[][] weights = new double[actors][actors];
        for (int i = 0; i < actors; i++) {
            if (propensities[i].length != actors) {
                throw new IllegalArgumentException("propensities must be an n x n matrix for n = " + actors);
            }
            for (int j = 0; j < actors; j++) {
                double pij = propensities[i][j];
                double pji = propensities[j][i];
                if (!Double.isFinite(pij)) {
                    throw new IllegalArgumentException("propensities must be finite: p[" + i + "][" + j + "]");
                }
                if (Math.abs(pij - pji) > 1e-12 * Math.max(1, Math.abs(pij))) {
                    throw new IllegalArgumentException("propensities must be symmetric: p[" + i + "][" + j + "] = "
                            + pij + " but p[" + j + "][" + i + "] = " + pji);
                }
                if (i != j) {
                    weights[i][j] = sizes[i] * sizes[j] * pij;
                }
            }
        }
        return weights;
    }

    private static double tolerance(double[][] pairWeights) {
        double total = 0;
        for (double[] row : pairWeights) {
            for (double weight : row) {
                total += Math.abs(weight);
            }
        }
        return RELATIVE_TOLERANCE * total;
    }

    private static double[] fields(double[][] pairWeights, int[] spin) {
        double[] field = new double[spin.length];
        for (int k = 0; k < spin.length; k++) {
            for (int j = 0; j < spin.length; j++) {
                field[k] += pairWeights[k][j] * spin[j];
            }
        }
        return field;
    }

    private static void switchBloc(int actor, int[] spin, double[] field, double[][] pairWeights) {
        spin[actor] = -spin[actor];
        double[] row = pairWeights[actor];
        for (int j = 0; j < spin.length; j++) {
            field[j] += 2 * row[j] * spin[actor];
        }
    }

    private static boolean noSwitchLowersEnergy(int[] spin, double[] field, double tolerance) {
        for (int k = 0; k < spin.length; k++) {
            if (2 * spin[k] * field[k] < -tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Flags of the actors not in actor 0's bloc. */
    private static boolean[] secondBlocFlags(int[] spin) {
        boolean[] flags = new boolean[spin.length];
        for (int k = 0; k < spin.length; k++) {
            flags[k] = spin[k] != spin[0];
        }
        return flags;
    }

    private static List<Configuration> sortedConfigurations(double[][] pairWeights, List<boolean[]> secondBlocFlags) {
        List<Configuration> configurations = new ArrayList<>();
        for (boolean[] flags : secondBlocFlags) {
            int[] first = indices(flags, false);
            int[] second = indices(flags, true);
            configurations.add(new Configuration(energy(pairWeights, flags), first, second));
        }
        configurations.sort(Comparator.comparingDouble(Configuration::energy)
                .thenComparing(Configuration::firstBloc, Arrays::compare));
        return configurations;
    }

    private static int[] indices(boolean[] flags, boolean wanted) {
        int[] selected = new int[flags.length];
        int count = 0;
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] == wanted) {
                selected[count++] = k;
            }
        }
        return Arrays.copyOf(selected, count);
    }
}
