package org.plenary.cli;

import java.util.ArrayList;
import java.util.List;
import org.plenary.batch.Batch;
import org.plenary.batch.Shards;
import org.plenary.batch.Slurm;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import picocli.CommandLine.Option;

/** Where a batch's replications run: here, or as one Slurm job array (the options sbatch gets). */
final class BackendOptions {
    static final String LOCAL = "local";
    static final String SLURM = "slurm";

    @Option(names = "--backend", paramLabel = "local|slurm",
            description = "Run here (local, the default) or as one Slurm job array (slurm): each array task runs a"
                    + " contiguous block of (point, replication) units. The results directory must be on a"
                    + " filesystem the nodes share.")
    String backend;

    @Option(names = "--tasks", paramLabel = "K", description = "Slurm array size: the units are cut into K"
            + " near-equal shards, one per task (default: one per point). Aim for tasks of minutes, not seconds.")
    Integer tasks;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (sbatch --partition).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit of each task (sbatch --time), e.g. 0:30:00.")
    String time;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory of each task (sbatch --mem), e.g. 4G.")
    String memory;

    @Option(names = "--sbatch-arg", paramLabel = "ARG",
            description = "Any other sbatch option, repeatable, e.g. --sbatch-arg=--account=proj42"
                    + " --sbatch-arg=--cpus-per-task=4 (the worker uses the CPUs Slurm gives it).")
    List<String> sbatchArguments = new ArrayList<>();

    @Option(names = "--detach", description = "Submit and return at once; follow with 'plenary status DIR' and"
            + " collect the results with 'plenary sweep --resume DIR'.")
    boolean detach;

    /** Whether --backend slurm was asked for. */
    boolean slurm() throws InputException {
        if (backend != null && !backend.equals(LOCAL) && !backend.equals(SLURM)) {
            throw new InputException(new Problem("--backend " + backend, 0, "", "takes local or slurm"));
        }
        return SLURM.equals(backend);
    }

    /** Checks the options of a new batch of {@code units} units before anything is written. */
    void checkNew(long units, int points) throws InputException, java.io.IOException, InterruptedException {
        if (!slurm()) {
            if (tasks != null || partition != null || time != null || memory != null || !sbatchArguments.isEmpty()
                    || detach) {
                throw new InputException(new Problem("--backend", 0, "", "--tasks, --partition, --time, --mem,"
                        + " --sbatch-arg and --detach go with --backend slurm"));
            }
            return;
        }
        int requested = tasks != null ? tasks : (int) Math.min(points, units);
        if (requested < 1 || requested > units) {
            throw new InputException(new Problem("--tasks " + requested, 0, "", "needs between 1 and " + units
                    + " tasks, one per block of (point, replication) units; this batch has " + units + " units"));
        }
        Slurm.requireCommands();
        Slurm.check(slurmOptions(), requested);
    }

    /** Records the shards of a new batch for --backend slurm (nothing for local runs). */
    void prepare(Batch batch) throws java.io.IOException, InputException {
        if (slurm()) {
            Shards.create(batch, tasks != null ? tasks : Math.min(batch.points(), batch.points() * batch.replications()),
                    SLURM);
        }
    }

    /** Checks the options of a resume: the shards are fixed; Slurm resources may change. */
    void checkResume(boolean sharded) throws InputException {
        if (tasks != null) {
            throw new InputException(new Problem("--tasks", 0, "", "the shards were fixed when the batch started;"
                    + " --resume reruns the missing ones"));
        }
        if (slurm() && !sharded) {
            throw new InputException(new Problem("--backend slurm", 0, "", "this sweep was started locally, without"
                    + " shards; resume it here without --backend"));
        }
        if (slurm() || (sharded && backend == null)) {
            Slurm.requireCommands();
        }
    }

    Slurm.Options slurmOptions() {
        return new Slurm.Options(partition, time, memory, List.copyOf(sbatchArguments));
    }
}
