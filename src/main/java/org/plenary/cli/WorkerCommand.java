package org.plenary.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plenary.batch.Batch;
import org.plenary.batch.Shards;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Run one shard of a batch started with --backend slurm (what each Slurm array task runs).",
            "Computes the shard's contiguous block of (point, replication) units and writes"
                + " shards/shard-NNNNN.csv atomically (a temporary file renamed when complete), so a task killed"
                + " at any moment leaves nothing that counts as done. A shard already on disk is not recomputed."
                + " Threads: the CPUs Slurm allocated (SLURM_CPUS_ON_NODE), else all cores."},
        footer = {"", "Example (normally run by Slurm, not by hand):",
            "  plenary worker results/small-assembly/20260101T120000Z-sweep-1a2b3c4d --shard 3"})
final class WorkerCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The batch's results directory.")
    Path directory;

    @Option(names = "--shard", required = true, paramLabel = "I", description = "Shard (array task) index, from 0.")
    int shard;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the allocated CPUs).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Shards shards = open(directory);
        if (shard < 0 || shard >= shards.plan().tasks()) {
            throw new InputException(new Problem("--shard " + shard, 0, "", "this batch has shards 0 to "
                    + (shards.plan().tasks() - 1)));
        }
        shards.run(shard, threads != null ? Cli.threads(threads) : allocatedCpus(), done -> { });
        spec.commandLine().getOut().printf("shard %d of %d: %d replications in %s%n", shard, shards.plan().tasks(),
                shards.plan().size(shard), shards.file(shard));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A sharded batch directory of any kind this version can run. */
    static Shards open(Path directory) throws InputException {
        if (!Shards.present(directory)) {
            throw new InputException(new Problem(directory.toString(), 0, "", "not a batch started with --backend"
                    + " slurm: " + Shards.DIRECTORY + "/plan.json is missing"));
        }
        String kind = Shards.kind(directory);
        Batch batch = switch (kind) {
            case "sweep" -> Sweep.open(directory);
            default -> throw new InputException(new Problem(directory.toString(), 0, "", "holds a batch of kind '"
                    + kind + "', which this version cannot run"));
        };
        return Shards.open(batch);
    }

    private static int allocatedCpus() {
        String cpus = System.getenv("SLURM_CPUS_ON_NODE");
        if (cpus != null && cpus.matches("[1-9]\\d*")) {
            return Integer.parseInt(cpus);
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
