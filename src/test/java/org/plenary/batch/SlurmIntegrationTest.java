package org.plenary.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.plenary.batch.SweepDirectories.plenary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.sweep.Sweep;

/**
 * Sweeps on a real single-node Slurm, started by scripts/slurm-local.sh (which installs Debian's
 * slurm-wlm and munge when missing). Runs wherever the tests run as root with Slurm or apt-get, as
 * in CI; elsewhere it is skipped with the reason. Stops the daemons afterwards only if it started them.
 */
class SlurmIntegrationTest {
    private static final String[] SWEEP = {"sweep", "scenarios/small-assembly.yaml", "--param",
        "influence.rate=0.1,0.3,0.5", "--replications", "4"};

    @TempDir
    static Path dir;
    private static boolean startedHere;
    private static Path reference;

    @BeforeAll
    static void startSlurm() throws Exception {
        assumeTrue("0".equals(run("id", "-u").strip()), "Slurm integration tests skipped: not root, and"
                + " scripts/slurm-local.sh needs root to install and start Slurm");
        assumeTrue(onPath("sbatch") && onPath("slurmctld") || onPath("apt-get"), "Slurm integration tests skipped:"
                + " Slurm is not installed and apt-get is not available to install it");
        startedHere = script("status") != 0;
        assertEquals(0, script("start"), "scripts/slurm-local.sh start failed: see its output above");
        SweepDirectories.Result local = plenary(sweep("--out", dir.resolve("local").toString()));
        assertEquals(0, local.exit(), local.err());
        reference = SweepDirectories.sweepDirectory(local);
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (startedHere) {
            assertEquals(0, script("stop"));
        }
    }

    @Test
    void aSweepOnSlurmIsTheLocalSweepByteForByte() throws Exception {
        SweepDirectories.Result result = plenary(sweep("--backend", "slurm", "--tasks", "3", "--time", "0:10:00",
                "--out", dir.resolve("slurm").toString()));
        assertEquals(0, result.exit(), result.err());
        Path sweep = SweepDirectories.sweepDirectory(result);
        SweepDirectories.assertSameOutputs(reference, sweep);
        List<Slurm.Job> jobs = Slurm.jobs(sweep);
        assertEquals(1, jobs.size(), "one job array");
        assertEquals(List.of(0, 1, 2), jobs.get(0).shards());
        for (int task = 0; task < 3; task++) {
            assertTrue(Files.readString(Slurm.log(sweep, jobs.get(0).id(), task)).contains("shard " + task + " of 3"));
        }

        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        SweepDirectories.Result unwritable = plenary(sweep("--backend", "slurm", "--out",
                notADirectory.resolve("results").toString()));
        assertEquals(2, unwritable.exit());
        assertTrue(unwritable.err().contains("cannot create the sweep directory"), unwritable.err());
        SweepDirectories.Result refused = plenary(sweep("--backend", "slurm", "--partition", "no-such-partition",
                "--out", dir.resolve("refused").toString()));
        assertEquals(2, refused.exit(), "sbatch refuses an unknown partition");
        assertTrue(refused.err().contains("sbatch: refused the job array"), refused.err());
        assertFalse(Files.exists(dir.resolve("refused")) && Files.list(dir.resolve("refused/small-assembly"))
                .findAny().isPresent(), "refused before anything is written");
    }

