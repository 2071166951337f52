package org.plenary.sim;

import java.util.List;
import org.plenary.dynamics.Mechanisms;
import org.plenary.model.Assembly;
import org.plenary.observe.RoundObserver;
import org.plenary.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication of a scenario as a MASON model: one SimState with its own generator, one
 * Steppable per mechanism, repeating every round in the order of {@link Mechanisms#forScenario}
 * and followed by the observers. It runs the same with or without a GUI; {@link #runAll()}
 * drives the schedule itself because MASON's doLoop calls System.exit.
 */
public final class AssemblySim extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient Scenario scenario;
    private final long seed;
    private final transient List<RoundObserver> observers;
    private transient Assembly assembly;

    public AssemblySim(Scenario scenario, long seed, List<RoundObserver> observers) {
        super(seed);
        // MersenneTwisterFast(long) keeps only the low 32 bits; seed it with all 64.
        random.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        this.seed = seed;
        this.scenario = scenario;
        this.observers = List.copyOf(observers);
    }

    @Override
    public void start() {
        super.start();
        assembly = new Assembly(scenario);
        List<Mechanisms.Step> steps = Mechanisms.forScenario(scenario, seed);
        // Round 0 records the opening coalitions too (DBSCAN draws nothing; the landscape method draws
        // from a generator of its own, so the model's stream is untouched).
        steps.stream().filter(step -> step.name().equals(Mechanisms.COALITIONS))
                .forEach(step -> step.mechanism().step(assembly, random));
        observers.forEach(observer -> observer.observe(assembly));
        int ordering = 0;
        schedule.scheduleRepeating(Schedule.EPOCH, ordering++, (Steppable) state -> assembly.setRound(assembly.round() + 1));
        for (Mechanisms.Step step : steps) {
            schedule.scheduleRepeating(Schedule.EPOCH, ordering++,
                    (Steppable) state -> step.mechanism().step(assembly, random));
        }
        schedule.scheduleRepeating(Schedule.EPOCH, ordering,
                (Steppable) state -> observers.forEach(observer -> observer.observe(assembly)));
    }

    /** Starts the model and runs every round of the scenario. */
    public void runAll() {
        start();
        for (int round = 1; round <= scenario.rounds(); round++) {
            schedule.step(this);
        }
        finish();
    }

    public Assembly assembly() {
        return assembly;
    }
}
