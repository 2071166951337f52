package org.plenary.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.plenary.results.AtomicFile;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * Slurm, through its own commands: {@code sbatch} submits one job array whose task i runs shard i
 * ({@code plenary worker DIR --shard i}), {@code squeue} says which tasks are still queued or
 * running. Everything Slurm needs sits in {@code DIR/slurm/}: the task script, {@code jobs.csv}
 * (every job submitted for the batch, with its array) and {@code logs/JOB_TASK.log}.
 */
public final class Slurm {
    public static final String DIRECTORY = "slurm";
    private static final String JOBS = "jobs.csv";

    /** Resources asked of Slurm for each task; null or empty for the cluster's defaults. */
    public record Options(String partition, String time, String memory, List<String> sbatchArguments) { }

    /** One submitted job array: its id and the shards (array indices) it ran. */
    public record Job(String id, List<Integer> shards) { }

    private Slurm() {
    }

    /** Fails with advice when a Slurm command is not on PATH. */
    public static void requireCommands() throws InputException {
        for (String command : List.of("sbatch", "squeue")) {
            if (findOnPath(command).isEmpty()) {
                throw new InputException(new Problem("--backend slurm", 0, "", command + " is not on PATH: run on"
                        + " the cluster's login node (perhaps after 'module load slurm'), start a local Slurm with"
                        + " scripts/slurm-local.sh start, or use --backend local"));
            }
        }
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Submits one job array over {@code shards}; each task runs {@code launcher worker DIR --shard
     * $SLURM_ARRAY_TASK_ID}. Returns the job id. A refusal by sbatch is the user's input (partition,
     * time, memory, array size) and says so.
     */
    public static Job submit(Shards batch, Options options, List<Integer> shards, List<String> launcher, String jobName)
            throws IOException, InputException, InterruptedException {
        Path directory = batch.batch().directory().toAbsolutePath();
        Path slurm = Files.createDirectories(directory.resolve(DIRECTORY));
        Files.createDirectories(slurm.resolve("logs"));
        Path script = slurm.resolve("task.sh");
        List<String> worker = new ArrayList<>(launcher);
        worker.addAll(List.of("worker", directory.toString(), "--shard"));
        StringBuilder text = new StringBuilder("#!/bin/sh\n# Written by plenary: array task i runs shard i of the"
                + " batch in this directory.\n# PLENARY_JAVA_OPTS (e.g. -Xmx4g) reaches the JVM.\nexec");
        for (int i = 0; i < worker.size(); i++) {
            text.append(' ').append(i == 1 ? "${PLENARY_JAVA_OPTS:-} " : "").append(quote(worker.get(i)));
        }
        text.append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        AtomicFile.write(script, text.toString());
        script.toFile().setExecutable(true);

        Result result = sbatch(options, shards, List.of("--parsable", "--job-name=" + jobName,
                "--output=" + slurm.resolve("logs").resolve("%A_%a.log"), "--chdir=" + directory, script.toString()));
        String id = result.output().strip().split("[;\\s]")[0]; // --parsable: "id" or "id;cluster"
        if (!id.matches("\\d+")) {
            throw new IOException("sbatch answered '" + result.output().strip() + "', not a job id");
        }
        String line = id + "," + arraySpec(shards).replace(',', ';') + "," + Instant.now() + "\n";
        Path jobs = slurm.resolve(JOBS);
        String before = Files.exists(jobs) ? Files.readString(jobs, StandardCharsets.UTF_8) : "job,array,submitted\n";
        AtomicFile.write(jobs, before + line); // readers never see half a record
        return new Job(id, List.copyOf(shards));
    }

    /**
     * Asks sbatch whether it would accept the array ({@code --test-only}: nothing is submitted), so
     * that a bad partition, time, memory or array size is refused before anything is written.
     */
    public static void check(Options options, int tasks) throws IOException, InputException, InterruptedException {
        List<Integer> shards = new ArrayList<>();
        for (int shard = 0; shard < tasks; shard++) {
            shards.add(shard);
        }
        sbatch(options, shards, List.of("--test-only", "--job-name=plenary-check", "--output=/dev/null", "--wrap=true"));
    }

