package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.testing.Scenarios;

/** `plenary run` and `validate` with the model v2 mechanisms, as a user runs them. */
class NegotiationRunTest {
    @TempDir
    Path dir;

    /** A and B have crossed saliences (NegotiationMechanismsTest); C is small and often absent. */
    private static final String SCENARIO = Scenarios.TWO_DIMENSIONS + """
            delegations:
              - {id: A, groups: [G], position: {a: 0.2, b: 0.2}, salience: {a: 0.9, b: 0.1}}
              - {id: B, groups: [G], position: {a: 0.8, b: 0.8}, salience: {a: 0.1, b: 0.9}}
              - {id: C, position: {a: 0.5, b: 0.5}, capability: 0.01}
            blocs: [{id: G, cohesion: 0.5}]
            agenda:
              - {id: item, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 4}
            influence: {noise: 0}
            decision: {objections: aspiration}
            exchange: {model: stokman}
            attendance: {model: capacity}
            voting: {discipline: bloc}
            """;

    @Test
    void aRunWritesEveryExchangeAndTheSameBytesOnOneOrTwoThreads() throws Exception {
        Path scenario = Scenarios.write(dir, "v2.yaml", SCENARIO);
        List<String> tables = List.of("exchanges.csv", "outcomes.csv", "votes.csv", "scenario.resolved.yaml");
        byte[][] first = null;
        for (String threads : List.of("1", "2")) {
            Path out = dir.resolve("out" + threads);
            CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--out", out.toString(), "--threads", threads);
            assertEquals(0, run.exitCode(), run.err());
            Path result;
            try (Stream<Path> runs = Files.list(out.resolve("test"))) {
                result = runs.findFirst().orElseThrow();
            }
            List<String> lines = Files.readAllLines(result.resolve("exchanges.csv"));
            assertEquals("replication,round,a,b,dimension_a,dimension_b", lines.get(0));
            assertTrue(lines.contains("1,1,A,B,a,b"), "A and B trade in round 1: " + lines);
            assertTrue(Files.readString(result.resolve("scenario.resolved.yaml")).matches("(?s).*objections: \"?aspiration.*"));
            byte[][] bytes = new byte[tables.size()][];
            for (int t = 0; t < tables.size(); t++) {
                bytes[t] = Files.readAllBytes(result.resolve(tables.get(t)));
            }
            if (first == null) {
                first = bytes;
            } else {
                for (int t = 0; t < tables.size(); t++) {
                    assertArrayEquals(first[t], bytes[t], tables.get(t) + " differs between 1 and 2 threads");
                }
            }
        }
    }

    @Test
    void aBadValueIsRejectedWithFileLineAndFieldAndExitCodeTwo() {
        Path bad = Scenarios.write(dir, "bad.yaml", SCENARIO.replace("attendance: {model: capacity}",
                "attendance: {model: capacity, exponent: 11}"));
        CliTest.Result result = CliTest.plenary("validate", bad.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("bad.yaml:18: attendance.exponent: out of range"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }
}
