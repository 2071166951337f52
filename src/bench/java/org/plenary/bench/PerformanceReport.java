package org.plenary.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.plenary.perf.SyntheticScenarios;
import org.plenary.results.Keep;
import org.plenary.results.RunAggregate;
import org.plenary.results.RunWriter;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;

/**
 * Prints the figures of docs/performance.md as Markdown tables: replications per second of the
 * bundled scenarios on 1 and 2 threads, seconds per replication as the assembly grows (with the
 * fitted growth exponent), a study-group scale run, and peak heap against replication count.
 * Wall-clock figures: run on an otherwise idle machine.
 */
public final class PerformanceReport {
    private PerformanceReport() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("# Plenary performance report, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));
        modelV2();
        if (args.length > 0 && args[0].equals("v2")) {
            return;
        }
        bundledScenarios();
        scaling();
        studyGroup();
        ktabExamples();
        memory();
    }

    private static Scenario load(Path file, String... sets) throws Exception {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        return ScenarioLoader.load(file, assignments).scenario();
    }

    /**
     * Replications per second with aggregation (summaries, charts' data), no disk: the median of
     * three timed runs after two warm-up runs, so the JIT has compiled the hot loops.
     */
    private static double rate(Scenario scenario, int threads) throws InterruptedException {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            RunAggregate aggregate = new RunAggregate(scenario);
            Experiment.run(scenario, 0, threads, aggregate::add);
        }
        double[] rates = new double[3];
        for (int run = 0; run < rates.length; run++) {
            RunAggregate aggregate = new RunAggregate(scenario);
            long start = System.nanoTime();
            Experiment.run(scenario, run + 1, threads, aggregate::add);
            rates[run] = scenario.replications() / ((System.nanoTime() - start) / 1e9);
        }
        java.util.Arrays.sort(rates);
        return rates[1];
    }

    /**
     * The flagship with and without the v2 mechanisms (coalitions as actors, agenda-setting), on 2
     * threads, timed alternately in the same process: the ratio holds even on a busy machine, where
     * the absolute rates do not.
     */
    private static void modelV2() throws Exception {
        System.out.println("\n## Model v2 against v1: us-withdraws, 2 threads\n");
        System.out.println("| round of timing | v1 (replications/s) | v2 (replications/s) | v2 / v1 |");
        System.out.println("|---|---|---|---|");
        Scenario v1 = load(Path.of("scenarios/us-withdraws.yaml"), "replications=60");
        Scenario v2 = load(Path.of("scenarios/us-withdraws-v2.yaml"), "replications=60");
        for (int timing = 1; timing <= 3; timing++) {
            double before = rate(v1, 2);
            double after = rate(v2, 2);
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.2f |%n", timing, before, after, after / before);
        }
    }

    private static void bundledScenarios() throws Exception {
        System.out.println("\n## Bundled scenarios: replications per second\n");
        System.out.println("| scenario | delegations | rounds | 1 thread | 2 threads | speed-up |");
        System.out.println("|---|---|---|---|---|---|");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            Scenario scenario = load(file, "replications=60");
            double one = rate(scenario, 1);
            double two = rate(scenario, 2);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.2fx |%n", file.getFileName(),
                    scenario.delegations().size(), scenario.rounds(), one, two, two / one);
        }
    }

    private static void scaling() throws Exception {
        System.out.println("\n## Seconds per replication as the assembly grows (3 dimensions, 60 rounds, 1 thread)\n");
        System.out.println("| delegations | tolerance 0.3 (flagship-like) | tolerance 0.05 |");
        System.out.println("|---|---|---|");
        SimpleRegression wide = new SimpleRegression();
        SimpleRegression narrow = new SimpleRegression();
        for (int n : new int[] {100, 200, 400, 800, 1600, 3200}) {
            int replications = n <= 400 ? 20 : n <= 800 ? 6 : 2;
            double wideSeconds = secondsPerReplication(
                    SyntheticScenarios.load(SyntheticScenarios.yaml(n, n, 60, replications, 0.3)), replications);
            double narrowSeconds = secondsPerReplication(
                    SyntheticScenarios.load(SyntheticScenarios.yaml(n, n, 60, replications, 0.05)), replications);
            wide.addData(Math.log(n), Math.log(wideSeconds));
            narrow.addData(Math.log(n), Math.log(narrowSeconds));
            System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f |%n", n, wideSeconds, narrowSeconds);
        }
        System.out.printf(Locale.ROOT, "%nFitted growth (log-log least squares): time ~ n^%.2f at tolerance 0.3 (R² %.3f),"
                + " n^%.2f at tolerance 0.05 (R² %.3f)%n", wide.getSlope(), wide.getRSquare(), narrow.getSlope(),
                narrow.getRSquare());
    }

    /** Mean seconds of one replication on the calling thread, after one warm-up replication. */
    private static double secondsPerReplication(Scenario scenario, int replications) {
        Experiment.replicate(scenario, 0, 1);
        long start = System.nanoTime();
        for (int r = 1; r <= replications; r++) {
            Experiment.replicate(scenario, 1, r);
        }
        return (System.nanoTime() - start) / 1e9 / replications;
    }

    private static void studyGroup() throws Exception {
        System.out.println("\n## Study-group scale: 194 voting states + 1,106 non-voting participants, 60 rounds\n");
        System.out.printf(Locale.ROOT, "%.3f s per replication (1 thread)%n",
                secondsPerReplication(SyntheticScenarios.load(1300, 194, 60, 3), 3));
    }

    /** KTAB's dummy scenarios (1 dimension, no agenda) through Plenary's assembly model, 60 rounds. */
    private static void ktabExamples() throws Exception {
        System.out.println("\n## KTAB example scenarios run through Plenary (60 rounds, 1 thread)\n");
        System.out.println("| file | actors | dimensions | seconds per replication |");
        System.out.println("|---|---|---|---|");
        for (String name : List.of("dummyData-a040.csv", "dummyData-a080.csv", "dummyData-a160.csv")) {
            Path file = Path.of("scenarios/ktab", name);
            if (!Files.exists(file)) {
                continue;
            }
            Scenario scenario = load(file);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.5f |%n", name, scenario.delegations().size(),
                    scenario.dimensions().size(), secondsPerReplication(scenario, 20));
        }
    }

    private static void memory() throws Exception {
        System.out.println("\n## Peak heap after GC against replication count (--keep none, small-assembly)\n");
        System.out.println("| replications | peak heap used (MB) |");
        System.out.println("|---|---|");
        double first = 0;
        for (int replications : new int[] {500, 5000}) {
            double peak = peakHeap(load(Path.of("scenarios/small-assembly.yaml"), "replications=" + replications));
            first = first == 0 ? peak : first;
            System.out.printf(Locale.ROOT, "| %d | %.1f |%n", replications, peak);
            if (replications == 5000) {
                System.out.printf(Locale.ROOT, "%nRatio 5,000 / 500: %.2f%n", peak / first);
            }
        }
    }

    /** Writes a real --keep none run to a temporary directory, sampling heap used after GC every 250 replications. */
    private static double peakHeap(Scenario scenario) throws IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path directory = Files.createTempDirectory("plenary-memory");
        double[] peak = {0};
        int[] done = {0};
        try (RunWriter writer = new RunWriter(scenario, directory, Instant.now(), Keep.NONE)) {
            Experiment.run(scenario, 0, 2, record -> {
                writer.accept(record);
                if (++done[0] % 250 == 0) {
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed() / 1e6);
                }
            });
        }
        return peak[0];
    }
}
