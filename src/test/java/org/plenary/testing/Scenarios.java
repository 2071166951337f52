package org.plenary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/** Writes scenario text to files and loads it through the real input pipeline. */
public final class Scenarios {
    private Scenarios() {
    }

    /** The header shared by the small test scenarios: one or two dimensions, a few rounds. */
    public static final String TWO_DIMENSIONS = """
            name: test
            seed: 42
            rounds: 5
            replications: 2
            dimensions:
              - {id: a, low: "left", high: "right"}
              - {id: b}
            """;

    /**
     * One dimension, no influence and no noise, so positions stay at the ideal points. On the tabled
     * text 0.2 against the status quo 0.6 (abstention band 0.05): L1 (0.1) is 0.1 from the text and
     * 0.5 from the status quo, yes; L2 (0.2) yes; M (0.4) is 0.2 from both, abstains; R1 (0.8) and
     * R2 (0.9) are closer to the status quo, no; W withdrew at round 2, absent; S has no vote, no
     * ballot. Tally 2-2-1: not adopted (yes must exceed no).
     */
    public static final String BALLOTS = """
            name: ballots
            seed: 7
            rounds: 4
            replications: 3
            dimensions: [{id: a}]
            delegations:
              - {id: L1, groups: [L], position: {a: 0.1}}
              - {id: L2, groups: [L], position: {a: 0.2}}
              - {id: M, position: {a: 0.4}}
              - {id: R1, groups: [R], position: {a: 0.8}}
              - {id: R2, groups: [R], position: {a: 0.9}}
              - {id: W, position: {a: 0.15}}
              - {id: S, position: {a: 0.1}, votes: false}
            agenda:
              - {id: left-text, weights: {a: 1}, status_quo: {a: 0.6}, text: {a: 0.2}, deadline: 3}
              - {id: drafted, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
            decision: {rule: vote, majority: 0.5, quorum: 0.5, abstention_band: 0.05}
            influence: {model: none, noise: 0}
            events: [{round: 2, type: withdraw, delegation: W}]
            """;

    /**
     * X's declared members A (capability 3), B (2) and C (1) sit together; A, with the largest
     * claim, leads the coalition X seeds, until it withdraws in round 2 and B succeeds it (ODD 7.4b).
     * The item closes by vote at its deadline, round 4, two rounds before the end.
     */
    public static final String SUCCESSION = """
            name: succession
            rounds: 6
            replications: 2
            dimensions: [{id: a}]
            influence: {model: none, anchor: 0, noise: 0}
            delegation_defaults: {salience: 1, capability: 1}
            delegations:
              - {id: A, groups: [X], position: {a: 0.1}, capability: 3}
              - {id: B, groups: [X], position: {a: 0.12}, capability: 2}
              - {id: C, groups: [X], position: {a: 0.14}}
              - {id: D, position: {a: 0.9}}
            blocs: [{id: X, cohesion: 0.5}]
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
            decision: {rule: vote}
            coalition_formation: {model: alliance, reach: 0.3}
            events:
              - {round: 2, type: withdraw, delegation: A}
            """;

    public static Path write(Path directory, String name, String text) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path directory, String text, String... sets) throws InputException {
        Path file = write(directory, "scenario.yaml", text);
        List<Overrides.Assignment> assignments = new java.util.ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        return ScenarioLoader.load(file, assignments).scenario();
    }

    /** The problems a scenario text is rejected with, as printed to the user. */
    public static List<String> problems(Path directory, String text, String... sets) {
        try {
            load(directory, text, sets);
        } catch (InputException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("expected the scenario to be rejected");
    }
}