    private static Result sbatch(Options options, List<Integer> shards, List<String> more)
            throws IOException, InputException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--array=" + arraySpec(shards)));
        if (options.partition() != null) {
            command.add("--partition=" + options.partition());
        }
        if (options.time() != null) {
            command.add("--time=" + options.time());
        }
        if (options.memory() != null) {
            command.add("--mem=" + options.memory());
        }
        command.addAll(options.sbatchArguments());
        command.addAll(more);
        Result result = execute(command);
        if (result.exit() != 0) {
            throw new InputException(new Problem("sbatch", 0, "", "refused the job array (" + String.join(" ",
                    command) + "): " + result.output().strip()));
        }
        return result;
    }

    /** Every job array submitted for the batch in {@code directory}, oldest first. */
    public static List<Job> jobs(Path directory) throws IOException {
        Path jobs = directory.resolve(DIRECTORY).resolve(JOBS);
        List<Job> list = new ArrayList<>();
        if (!Files.exists(jobs)) {
            return list;
        }
        for (String line : Files.readAllLines(jobs, StandardCharsets.UTF_8)) {
            String[] fields = line.split(",");
            if (fields.length >= 2 && fields[0].matches("\\d+")) {
                list.add(new Job(fields[0], parseArraySpec(fields[1])));
            }
        }
        return list;
    }

    /**
     * The tasks of a job still queued or running, by array index: their Slurm state (PENDING,
     * RUNNING, ...). Empty once every task has left the queue.
     */
    public static Map<Integer, String> queued(String jobId) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Result result = execute(List.of("squeue", "--noheader", "--array", "--jobs=" + jobId, "--format=%i|%T"));
            if (result.exit() == 0) {
                Map<Integer, String> tasks = new LinkedHashMap<>();
                for (String line : result.output().split("\n")) {
                    String[] fields = line.strip().split("\\|");
                    int underscore = fields[0].indexOf('_');
                    if (fields.length == 2 && underscore > 0 && fields[0].substring(underscore + 1).matches("\\d+")) {
                        tasks.put(Integer.parseInt(fields[0].substring(underscore + 1)), fields[1]);
                    }
                }
                return tasks;
            }
            if (result.output().contains("Invalid job id")) {
                return Map.of(); // finished long enough ago for Slurm to forget it
            }
            last = new IOException("squeue failed: " + result.output().strip());
            TimeUnit.SECONDS.sleep(1L << attempt); // the controller may be busy: try again
        }
        throw last;
    }

    /** The log of one array task. */
    public static Path log(Path directory, String jobId, int shard) {
        return directory.toAbsolutePath().resolve(DIRECTORY).resolve("logs").resolve(jobId + "_" + shard + ".log");
    }

    /** "0-3,7,9-10" for [0, 1, 2, 3, 7, 9, 10]. */
    static String arraySpec(List<Integer> shards) {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < shards.size(); i++) {
            int first = shards.get(i);
            while (i + 1 < shards.size() && shards.get(i + 1) == shards.get(i) + 1) {
                i++;
            }
            spec.append(spec.length() == 0 ? "" : ",").append(first);
            if (shards.get(i) != first) {
                spec.append('-').append(shards.get(i));
            }
        }
        return spec.toString();
    }

    static List<Integer> parseArraySpec(String spec) {
        List<Integer> shards = new ArrayList<>();
        for (String part : spec.split(";|,")) {
            String[] bounds = part.split("-");
            for (int shard = Integer.parseInt(bounds[0]); shard <= Integer.parseInt(bounds[bounds.length - 1]); shard++) {
                shards.add(shard);
            }
        }
        return shards;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    private record Result(int exit, String output) { }

    private static Result execute(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
