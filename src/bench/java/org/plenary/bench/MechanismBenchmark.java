package org.plenary.bench;

import ec.util.MersenneTwisterFast;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.plenary.dynamics.AgendaSetting;
import org.plenary.dynamics.CoalitionFormation;
import org.plenary.dynamics.DbscanCoalitions;
import org.plenary.dynamics.DecisionMaking;
import org.plenary.dynamics.HegselmannKrause;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.perf.FlatKernels;
import org.plenary.perf.SyntheticScenarios;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;

/**
 * The hot mechanisms on a synthetic assembly mid-negotiation, each beside a flat-array kernel of
 * the same arithmetic; and a whole replication. Run: see docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MechanismBenchmark {
    @Param({"194"})
    int delegations;

    private Scenario scenario;
    private Assembly assembly;
    private double[] state;
    private double[] out;
    private int[] counts;
    private HegselmannKrause influence;
    private DbscanCoalitions coalitions;
    private DecisionMaking decision;
    private CoalitionFormation formation;
    private AgendaSetting agendaSetting;
    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        scenario = SyntheticScenarios.load(delegations);
        assembly = SyntheticScenarios.midNegotiation(scenario, 20);
        state = assembly.position.clone();
        out = new double[state.length];
        counts = new int[assembly.delegations];
        influence = new HegselmannKrause(0.3, 0.05, 1.0, 0.5);
        coalitions = new DbscanCoalitions(0.12, 2);
        decision = new DecisionMaking(scenario.decision());
        // Model v2 (ODD 7.4b, 7.6b) with the flagship v2 parameters; seeded here, stepped in the benchmarks.
        formation = new CoalitionFormation(new Scenario.Formation(Scenario.FormationModel.ALLIANCE, 0.1, 1, 0.02,
                0.05, 2, 0.5), scenario.blocs(), true);
        formation.step(assembly, random);
        agendaSetting = new AgendaSetting(new Scenario.AgendaSetting(Scenario.AgendaModel.TABLING, 1, 0.5, 0.5,
                Scenario.Proposal.COALITION_TEXT, 1), scenario.chair(), scenario.agenda(), decision);
        agendaSetting.step(assembly, random);
    }

    /**
     * Model v2: one round of the coalition game on every item (ODD 7.4b). The assembly does not change
     * between calls, so after the first it measures a settled round, which skips its pass as in a run.
     */
    @Benchmark
    public int coalitionFormationRound() {
        java.util.Arrays.fill(assembly.itemState, ItemState.OPEN);
        formation.step(assembly, random);
        return assembly.coalitions().size();
    }

    /** Model v2: the pen-holder's revision, one recognised rival, support and drafting on every item. */
    @Benchmark
    public double agendaSettingRound() {
        java.util.Arrays.fill(assembly.itemState, ItemState.OPEN);
        agendaSetting.step(assembly, random);
        return assembly.draft[0];
    }

    @Benchmark
    public double influenceRound() {
        System.arraycopy(state, 0, assembly.position, 0, state.length);
        influence.step(assembly, random);
        return assembly.position[0];
    }

    @Benchmark
    public double influenceKernel() {
        FlatKernels.influence(assembly.delegations, assembly.dimensions, state, assembly.activeSalience,
                assembly.capability, assembly.tolerance, 0.15, out);
        return out[0];
    }

    @Benchmark
    public int coalitionDetection() {
        return coalitions.detect(assembly).size();
    }

    @Benchmark
    public int coalitionKernel() {
        return FlatKernels.neighbourCounts(assembly.delegations, assembly.dimensions, assembly.position, 0.12, counts);
    }

    /** Objections and consensus on every item (reopened each call so the work is the same). */
    @Benchmark
    public double decisionRound() {
        java.util.Arrays.fill(assembly.itemState, ItemState.OPEN);
        decision.step(assembly, random);
        return assembly.objectingShare[0];
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int replication() {
        return Experiment.replicate(scenario, 0, 1).finalCoalitionCount();
    }
}
