package org.plenary.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;

/**
 * The cost of the model v2 mechanisms (docs/ODD.md 7.9-7.12) on the 194-state flagship: one whole
 * replication of us-withdraws beside one of us-withdraws-v2 (aspirations, exchange, attendance and
 * bloc discipline on), in the same JVM, so that their ratio holds on a busy machine too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NegotiationBenchmark {
    private Scenario v1;
    private Scenario v2;
    private int replication;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        v1 = ScenarioLoader.load(Path.of("scenarios/us-withdraws.yaml"), List.of()).scenario();
        v2 = ScenarioLoader.load(Path.of("scenarios/us-withdraws-v2.yaml"), List.of()).scenario();
    }

    @Benchmark
    public int replicationV1() {
        return Experiment.replicate(v1, 0, 1 + replication++ % 20).finalCoalitionCount();
    }

    @Benchmark
    public int replicationV2() {
        return Experiment.replicate(v2, 0, 1 + replication++ % 20).finalCoalitionCount();
    }
}
