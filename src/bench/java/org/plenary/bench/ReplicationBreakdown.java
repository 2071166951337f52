package org.plenary.bench;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.dynamics.Mechanisms;
import org.plenary.model.Assembly;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;
import sim.engine.SimState;

/**
 * Where a whole replication's time goes, mechanism by mechanism and the observer (the replication
 * record with its swing voters): runs a scenario's rounds as {@code AssemblySim} schedules them (same
 * seed, same generator, same order; checked against {@link Experiment#replicate}) with a clock around
 * every step (the thread's CPU time), on one thread. Prints a Markdown table per scenario: mean CPU
 * milliseconds per replication and share of the total, and the thread's CPU time per whole replication.
 * <pre>java -cp target/test-classes:target/plenary.jar org.plenary.bench.ReplicationBreakdown
 *     [replications] scenario.yaml...</pre>
 */
public final class ReplicationBreakdown {
    /** Each step's clock is the thread's CPU time, which other processes on a busy machine do not inflate. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String OBSERVER = "observer (replication record, swing voters)";

    private ReplicationBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int replications = Integer.parseInt(args[0]);
        for (int s = 1; s < args.length; s++) {
            Scenario scenario = ScenarioLoader.load(Path.of(args[s]), List.of()).scenario();
            check(scenario);
            warmUp(scenario, Math.max(20, replications / 4)); // warm-up: the JIT compiles the hot loops
            Map<String, Long> nanos = new LinkedHashMap<>();
            long cpu = CPU.getCurrentThreadCpuTime();
            for (int r = 1; r <= replications; r++) {
                run(scenario, r, nanos);
            }
            double cpuMs = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6 / replications;
            print(args[s], nanos, replications, cpuMs);
        }
    }

    private static void warmUp(Scenario scenario, int replications) {
        Map<String, Long> ignored = new LinkedHashMap<>();
        for (int r = 1; r <= replications; r++) {
            run(scenario, r, ignored);
        }
    }

    /** The loop of {@code AssemblySim}, timed: opening coalitions, observe, then each round's steps and observe. */
    static ReplicationRecord run(Scenario scenario, int replication, Map<String, Long> nanos) {
        long seed = org.plenary.sim.Seeds.forReplication(scenario.seed(), 0, replication);
        MersenneTwisterFast seeded = new MersenneTwisterFast(seed);
        seeded.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        MersenneTwisterFast random = SimState.primeGenerator(seeded); // as SimState.start() does
        Assembly a = new Assembly(scenario);
        ReplicationRecord record = Experiment.newRecord(scenario, replication, seed);
        List<Mechanisms.Step> steps = Mechanisms.forScenario(scenario, seed);
        steps.stream().filter(step -> step.name().equals(Mechanisms.COALITIONS))
                .forEach(step -> step.mechanism().step(a, random));
        record.observe(a);
        for (int round = 1; round <= scenario.rounds(); round++) {
            a.setRound(a.round() + 1);
            for (Mechanisms.Step step : steps) {
                long start = CPU.getCurrentThreadCpuTime();
                step.mechanism().step(a, random);
                nanos.merge(step.name() + " (" + step.mechanism().getClass().getSimpleName() + ")",
                        CPU.getCurrentThreadCpuTime() - start, Long::sum);
            }
            long start = CPU.getCurrentThreadCpuTime();
            record.observe(a);
            nanos.merge(OBSERVER, CPU.getCurrentThreadCpuTime() - start, Long::sum);
        }
        return record;
    }

    /** The timed loop must be the model's own: same record as {@link Experiment#replicate} for a few replications. */
    private static void check(Scenario scenario) {
        for (int r = 1; r <= 3; r++) {
            ReplicationRecord timed = run(scenario, r, new LinkedHashMap<>());
            ReplicationRecord model = Experiment.replicate(scenario, 0, r);
            if (timed.finalPolarisation() != model.finalPolarisation()
                    || timed.finalCoalitionCount() != model.finalCoalitionCount()) {
                throw new IllegalStateException("the timed loop does not replay the model's replication " + r);
            }
        }
    }

    private static void print(String name, Map<String, Long> nanos, int replications, double cpuMs) {
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%n%s: %d replications, %.2f ms of thread CPU per replication, %.2f ms of it in the steps%n%n",
                name, replications, cpuMs, total / 1e6 / replications);
        System.out.println("| step | ms per replication | share |");
        System.out.println("|---|---|---|");
        nanos.forEach((step, ns) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.1f%% |%n", step,
                ns / 1e6 / replications, 100.0 * ns / total));
    }
}
