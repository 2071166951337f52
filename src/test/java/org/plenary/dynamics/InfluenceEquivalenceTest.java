package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * The optimised Hegselmann-Krause step (sorted sweep, structure of arrays, four-way dot products)
 * against a direct transcription of its equation (docs/ODD.md, 7.3) on random assemblies: one to
 * four dimensions, overlapping groups, zero saliences and capabilities, withdrawn delegations.
 */
class InfluenceEquivalenceTest {
    @TempDir
    Path dir;

    @Test
    void theOptimisedStepEqualsTheEquationOnRandomAssemblies() throws Exception {
        Random random = new Random(20261202);
        for (int trial = 0; trial < 40; trial++) {
            Case t = randomCase(random, 40);
            Assembly a = t.assembly;
            int n = a.delegations;
            int d = a.dimensions;
            for (int ik = 0; ik < n * d; ik++) {
                a.position[ik] = random.nextDouble(); // negotiating positions away from the ideal points
            }
            for (int i = 0; i < n; i++) {
                a.withdrawn[i] = random.nextDouble() < 0.15;
            }
            double[] expected = byTheEquation(a, t.rate, t.anchor, t.affinity, t.resistance);
            new HegselmannKrause(t.rate, t.anchor, t.affinity, t.resistance).step(a, new MersenneTwisterFast(1));
            for (int ik = 0; ik < n * d; ik++) {
                assertEquals(expected[ik], a.position[ik], 1e-12, "trial " + trial + ", entry " + ik);
            }
        }
    }

    /**
     * Same bytes for the same seed: the step adds the same terms in the same order as the sorted sweep,
     * bit for bit, on assemblies large enough for narrow windows and for tails of every length.
     */
    @Test
    void theStepAddsInTheSortedSweepsOrderBitForBit() throws Exception {
        Random random = new Random(20261208);
        for (int trial = 0; trial < 30; trial++) {
            Case t = randomCase(random, 250);
            Assembly a = t.assembly;
            for (int i = 0; i < a.delegations; i++) {
                a.withdrawn[i] = random.nextDouble() < 0.15;
            }
            HegselmannKrause step = new HegselmannKrause(t.rate, t.anchor, t.affinity, t.resistance);
            for (int round = 0; round < 3; round++) {
                double[] expected = bySortedSweep(a, t.rate, t.anchor, t.affinity, t.resistance);
                step.step(a, new MersenneTwisterFast(1));
                for (int ik = 0; ik < a.position.length; ik++) {
                    assertEquals(Double.doubleToRawLongBits(expected[ik]), Double.doubleToRawLongBits(a.position[ik]),
                            "trial " + trial + ", round " + round + ", entry " + ik);
                }
            }
        }
    }

    /** A random assembly of 2 to maxDelegations + 1 delegations on 1-4 dimensions, and the step's parameters. */
    private record Case(Assembly assembly, double rate, double anchor, double affinity, double resistance) {
    }

    private Case randomCase(Random random, int maxDelegations) throws Exception {
        int d = 1 + random.nextInt(4);
        int n = 2 + random.nextInt(maxDelegations);
        double rate = random.nextDouble();
        double anchor = random.nextDouble() * (1 - rate);
        double affinity = random.nextInt(3) * random.nextDouble() * 2;
        double resistance = random.nextDouble();
        return new Case(new Assembly(randomScenario(random, d, n, rate, anchor)), rate, anchor, affinity, resistance);
    }

    private Scenario randomScenario(Random random, int d, int n, double rate, double anchor) throws Exception {
        StringBuilder text = new StringBuilder("name: random\nrounds: 2\ndimensions:\n");
        for (int k = 0; k < d; k++) {
            text.append("  - {id: d").append(k).append("}\n");
        }
        text.append("delegations:\n");
        for (int i = 0; i < n; i++) {
            StringBuilder groups = new StringBuilder();
            for (String g : new String[] {"G", "H", "J"}) {
                if (random.nextDouble() < 0.3) {
                    groups.append(groups.length() == 0 ? "" : ", ").append(g);
                }
            }
            text.append(String.format(Locale.ROOT, "  - {id: D%d, groups: [%s], capability: %s, openness: %.6f,"
                            + " tolerance: %.6f, position: {%s}, salience: {%s}}\n", i, groups,
                    random.nextDouble() < 0.1 ? "0" : String.format(Locale.ROOT, "%.6f", 0.1 + 10 * random.nextDouble()),
                    random.nextDouble(), 0.05 + 0.95 * random.nextDouble(), perDimension(random, d, 0),
                    perDimension(random, d, 0.2)));
        }
        text.append(String.format(Locale.ROOT, "influence: {rate: %.17g, anchor: %.17g}\n", rate, anchor));
        return Scenarios.load(dir, text.toString());
    }

