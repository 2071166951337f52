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
     * Two standards bodies, one item, no influence, one dimension, salience and capability 1, status quo 0.5,
     * nobody objecting but M (threshold 0.1). In the ITU (members M, R1-R3) the compromise is
     * (0.9 + 3 x 0.2) / 4 = 0.375, which M objects to: it loses |0.9 - 0.375| - |0.9 - 0.5| = 0.125 &gt; 0.1, so
     * the ITU would not take it and the item is worth 0 to M there. In SC 42 (ISO/IEC, P-members M, Y1, Y2) the
     * compromise (0.9 + 2 x 0.8) / 3 = 0.8333 has no objector and all three vote yes: approved, worth
     * 0.4 - 0.0667 = 0.3333 to M. With forum shifting at cost 0.1, M moves the item to SC 42 in round 1, and its
     * ballot adopts it in round 2.
     */
    public static final String BODIES = """
            name: bodies
            seed: 3
            rounds: 12
            replications: 3
            dimensions: [{id: a}]
            influence: {model: none, noise: 0}
            delegation_defaults: {salience: 1, objection_threshold: 1000000}
            bodies:
              - {id: itu, procedure: itu-plenary}
              - {id: sc42, procedure: iso-iec}
            delegations:
              - {id: M, position: {a: 0.9}, objection_threshold: 0.1, membership: {itu: member, sc42: P}}
              - {id: R1, position: {a: 0.2}, membership: {itu: member}}
              - {id: R2, position: {a: 0.2}, membership: {itu: member}}
              - {id: R3, position: {a: 0.2}, membership: {itu: member}}
              - {id: Y1, position: {a: 0.8}, membership: {sc42: P}}
              - {id: Y2, position: {a: 0.8}, membership: {sc42: P}}
            agenda:
              - {id: ai, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 10, body: itu}
            forum_shifting: {model: expected-outcome, cost: 0.1}
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
