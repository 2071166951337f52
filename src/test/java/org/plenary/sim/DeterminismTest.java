package org.plenary.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.results.Keep;
import org.plenary.results.Manifest;
import org.plenary.results.RunWriter;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.testing.Scenarios;

/** Same seed, same bytes, at any thread count; another seed, other results. */
class DeterminismTest {
    private static final Path BUNDLED = Path.of("scenarios/small-assembly.yaml");
    private static final List<String> TABLES = List.of("rounds.csv", "items.csv", "coalitions.csv", "outcomes.csv",
            "pivotal.csv", "summary.json", "summary.csv", "scenario.resolved.yaml");

    @TempDir
    Path dir;

    private Scenario bundled(String... sets) throws Exception {
        List<Overrides.Assignment> assignments = new java.util.ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        return ScenarioLoader.load(BUNDLED, assignments).scenario();
    }

    private Path run(Scenario scenario, int threads, String label) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (RunWriter writer = new RunWriter(scenario, dir.resolve(label), start, Keep.ROUNDS)) {
            Experiment.run(scenario, 0, threads, writer::render, writer::accept);
            return writer.commit(new Manifest.Context(List.of("test"), BUNDLED, "sha", threads, start, start));
        }
    }

    @Test
    void sameSeedGivesTheSameBytesAtAnyThreadCount() throws Exception {
        Scenario scenario = bundled("replications=6", "rounds=25");
        Path one = run(scenario, 1, "one");
        Path again = run(scenario, 1, "again");
        Path two = run(scenario, 2, "two");
        for (String table : TABLES) {
            byte[] expected = Files.readAllBytes(one.resolve(table));
            assertArrayEquals(expected, Files.readAllBytes(again.resolve(table)), table + " differs between two runs");
            assertArrayEquals(expected, Files.readAllBytes(two.resolve(table)), table + " differs with 2 threads");
        }
    }

    @Test
    void anotherSeedGivesOtherResults() throws Exception {
        Path first = run(bundled("replications=2", "rounds=10"), 2, "first");
        Path second = run(bundled("replications=2", "rounds=10", "seed=7"), 2, "second");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.resolve("rounds.csv")),
                Files.readAllBytes(second.resolve("rounds.csv"))));
    }

    @Test
    void seedsDependOnMasterPointAndReplicationOnly() {
        Set<Long> seen = new HashSet<>();
        for (int point = 0; point < 20; point++) {
            for (int replication = 1; replication <= 50; replication++) {
                long seed = Seeds.forReplication(123, point, replication);
                assertEquals(seed, Seeds.forReplication(123, point, replication));
                seen.add(seed);
            }
        }
        assertEquals(1000, seen.size(), "no collisions among 1000 (point, replication) pairs");
        assertNotEquals(Seeds.forReplication(1, 0, 1), Seeds.forReplication(2, 0, 1));
    }

    @Test
    void theCoalitionMethodObservesWithoutChangingTheNegotiation() throws Exception {
        var dbscan = Experiment.replicate(bundled("rounds=20"), 0, 1);
        var landscape = Experiment.replicate(bundled("rounds=20", "coalitions.method=landscape"), 0, 1);
        for (int i = 0; i < dbscan.delegations(); i++) {
            for (int k = 0; k < dbscan.dimensions(); k++) {
                assertEquals(dbscan.position(20, i, k), landscape.position(20, i, k), "same draws, same positions");
            }
        }
    }

    @Test
    void generatorsUseAll64BitsOfTheSeed() throws Exception {
        Scenario scenario = bundled("rounds=1");
        long low = 12345L;
        long high = low | (1L << 40);
        double a = new AssemblySim(scenario, low, List.of()).random.nextDouble();
        double b = new AssemblySim(scenario, high, List.of()).random.nextDouble();
        assertNotEquals(a, b, "seeds differing only in their high bits must give different streams");
    }

    @Test
    void theResolvedScenarioReproducesTheRun() throws Exception {
        Scenario scenario = bundled("replications=2", "rounds=15", "delegations.USA.capability=12");
        Path resolved = Scenarios.write(dir, "resolved.yaml", ScenarioYaml.write(scenario));
        Scenario reloaded = ScenarioLoader.load(resolved, List.of()).scenario();
        assertEquals(ScenarioYaml.write(scenario), ScenarioYaml.write(reloaded));
        Path original = run(scenario, 1, "original");
        Path replay = run(reloaded, 1, "replay");
        assertArrayEquals(Files.readAllBytes(original.resolve("rounds.csv")), Files.readAllBytes(replay.resolve("rounds.csv")));
    }

    @Test
    void anAbandonedRunLeavesNothingBehind() throws Exception {
        Scenario scenario = bundled("replications=2", "rounds=5");
        Path base = dir.resolve("abandoned");
        try (RunWriter writer = new RunWriter(scenario, base, Instant.now(), Keep.ROUNDS)) {
            writer.accept(Experiment.replicate(scenario, 0, 1));
            // no commit: e.g. the run was interrupted or a replication failed
        }
        assertFalse(Files.exists(base.resolve(scenario.name())), "not even the scenario's folder it created");
    }
}
