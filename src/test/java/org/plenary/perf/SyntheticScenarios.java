package org.plenary.perf;

import ec.util.MersenneTwisterFast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.plenary.dynamics.Mechanisms;
import org.plenary.model.Assembly;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * Synthetic assemblies of any size for benchmarks: uniform random positions and saliences on
 * three dimensions, seven blocs, three agenda items in three forums, one delegation that
 * disengages then withdraws; optionally non-voting participants beyond the first {@code voting}.
 */
public final class SyntheticScenarios {
    private static final String[] BLOCS = {"EU", "CEPT", "APT", "ATU", "CITEL", "RCC", "ARAB"};

    private SyntheticScenarios() {
    }

    public static String yaml(int delegations, int voting, int rounds, int replications) {
        return yaml(delegations, voting, rounds, replications, 0.3);
    }

    /** As above with every delegation's tolerance set, and a DBSCAN radius of a third of it. */
    public static String yaml(int delegations, int voting, int rounds, int replications, double tolerance) {
        Random random = new Random(delegations);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                name: synthetic-%d
                seed: 1
                rounds: %d
                replications: %d
                dimensions: [{id: a}, {id: b}, {id: c}]
                delegation_defaults: {tolerance: %s}
                coalitions: {radius: %s}
                delegations:
                """, delegations, rounds, replications, tolerance, Math.min(0.12, tolerance / 3)));
        for (int i = 0; i < delegations; i++) {
            text.append(String.format(Locale.ROOT, "  - {id: D%d, groups: [%s], capability: %.2f, votes: %s,"
                            + " position: {a: %.3f, b: %.3f, c: %.3f}, salience: {a: %.2f, b: %.2f, c: %.2f}}%n",
                    i, BLOCS[random.nextInt(BLOCS.length)], 0.1 + 10 * random.nextDouble(), i < voting,
                    random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble(), random.nextDouble()));
        }
        text.append("""
                blocs: [{id: EU, cohesion: 0.5}, {id: CEPT, cohesion: 0.3}, {id: APT, cohesion: 0.1},
                        {id: ATU, cohesion: 0.3}, {id: CITEL, cohesion: 0.1}, {id: RCC, cohesion: 0.5},
                        {id: ARAB, cohesion: 0.4}]
                agenda:
                  - {id: i1, forum: ad-hoc, weights: {a: 1, b: 0.5}, status_quo: {a: 0.3, b: 0.4}, deadline: 40}
                  - {id: i2, weights: {b: 1}, status_quo: {b: 0.6}, deadline: 45}
                  - {id: i3, forum: study-group, weights: {c: 1, a: 0.3}, status_quo: {c: 0.2, a: 0.4}, deadline: 50}
                chair: {accommodation: 0.03}
                events:
                  - {round: 5, type: disengage, delegation: D0, forums: [ad-hoc]}
                  - {round: 12, type: withdraw, delegation: D0}
                """);
        return text.toString();
    }

    /** A synthetic scenario, all delegations voting, 60 rounds. */
    public static Scenario load(int delegations) throws IOException, InputException {
        return load(delegations, delegations, 60, 10);
    }

    public static Scenario load(int delegations, int voting, int rounds, int replications)
            throws IOException, InputException {
        return load(yaml(delegations, voting, rounds, replications));
    }

    public static Scenario load(String yaml) throws IOException, InputException {
        Path file = Files.createTempFile("plenary-synthetic-", ".yaml");
        try {
            Files.writeString(file, yaml);
            return ScenarioLoader.load(file, List.of()).scenario();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The assembly after its first {@code rounds} rounds: the state benchmarks time mechanisms on. */
    public static Assembly midNegotiation(Scenario scenario, int rounds) {
        Assembly assembly = new Assembly(scenario);
        MersenneTwisterFast random = new MersenneTwisterFast(1);
        List<Mechanisms.Step> steps = Mechanisms.forScenario(scenario, 1L);
        for (int round = 1; round <= rounds; round++) {
            assembly.setRound(round);
            for (Mechanisms.Step step : steps) {
                step.mechanism().step(assembly, random);
            }
        }
        return assembly;
    }
}
