package org.plenary.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LandscapeTest {

    /**
     * Four equal actors: 0-1 and 2-3 like each other (+3), 0-2 and 1-3 mildly (+1), 0-3 and 1-2
     * dislike each other (-5). By hand, of the eight configurations only {0,1 | 2,3} (cross pairs
     * 1 - 5 - 5 + 1, E = -16) and {0,2 | 1,3} (3 - 5 - 5 + 3, E = -8) leave every actor preferring its
     * own bloc.
     */
    private static final double[][] TWO_BASINS = {
        {0, 3, 1, -5},
        {3, 0, -5, 1},
        {1, -5, 0, 3},
        {-5, 1, 3, 0},
    };
    private static final double[] UNIT_SIZES = {1, 1, 1, 1};

    @Test
    void threeActorsWithACommonEnemyHaveOneMinimum() {
        // 0 and 1 like each other, both dislike 2: E({0,1 | 2}) = 2 * (-1 - 1) = -4; the other three
        // configurations have E = 0 and a switch that reaches -4.
        double[][] propensities = {{0, 1, -1}, {1, 0, -1}, {-1, -1, 0}};

        List<Landscape.Configuration> minima = Landscape.exhaustiveLocalMinima(new double[] {1, 1, 1}, propensities);

        assertEquals(1, minima.size());
        assertEquals(-4, minima.get(0).energy(), 1e-12);
        assertArrayEquals(new int[] {0, 1}, minima.get(0).firstBloc());
        assertArrayEquals(new int[] {2}, minima.get(0).secondBloc());
    }

    @Test
    void fourActorCaseHasTheTwoHandComputedMinima() {
        List<Landscape.Configuration> minima = Landscape.exhaustiveLocalMinima(UNIT_SIZES, TWO_BASINS);

        assertEquals(2, minima.size());
        assertEquals(-16, minima.get(0).energy(), 1e-12);
        assertArrayEquals(new int[] {0, 1}, minima.get(0).firstBloc());
        assertArrayEquals(new int[] {2, 3}, minima.get(0).secondBloc());
        assertEquals(-8, minima.get(1).energy(), 1e-12);
        assertArrayEquals(new int[] {0, 2}, minima.get(1).firstBloc());
        assertArrayEquals(new int[] {1, 3}, minima.get(1).secondBloc());
    }

    @Test
    void energyCountsEachCrossBlocPairTwiceWeightedBySizes() {
        double[] sizes = {2, 1, 1, 3};
        // Cross pairs of {0,3 | 1,2}: 0-1: 2*1*3, 0-2: 2*1*1, 3-1: 3*1*1, 3-2: 3*1*3 -> 6 + 2 + 3 + 9 = 20.
        assertEquals(40, Landscape.energy(sizes, TWO_BASINS, new boolean[] {false, true, true, false}), 1e-12);
        assertEquals(0, Landscape.energy(sizes, TWO_BASINS, new boolean[4]), 1e-12);
    }

    @Test
    void relabellingActorsRelabelsTheMinima() {
        Random random = new Random(7);
        int actors = 9;
        double[] sizes = randomSizes(random, actors);
        double[][] propensities = randomPropensities(random, actors);
        int[] relabel = {4, 0, 7, 2, 8, 1, 6, 3, 5};
        double[] relabelledSizes = new double[actors];
        double[][] relabelledPropensities = new double[actors][actors];
        for (int i = 0; i < actors; i++) {
            relabelledSizes[relabel[i]] = sizes[i];
            for (int j = 0; j < actors; j++) {
                relabelledPropensities[relabel[i]][relabel[j]] = propensities[i][j];
            }
        }

        List<Landscape.Configuration> original = Landscape.exhaustiveLocalMinima(sizes, propensities);
        List<Landscape.Configuration> relabelled = Landscape.exhaustiveLocalMinima(relabelledSizes, relabelledPropensities);

        assertEquals(original.size(), relabelled.size());
        for (int m = 0; m < original.size(); m++) {
            assertEquals(original.get(m).energy(), relabelled.get(m).energy(), 1e-9);
            boolean[] mapped = new boolean[actors];
            for (int actor : original.get(m).secondBloc()) {
                mapped[relabel[actor]] = true;
            }
            assertEquals(Arrays.toString(canonical(mapped)), Arrays.toString(secondBlocFlags(relabelled.get(m))));
        }
    }

    @Test
    void scalingAllSizesScalesEnergiesByTheSquareAndKeepsTheMinima() {
        double[] tripled = {3, 3, 3, 3};

        List<Landscape.Configuration> minima = Landscape.exhaustiveLocalMinima(tripled, TWO_BASINS);

        assertEquals(2, minima.size());
        assertEquals(-16 * 9, minima.get(0).energy(), 1e-9);
        assertEquals(-8 * 9, minima.get(1).energy(), 1e-9);
    }

    @Test
    void grayCodeSearchAgreesWithBruteForceOnRandomLandscapes() {
        Random random = new Random(1993);
        for (int trial = 0; trial < 60; trial++) {
            int actors = 1 + random.nextInt(10);
            double[] sizes = randomSizes(random, actors);
            double[][] propensities = randomPropensities(random, actors);

            List<String> expected = bruteForceMinima(sizes, propensities);
            List<String> found = new ArrayList<>();
            for (Landscape.Configuration minimum : Landscape.exhaustiveLocalMinima(sizes, propensities)) {
                found.add(Arrays.toString(secondBlocFlags(minimum)));
                assertEquals(Landscape.energy(sizes, propensities, secondBlocFlags(minimum)), minimum.energy(), 1e-12);
            }
            assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList());
        }
    }

    @Test
    void sampledSearchFindsTrueMinimaIncludingTheGlobalOne() {
        Random random = new Random(42);
        int actors = 14;
        double[] sizes = randomSizes(random, actors);
        double[][] propensities = randomPropensities(random, actors);

        List<Landscape.Configuration> exhaustive = Landscape.exhaustiveLocalMinima(sizes, propensities);
        List<Landscape.Configuration> sampled =
                Landscape.sampledLocalMinima(sizes, propensities, 500, new SplittableRandom(3));

        List<String> allMinima = exhaustive.stream().map(c -> Arrays.toString(c.firstBloc())).toList();
        for (Landscape.Configuration minimum : sampled) {
            assertTrue(allMinima.contains(Arrays.toString(minimum.firstBloc())));
        }
        assertArrayEquals(exhaustive.get(0).firstBloc(), sampled.get(0).firstBloc());
        assertEquals(exhaustive.get(0).energy(), sampled.get(0).energy(), 1e-9);
    }

    @Test
    void twentyFiveActorsAreSearchedExhaustivelyInSeconds() {
        Random random = new Random(25);
        int actors = 25;
        double[] sizes = randomSizes(random, actors);
        double[][] propensities = randomPropensities(random, actors);

        List<Landscape.Configuration> minima = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Landscape.exhaustiveLocalMinima(sizes, propensities));

        assertFalse(minima.isEmpty());
        for (Landscape.Configuration minimum : minima) {
            assertTrue(noSingleSwitchLowersEnergy(sizes, propensities, secondBlocFlags(minimum)));
        }
    }

    @Test
    void rejectsAsymmetricPropensitiesAndTooManyActorsForExhaustiveSearch() {
        assertThrows(IllegalArgumentException.class,
                () -> Landscape.exhaustiveLocalMinima(new double[] {1, 1}, new double[][] {{0, 1}, {2, 0}}));
        assertThrows(IllegalArgumentException.class,
                () -> Landscape.exhaustiveLocalMinima(new double[26], new double[26][26]));
    }

    private static List<String> bruteForceMinima(double[] sizes, double[][] propensities) {
        int actors = sizes.length;
        List<String> minima = new ArrayList<>();
        for (int mask = 0; mask < 1 << (actors - 1); mask++) {
            boolean[] second = new boolean[actors];
            for (int k = 1; k < actors; k++) {
                second[k] = (mask >> (k - 1) & 1) == 1;
            }
            if (noSingleSwitchLowersEnergy(sizes, propensities, second)) {
                minima.add(Arrays.toString(second));
            }
        }
        return minima;
    }

    private static boolean noSingleSwitchLowersEnergy(double[] sizes, double[][] propensities, boolean[] second) {
        double energy = Landscape.energy(sizes, propensities, second);
        for (int k = 0; k < second.length; k++) {
            boolean[] switched = second.clone();
            switched[k] = !switched[k];
            if (Landscape.energy(sizes, propensities, switched) < energy - 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] secondBlocFlags(Landscape.Configuration configuration) {
        boolean[] flags = new boolean[configuration.firstBloc().length + configuration.secondBloc().length];
        for (int actor : configuration.secondBloc()) {
            flags[actor] = true;
        }
        return flags;
    }

    private static boolean[] canonical(boolean[] flags) {
        boolean[] result = flags.clone();
        if (result[0]) {
            for (int k = 0; k < result.length; k++) {
                result[k] = !result[k];
            }
        }
        return result;
    }

    private static double[] randomSizes(Random random, int actors) {
        double[] sizes = new double[actors];
        for (int i = 0; i < actors; i++) {
            sizes[i] = 0.5 + random.nextDouble();
        }
        return sizes;
    }

    private static double[][] randomPropensities(Random random, int actors) {
        double[][] propensities = new double[actors][actors];
        for (int i = 0; i < actors; i++) {
            for (int j = i + 1; j < actors; j++) {
                propensities[i][j] = propensities[j][i] = random.nextInt(7) - 3;
            }
        }
        return propensities;
    }
}
