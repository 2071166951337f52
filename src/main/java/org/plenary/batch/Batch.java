package org.plenary.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.plenary.scenario.InputException;

/**
 * Work that splits into (point, replication) units whose output rows depend on nothing else: a
 * sweep today, a sensitivity sample or a calibration batch later. Any contiguous block of units can
 * then run anywhere (a thread, a cluster task) and the blocks' rows, concatenated in unit order, are
 * the rows a single local run writes.
 */
public interface Batch {
    /** The batch's results directory: the plan is saved there, outputs are written there. */
    Path directory();

    /** What kind of batch the directory holds, so a worker knows how to open it (e.g. "sweep"). */
    String kind();

    int points();

    /** Replications at every point, numbered 1..replications. */
    int replications();

    /** The output rows (CSV, no header) of replications {@code first..last} of one point, in order. */
    String rows(int point, int first, int last, int threads, IntConsumer progress)
            throws InputException, InterruptedException;

    /** Writes every output from all rows in unit order (point, then replication), as a local run does. */
    Path finish(String rows) throws IOException;
}
