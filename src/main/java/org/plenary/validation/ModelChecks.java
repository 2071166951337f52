package org.plenary.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.LongToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.plenary.reference.EmissionStandards;
import org.plenary.reference.Landscape;
import org.plenary.reference.Predictors;
import org.plenary.reference.VotingPower;
import org.plenary.results.Numbers;

/**
 * Every published or hand-derived result the project's models are checked against, re-run from
 * scratch: voting power, the EC emission-standard data, landscape theory by hand, and the laws of
 * bounded-confidence opinion dynamics with the assembly's own mechanisms. {@code plenary verify-models}
 * prints them; docs/validation.md holds the table and the citations.
 */
public final class ModelChecks {
    /** Opinion-dynamics checks run on these seeds; a law holds when most of them agree with it. */
    private static final int SEEDS = 5;
    private static final int AGENTS = 1000;
    /** Hegselmann-Krause has converged well before (by round 15 on these seeds). */
    private static final int HK_ROUNDS = 20;
    private static final double EXACT = 1e-9;

    private ModelChecks() {
    }

    public static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        checks.addAll(votingPower());
        checks.addAll(emissionStandards());
        checks.addAll(landscapes());
        checks.addAll(opinionDynamics());
        checks.addAll(SensitivityChecks.all());
        return checks;
    }

    private static List<Check> votingPower() {
        String standard = "Shapley & Shubik 1954; Banzhaf 1965 (textbook example)";
        VotingPower.Result game = VotingPower.compute(51, 50, 49, 1);
        VotingPower.Result eec = VotingPower.compute(12, 4, 4, 4, 2, 2, 1);
        double[] equalWeights = new double[194];
        Arrays.fill(equalWeights, 1);
        VotingPower.Result equal = VotingPower.compute(98, equalWeights);
        double share = 1.0 / 194;
        return List.of(
                close("Shapley-Shubik of [51; 50, 49, 1]", standard, "2/3, 1/6, 1/6", game.shapleyShubik(),
                        2.0 / 3, 1.0 / 6, 1.0 / 6),
                close("normalised Banzhaf of [51; 50, 49, 1]", standard, "3/5, 1/5, 1/5", game.banzhaf(),
                        3.0 / 5, 1.0 / 5, 1.0 / 5),
                new Check("swings of [51; 50, 49, 1]", standard, "3, 1, 1", join(game.swings()),
                        Arrays.equals(game.swings(), swings(3, 1, 1))),
                new Check("EEC Council 1958 [12; 4,4,4,2,2,1]: Luxembourg a null player",
                        "Napel 2018, Games 9(2)", "0 under both indices",
                        Numbers.format(eec.shapleyShubik()[5]) + ", " + Numbers.format(eec.banzhaf()[5]),
                        eec.shapleyShubik()[5] == 0 && eec.banzhaf()[5] == 0),
                close("EEC Council 1958: normalised Banzhaf", "by hand (swings 10,10,10,6,6,0)",
                        "5/21 x3, 1/7 x2, 0", eec.banzhaf(), 5.0 / 21, 5.0 / 21, 5.0 / 21, 1.0 / 7, 1.0 / 7, 0),
                new Check("194 states, one vote each, quota 98", "by symmetry",
                        "1/194 = " + Numbers.format(share) + " under both indices",
                        Numbers.format(equal.shapleyShubik()[0]) + ", " + Numbers.format(equal.banzhaf()[193]),
                        Arrays.stream(equal.shapleyShubik()).allMatch(v -> Math.abs(v - share) < EXACT)
                                && Arrays.stream(equal.banzhaf()).allMatch(v -> Math.abs(v - share) < EXACT)));
    }

    private static List<Check> emissionStandards() {
        String source = "Bueno de Mesquita 1994 (Scholz et al. 2011)";
        double median = Predictors.weightedMedian(EmissionStandards.CAPABILITY, EmissionStandards.SALIENCE,
                EmissionStandards.POSITION);
        double mean = Predictors.compromise(EmissionStandards.CAPABILITY, EmissionStandards.SALIENCE,
                EmissionStandards.POSITION);
        return List.of(
                new Check("EC emissions: round-0 weighted median", source, "7.0", Numbers.format(median),
                        median == 7.0),
                new Check("EC emissions: round-0 weighted mean (compromise)", source, "7.38996 (5 decimals)",
                        Numbers.format(mean), Math.abs(mean - 7.38996) < 5e-6));
    }

    private static List<Check> landscapes() {
        String source = "Axelrod & Bennett 1993; by hand";
        List<Landscape.Configuration> enemy = Landscape.exhaustiveLocalMinima(new double[] {1, 1, 1},
                new double[][] {{0, 1, -1}, {1, 0, -1}, {-1, -1, 0}});
        List<Landscape.Configuration> four = Landscape.exhaustiveLocalMinima(new double[] {1, 1, 1, 1},
                new double[][] {{0, 3, 1, -5}, {3, 0, -5, 1}, {1, -5, 0, 3}, {-5, 1, 3, 0}});
        String enemyExpected = "{0,1} vs {2}, E = -4";
        String fourExpected = "{0,1} vs {2,3}, E = -16; {0,2} vs {1,3}, E = -8";
        return List.of(
                new Check("landscape: 3 actors, common enemy", source, enemyExpected, describe(enemy),
                        describe(enemy).equals(enemyExpected)),
                new Check("landscape: 4 actors (p01 = p23 = 3, p02 = p13 = 1, p03 = p12 = -5)", source, fourExpected,
                        describe(four), describe(four).equals(fourExpected)));
    }

    private static List<Check> opinionDynamics() {
        String deffuant = "Deffuant et al. 2000, 2002: about floor(1/(2d))";
        List<Check> checks = new ArrayList<>();
        double[] tolerances = {0.1, 0.15, 0.2, 0.3, 0.5};
        String[] expected = {"4 or 5", "3", "2", "1", "1"};
        IntPredicate[] laws = {c -> c == 4 || c == 5, c -> c == 3, c -> c == 2, c -> c == 1, c -> c == 1};
        for (int t = 0; t < tolerances.length; t++) {
            double d = tolerances[t];
            int[] clusters = seeds(seed -> OpinionDynamicsLaws.deffuantMajorClusters(AGENTS, d, 0.5, 2000, seed));
            checks.add(mostSeeds("Deffuant major clusters, d = " + d + ", N = " + AGENTS, deffuant,
                    expected[t], clusters, laws[t]));
        }
        String hk = "Hegselmann & Krause 2002; Fortunato 2005";
        int[] consensus = seeds(seed -> OpinionDynamicsLaws.hegselmannKrauseMajorClusters(AGENTS, 0.3, HK_ROUNDS,
                seed));
        checks.add(mostSeeds("Hegselmann-Krause major clusters, eps = 0.3, N = " + AGENTS, hk,
                "1 (consensus)", consensus, c -> c == 1));
        int[] fragmented = seeds(seed -> OpinionDynamicsLaws.hegselmannKrauseMajorClusters(AGENTS, 0.1, HK_ROUNDS,
                seed));
        checks.add(mostSeeds("Hegselmann-Krause major clusters, eps = 0.1, N = " + AGENTS, hk,
                "several (3 or more)", fragmented, c -> c >= 3));
        return checks;
    }

    /** The experiment on seeds 1..SEEDS, in parallel (each run is deterministic given its seed). */
    private static int[] seeds(LongToIntFunction experiment) {
        return IntStream.rangeClosed(1, SEEDS).parallel().map(seed -> experiment.applyAsInt(seed)).toArray();
    }

    /** A statistical law: it holds when more than half of the seeds follow it. */
    private static Check mostSeeds(String name, String source, String expected, int[] perSeed, IntPredicate law) {
        long following = Arrays.stream(perSeed).filter(law).count();
        String got = Arrays.stream(perSeed).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                + " (seeds 1-" + perSeed.length + ")";
        return new Check(name, source, expected + " on most seeds", got, 2 * following > perSeed.length);
    }

    /** Indices that must equal the expected fractions (to rounding). */
    private static Check close(String name, String source, String fractions, double[] got, double... expected) {
        boolean passed = got.length == expected.length;
        for (int i = 0; passed && i < got.length; i++) {
            passed = Math.abs(got[i] - expected[i]) < EXACT;
        }
        return new Check(name, source, fractions, join(got), passed);
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Numbers::format).collect(Collectors.joining(", "));
    }

    private static String join(BigInteger[] values) {
        return Arrays.stream(values).map(BigInteger::toString).collect(Collectors.joining(", "));
    }

    private static BigInteger[] swings(long... counts) {
        return Arrays.stream(counts).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    }

    /** Minima as "{first bloc} vs {second bloc}, E = energy", separated by "; ". */
    private static String describe(List<Landscape.Configuration> minima) {
        return minima.stream().map(m -> "{" + indices(m.firstBloc()) + "} vs {" + indices(m.secondBloc()) + "}, E = "
                + Numbers.format(m.energy())).collect(Collectors.joining("; "));
    }

    private static String indices(int[] bloc) {
        return Arrays.stream(bloc).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
