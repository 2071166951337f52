package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.plenary.batch.Shards;
import org.plenary.batch.Slurm;
import org.plenary.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Say how far a sweep has got, e.g. one detached on Slurm.",
            "Counts the finished shards (or points, for a local sweep) and replications, asks squeue which array"
                + " tasks are still pending or running, and names the log of every task that ended without its"
                + " shard. Reads files and squeue only; changes nothing."},
        footer = {"", "Example:", "  plenary status results/sweeps/small-assembly/20260101T120000Z-sweep-1a2b3c4d"})
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A sweep directory.")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Sweep sweep = Sweep.open(directory);
        if (sweep.isComplete()) {
            out.printf("complete: %d points x %d replications; results in %s%n", sweep.points(),
                    sweep.replications(), directory.resolve("sweep.csv"));
        } else if (!Shards.present(directory)) {
            int done = sweep.points() - sweep.pendingPoints().size();
            out.printf("running or interrupted (local): %d of %d points finished (%d of %d replications)%n", done,
                    sweep.points(), (long) done * sweep.replications(), (long) sweep.points() * sweep.replications());
            out.printf("if no plenary process runs it any more: plenary sweep --resume %s%n", directory);
        } else {
            Shards shards = WorkerCommand.open(directory);
            out.printf("%d of %d shards finished (%d of %d replications)%n", shards.plan().tasks()
                    - shards.missing().size(), shards.plan().tasks(), shards.finishedUnits(), shards.plan().units());
            Map<Integer, String> queued;
            try {
                queued = ShardedRun.queuedTasks(directory);
            } catch (IOException e) { // e.g. no squeue here: the files still say how far it got
                out.println("cannot ask Slurm which tasks are queued: " + e.getMessage());
                out.flush();
                return 0;
            }
            if (!queued.isEmpty()) {
                Map<String, Integer> states = new TreeMap<>();
                queued.values().forEach(state -> states.merge(state.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
                out.printf("Slurm job %s: %s%n", Slurm.jobs(directory).get(Slurm.jobs(directory).size() - 1).id(),
                        states.toString().replaceAll("[{}]", "").replace('=', ' '));
            } else if (shards.missing().isEmpty()) {
                out.printf("every shard is done: merge them with plenary sweep --resume %s%n", directory);
            } else {
                out.println("no task of this batch is queued or running");
                new ShardedRun(shards, out).reportMissing(out);
            }
        }
        out.flush();
        return 0;
    }
}