    private static String perDimension(Random random, int d, double zeroShare) {
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < d; k++) {
            double value = random.nextDouble() < zeroShare ? 0 : random.nextDouble();
            values.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "d%d: %.6f", k, value));
        }
        return values.toString();
    }

    /** x_ik' = x_ik + o_i mu (1 - rho s_ik) (m_ik - x_ik) + lambda (x*_ik - x_ik), written out directly. */
    private static double[] byTheEquation(Assembly a, double rate, double anchor, double affinity, double rho) {
        int n = a.delegations;
        int d = a.dimensions;
        double[] next = a.position.clone();
        for (int i = 0; i < n; i++) {
            if (a.withdrawn[i]) {
                continue;
            }
            for (int k = 0; k < d; k++) {
                double weighted = 0;
                double weight = 0;
                for (int j = 0; j < n; j++) {
                    if (a.withdrawn[j] || viewDistanceSquared(a, i, j) > a.tolerance[i] * a.tolerance[i]) {
                        continue;
                    }
                    boolean kin = i == j || a.shareGroup(i, j);
                    double w = a.capability[j] * (kin ? 1 + affinity : 1) * a.activeSalience[j * d + k];
                    weighted += w * a.position[j * d + k];
                    weight += w;
                }
                next[i * d + k] = moved(a, i, k, weighted, weight, rate, anchor, rho);
            }
        }
        return next;
    }

    /**
     * The order of additions of the sorted sweep (the step up to 3f9f255, whose bytes every release keeps):
     * each listener's window on the sorted axis, four running sums from the window's start in blocks of
     * four, the remaining one to three speakers added to the first, combined (s0 + s1) + (s2 + s3).
     */
    private static double[] bySortedSweep(Assembly a, double rate, double anchor, double affinity, double rho) {
        int d = a.dimensions;
        double[] views = new double[a.delegations * d];
        Distances.viewWeights(a, views);
        SortedAxis axis = new SortedAxis();
        axis.sort(a);
        double[] next = a.position.clone();
        for (int c = 0; c < axis.count; c++) {
            int i = axis.order[c];
            int from = 0;
            int to = axis.count;
            if (views[i * d + axis.axis] > 0) {
                double reach = a.tolerance[i] / Math.sqrt(views[i * d + axis.axis]);
                from = axis.from(a.position[i * d + axis.axis] - reach);
                to = axis.to(a.position[i * d + axis.axis] + reach);
            }
            int tail = from + (to - from) / 4 * 4;
            for (int k = 0; k < d; k++) {
                double[] weighted = new double[4];
                double[] weight = new double[4];
                for (int cj = from; cj < to; cj++) {
                    int j = axis.order[cj];
                    double distance = 0;
                    for (int m = 0; m < d; m++) {
                        double diff = a.position[j * d + m] - a.position[i * d + m];
                        distance += views[i * d + m] * diff * diff;
                    }
                    boolean kin = i == j || a.shareGroup(i, j);
                    double factor = distance > a.tolerance[i] * a.tolerance[i] ? 0 : kin ? 1 + affinity : 1;
                    double pull = a.capability[j] * a.activeSalience[j * d + k];
                    int sum = cj < tail ? (cj - from) % 4 : 0;
                    weighted[sum] += factor * (pull * a.position[j * d + k]);
                    weight[sum] += factor * pull;
                }
                next[i * d + k] = moved(a, i, k, (weighted[0] + weighted[1]) + (weighted[2] + weighted[3]),
                        (weight[0] + weight[1]) + (weight[2] + weight[3]), rate, anchor, rho);
            }
        }
        return next;
    }

    /** x_ik' = x_ik + o_i mu (1 - rho s_ik) (m_ik - x_ik) + lambda (x*_ik - x_ik), m_ik = weighted / weight. */
    private static double moved(Assembly a, int i, int k, double weighted, double weight, double rate, double anchor,
                                double rho) {
        int ik = i * a.dimensions + k;
        double mean = weight > 0 ? weighted / weight : a.position[ik];
        return a.position[ik] + a.openness[i] * rate * (1 - rho * a.activeSalience[ik]) * (mean - a.position[ik])
                + anchor * (a.ideal[ik] - a.position[ik]);
    }

    /** i's view: dimensions weighted by its salience normalised to sum 1, equal weights when it has none. */
    private static double viewDistanceSquared(Assembly a, int i, int j) {
        int d = a.dimensions;
        double total = 0;
        for (int k = 0; k < d; k++) {
            total += a.activeSalience[i * d + k];
        }
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double w = total > 0 ? a.activeSalience[i * d + k] / total : 1.0 / d;
            double diff = a.position[j * d + k] - a.position[i * d + k];
            sum += w * diff * diff;
        }
        return sum;
    }
}
