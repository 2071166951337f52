package org.plenary.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.batch.SweepDirectories.plenary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sweep.Sweep;
import org.plenary.sweep.SweepPlan;

/** Sharded sweeps without a cluster: the worker, a local resume of the shards, and bad input. */
class ShardedSweepTest {
    private static final String RATES = "influence.rate=0.1,0.3,0.5";

    @TempDir
    Path dir;

    /** A sweep cut into shards as --backend slurm does, without submitting anything. */
    private Shards shardedSweep(Path directory, int tasks) throws Exception {
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(Path.of("scenarios/small-assembly.yaml"),
                List.of(Overrides.Assignment.option("--replications", "replications", 6)));
        Sweep sweep = Sweep.create(directory, loaded, SweepPlan.grid(List.of(SweepPlan.parseValues(RATES))),
                List.of("plenary", "sweep", "(test)"));
        return Shards.create(sweep, tasks, "slurm");
    }

    @Test
    void workersThenALocalResumeMergeToTheBytesOfALocalSweep() throws Exception {
        SweepDirectories.Result reference = plenary("sweep", "scenarios/small-assembly.yaml", "--param", RATES,
                "--replications", "6", "--threads", "2", "--out", dir.resolve("local").toString());
        assertEquals(0, reference.exit(), reference.err());

        Path sharded = dir.resolve("sharded");
        Shards shards = shardedSweep(sharded, 4);
        SweepDirectories.Result worker = plenary("worker", sharded.toString(), "--shard", "1", "--threads", "1");
        assertEquals(0, worker.exit(), worker.err());
        assertEquals(List.of(0, 2, 3), shards.missing());
        // shard 1 of 18 units in 4 tasks is units 4..8: replications 5-6 of point 0 and 1-3 of point 1
        List<String> rows = Files.readAllLines(shards.file(1), StandardCharsets.UTF_8);
        assertEquals(List.of("0,5", "0,6", "1,1", "1,2", "1,3"),
                rows.stream().map(row -> row.substring(0, row.indexOf(',', row.indexOf(',') + 1))).toList());
        FileTime written = Files.getLastModifiedTime(shards.file(1));

        SweepDirectories.Result status = plenary("status", sharded.toString());
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("1 of 4 shards finished (5 of 18 replications)"), status.out());

        SweepDirectories.Result resumed = plenary("sweep", "--resume", sharded.toString(), "--backend", "local");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming: 3 of 4 shards left"), resumed.err());
        assertEquals(written, Files.getLastModifiedTime(shards.file(1)), "a finished shard is not recomputed");
        SweepDirectories.assertSameOutputs(SweepDirectories.sweepDirectory(reference), sharded);
        assertFalse(Files.exists(sharded.resolve(Sweep.INCOMPLETE)));
        assertTrue(plenary("status", sharded.toString()).out().startsWith("complete: 3 points x 6 replications"));
    }

    @Test
    void badShardedInputExitsTwoWithAMessage() throws Exception {
        String out = dir.resolve("results").toString();
        SweepDirectories.Result none = plenary("sweep", "scenarios/small-assembly.yaml", "--param", RATES,
                "--backend", "slurm", "--tasks", "0", "--out", out);
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--tasks 0: needs between 1 and 150 tasks"), none.err());
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", RATES, "--backend", "slurm",
                "--tasks", "151", "--out", out).exit(), "more tasks than units");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", RATES, "--tasks", "3",
                "--out", out).exit(), "--tasks without --backend slurm");
        assertEquals(2, plenary("sweep", "scenarios/small-assembly.yaml", "--param", RATES, "--backend", "pbs",
                "--out", out).exit(), "an unknown backend");
        assertFalse(Files.exists(Path.of(out, "small-assembly")) && Files.list(Path.of(out, "small-assembly"))
                .findAny().isPresent(), "rejected sweeps leave nothing");

        Path sharded = dir.resolve("sharded");
        shardedSweep(sharded, 3);
        assertEquals(2, plenary("worker", sharded.toString(), "--shard", "3").exit(), "shards are 0 to 2");
        assertEquals(2, plenary("worker", dir.toString(), "--shard", "0").exit(), "not a batch directory");
        assertEquals(2, plenary("sweep", "--resume", sharded.toString(), "--backend", "local", "--tasks", "2").exit(),
                "the shards are fixed");

        Path plan = sharded.resolve("shards/plan.json");
        Files.writeString(plan, Files.readString(plan).replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"0.0.1\""));
        SweepDirectories.Result older = plenary("sweep", "--resume", sharded.toString(), "--backend", "local");
        assertEquals(2, older.exit());
        assertTrue(older.err().contains("made by plenary 0.0.1"), older.err());
        assertEquals(2, plenary("worker", sharded.toString(), "--shard", "0").exit());
    }

    @Test
    void aResumeOfALocalSweepMadeByAnotherVersionIsRefused() throws Exception {
        Path sweep = dir.resolve("local");
        shardedSweep(sweep, 2);
        Files.delete(sweep.resolve("shards/plan.json"));
        Path plan = sweep.resolve(Sweep.PLAN);
        Files.writeString(plan, Files.readString(plan).replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"0.0.1\""));
        SweepDirectories.Result older = plenary("sweep", "--resume", sweep.toString());
        assertEquals(2, older.exit());
        assertTrue(older.err().contains("made by plenary 0.0.1, this is plenary"), older.err());
    }

    @Test
    void withoutSbatchOnThePathTheSlurmBackendExitsTwoAndLeavesNothing() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "scenarios/small-assembly.yaml", "--param", RATES, "--backend", "slurm",
                "--out", dir.resolve("results").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("empty").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("sbatch is not on PATH"), output);
        assertFalse(Files.exists(dir.resolve("results/small-assembly"))
                && Files.list(dir.resolve("results/small-assembly")).findAny().isPresent());
    }
}