    @Test
    void aTaskCancelledWithScancelMidRunIsResubmittedAloneAndTheMergeIsStillIdentical() throws Exception {
        SweepDirectories.Result detached = plenary(sweep("--backend", "slurm", "--tasks", "4", "--detach",
                "--out", dir.resolve("cancelled").toString()));
        assertEquals(0, detached.exit(), detached.err());
        assertTrue(detached.out().contains("follow it with: plenary status"), detached.out());
        Path sweep = SweepDirectories.sweepDirectory(detached);
        Shards shards = Shards.open(Sweep.open(sweep));
        String job = Slurm.jobs(sweep).get(0).id();

        int cancelled = cancelARunningTask(job, shards);
        waitUntil(() -> queued(job).isEmpty(), "the other tasks to finish");
        assertEquals(List.of(cancelled), shards.missing(), "only the cancelled task's shard is missing");
        List<Integer> missing = shards.missing();

        SweepDirectories.Result status = plenary("status", sweep.toString());
        assertTrue(status.out().contains("no task of this batch is queued or running"), status.out());
        assertTrue(status.out().contains("shard " + missing.get(0) + ": task " + job + "_" + missing.get(0)
                + ", log " + Slurm.log(sweep, job, missing.get(0))), status.out());

        Map<Path, FileTime> finished = new LinkedHashMap<>();
        for (int shard = 0; shard < 4; shard++) {
            if (shards.done(shard)) {
                finished.put(shards.file(shard), Files.getLastModifiedTime(shards.file(shard)));
            }
        }
        SweepDirectories.Result resumed = plenary("sweep", "--resume", sweep.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(missing, Slurm.jobs(sweep).get(1).shards(), "only the missing shards are resubmitted");
        for (Map.Entry<Path, FileTime> shard : finished.entrySet()) {
            assertEquals(shard.getValue(), Files.getLastModifiedTime(shard.getKey()), "recomputed " + shard.getKey());
        }
        SweepDirectories.assertSameOutputs(reference, sweep);
        assertTrue(plenary("status", sweep.toString()).out().startsWith("complete:"));
    }

    @Test
    void aFailingTaskIsReportedWithItsLogAndTheResumeRunsItAgain() throws Exception {
        Path out = dir.resolve("failing");
        // Held until the test has made shard 1's temporary file a directory, so that its task fails writing.
        CompletableFuture<SweepDirectories.Result> running = CompletableFuture.supplyAsync(() -> plenary(sweep(
                "--backend", "slurm", "--tasks", "2", "--sbatch-arg=--hold", "--out", out.toString())));
        waitUntil(() -> jobsFile(out) != null, "the held job");
        Path sweep = jobsFile(out).getParent().getParent();
        String job = Slurm.jobs(sweep).get(0).id();
        Path blocker = Files.createDirectories(sweep.resolve("shards/.shard-00001.csv.tmp"));
        run("scontrol", "release", job);
        SweepDirectories.Result failed = running.get(5, TimeUnit.MINUTES);

        assertEquals(1, failed.exit(), failed.err());
        Path log = Slurm.log(sweep, job, 1);
        assertTrue(failed.err().contains("1 of 2 shards did not finish"), failed.err());
        assertTrue(failed.err().contains("shard 1: task " + job + "_1, log " + log), failed.err());
        assertTrue(failed.err().contains("Is a directory"), "the log's last lines say why: " + failed.err());
        assertTrue(Files.isRegularFile(log));
        assertTrue(Files.exists(sweep.resolve(Sweep.INCOMPLETE)));
        assertFalse(Files.exists(sweep.resolve("sweep.csv")), "nothing merged from an incomplete set of shards");

        Files.delete(blocker);
        SweepDirectories.Result resumed = plenary("sweep", "--resume", sweep.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(List.of(1), Slurm.jobs(sweep).get(1).shards());
        SweepDirectories.assertSameOutputs(reference, sweep);
    }

    /**
     * Cancels one array task while it runs (scancel JOB_TASK) and returns its shard. A task can finish
     * between squeue and scancel; then another running task is tried.
     */
    private static int cancelARunningTask(String job, Shards shards) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Integer, String> task : queued(job).entrySet()) {
                if (task.getValue().equals("RUNNING") && !shards.done(task.getKey())) {
                    run("scancel", job + "_" + task.getKey());
                    waitUntil(() -> !queued(job).containsKey(task.getKey()), "task " + task.getKey() + " to end");
                    if (!shards.done(task.getKey())) {
                        return task.getKey();
                    }
                }
            }
            assertFalse(queued(job).isEmpty(), "every task finished before one could be cancelled");
            Thread.sleep(50);
        }
        throw new AssertionError("no running task to cancel within 5 minutes");
    }

    private static String[] sweep(String... more) {
        List<String> args = new ArrayList<>(List.of(SWEEP));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Path jobsFile(Path out) {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals("jobs.csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null; // not there yet
        }
    }

    private static Map<Integer, String> queued(String job) {
        try {
            return Slurm.queued(job);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 5 minutes for " + what);
            Thread.sleep(100);
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    /** Runs scripts/slurm-local.sh, its output going to the test's output; returns its exit code. */
    private static int script(String verb) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "scripts/slurm-local.sh", verb).inheritIO().start();
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "slurm-local.sh " + verb + " took over 15 minutes");
        return process.exitValue();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
