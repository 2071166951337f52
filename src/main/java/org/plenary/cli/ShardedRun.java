package org.plenary.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.plenary.batch.Shards;
import org.plenary.batch.Slurm;
import org.plenary.scenario.InputException;

/**
 * Runs the missing shards of a sharded batch, here or as a Slurm job array, then merges them. On
 * Slurm it first waits for a job of the batch still in the queue (so that a resume never runs a
 * shard twice at once), submits one array over the missing shards, polls squeue with a progress
 * bar, and names the log of every task that ended without its shard.
 */
final class ShardedRun {
    /** Longest pause between two squeue polls: gentle on a busy controller. */
    private static final long MAX_POLL_MILLIS = 15_000;

    enum Outcome { MERGED, DETACHED, FAILED }

    private final Shards shards;
    private final PrintWriter err;

    ShardedRun(Shards shards, PrintWriter err) {
        this.shards = shards;
        this.err = err;
    }

    Outcome run(BackendOptions options, int threads) throws IOException, InputException, InterruptedException {
        boolean local = BackendOptions.LOCAL.equals(options.backend);
        if (local) {
            List<Integer> missing = shards.missing();
            try (Progress progress = new Progress("replications", unitsOf(missing))) {
                for (int shard : missing) {
                    shards.run(shard, threads, done -> progress.step());
                }
            }
        } else {
            Path directory = shards.batch().directory();
            List<Slurm.Job> jobs = Slurm.jobs(directory);
            if (!jobs.isEmpty() && !Slurm.queued(jobs.get(jobs.size() - 1).id()).isEmpty()) {
                Slurm.Job running = jobs.get(jobs.size() - 1);
                err.printf("job %s of this batch is still queued or running%n", running.id());
                if (options.detach) {
                    return Outcome.DETACHED;
                }
                waitFor(running);
            }
            List<Integer> missing = shards.missing();
            if (!missing.isEmpty()) {
                Slurm.Job job = Slurm.submit(shards, options.slurmOptions(), missing, launcher(),
                        "plenary-" + shards.batch().kind());
                err.printf("submitted Slurm job %s: %d array tasks (logs in %s)%n", job.id(), missing.size(),
                        directory.toAbsolutePath().resolve(Slurm.DIRECTORY).resolve("logs"));
                err.flush();
                if (options.detach) {
                    return Outcome.DETACHED;
                }
                waitFor(job);
            }
        }
        if (!shards.missing().isEmpty()) {
            reportMissing(err);
            return Outcome.FAILED;
        }
        shards.finish();
        return Outcome.MERGED;
    }

    private long unitsOf(List<Integer> shardList) {
        long units = 0;
        for (int shard : shardList) {
            units += shards.plan().size(shard);
        }
        return units;
    }

    /**
     * Waits until the job's shards are all on disk or every task has left the queue (some failed).
     * Shard files are cheap to look at and are checked often; squeue, which loads the controller, at
     * growing intervals up to {@link #MAX_POLL_MILLIS}.
     */
    private void waitFor(Slurm.Job job) throws IOException, InterruptedException {
        long squeuePause = 500;
        long nextSqueue = System.nanoTime();
        long shown = shards.finishedUnits();
        try (Progress progress = new Progress("replications", shards.plan().units())) {
            for (long i = 0; i < shown; i++) {
                progress.step();
            }
            while (!job.shards().stream().allMatch(shards::done)) {
                if (System.nanoTime() - nextSqueue >= 0) {
                    if (Slurm.queued(job.id()).isEmpty()) {
                        return;
                    }
                    nextSqueue = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(squeuePause);
                    squeuePause = Math.min(MAX_POLL_MILLIS, squeuePause * 2);
                }
                TimeUnit.MILLISECONDS.sleep(200);
                for (long finished = shards.finishedUnits(); shown < finished; shown++) {
                    progress.step();
                }
            }
        }
    }

    /** One entry per missing shard: the task that last ran it, its log and the log's last lines. */
    void reportMissing(PrintWriter out) throws IOException, InterruptedException {
        List<Integer> missing = shards.missing();
        Path directory = shards.batch().directory();
        List<Slurm.Job> jobs = Slurm.jobs(directory);
        out.printf("%d of %d shards did not finish:%n", missing.size(), shards.plan().tasks());
        for (int shard : missing) {
            Slurm.Job job = null;
            for (Slurm.Job candidate : jobs) {
                if (candidate.shards().contains(shard)) {
                    job = candidate;
                }
            }
            if (job == null) {
                out.printf("  shard %d: never submitted%n", shard);
                continue;
            }
            Path log = Slurm.log(directory, job.id(), shard);
            out.printf("  shard %d: task %s_%d, log %s%s%n", shard, job.id(), shard, log, lastLine(log));
        }
        out.printf("fix the cause, then run only the missing shards again: plenary sweep --resume %s%n", directory);
        out.flush();
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return " (no log: the task never started)";
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty()) {
            return " (empty)";
        }
        // The last lines say why: plenary's own error, or Slurm's note of a cancellation, time-out or node failure.
        return "\n      " + String.join("\n      ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /** How a task starts this same plenary: this JVM's java and class path, absolute so any node can use them. */
    private static List<String> launcher() {
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", String.join(File.pathSeparator, classPath), Main.class.getName());
    }

    /** Tasks of the batch's latest job still in the queue, by state (e.g. RUNNING 2, PENDING 5). */
    static Map<Integer, String> queuedTasks(Path directory) throws IOException, InterruptedException {
        List<Slurm.Job> jobs = Slurm.jobs(directory);
        return jobs.isEmpty() ? Map.of() : Slurm.queued(jobs.get(jobs.size() - 1).id());
    }
}
