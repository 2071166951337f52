package org.plenary.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plenary.scenario.Overrides;
import picocli.CommandLine.Option;

/** Options shared by the commands that run replications: seed, replications, threads, results location. */
public final class ExperimentOptions {

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's seed).")
    Long seed;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications (default: the scenario's 'replications').")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all ${sys:plenary.cores} cores). Results are the same bytes for any T.")
    Integer threads;

    @Option(names = "--out", paramLabel = "RESULTS", defaultValue = "results",
            description = "Directory under which results are written (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The --seed and --replications values as overrides of the scenario's keys. */
    List<Overrides.Assignment> overrides() {
        List<Overrides.Assignment> overrides = new ArrayList<>();
        if (seed != null) {
            overrides.add(Overrides.Assignment.option("--seed", "seed", seed));
        }
        if (replications != null) {
            overrides.add(Overrides.Assignment.option("--replications", "replications", replications));
        }
        return overrides;
    }

    int threads() throws org.plenary.scenario.InputException {
        return Cli.threads(threads);
    }
}
