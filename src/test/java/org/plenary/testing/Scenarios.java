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
