package org.plenary.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Runs a scenario's replications on a pool of threads and hands each record to the consumer in
 * replication order, whatever the order of completion, so that outputs are the same bytes for
 * any thread count. At most a few replications per thread are held in memory at once.
 */
public final class Experiment {
    private Experiment() {
    }

    /** Runs one replication (numbered from 1) on the calling thread. */
    public static ReplicationRecord replicate(Scenario scenario, int sweepPoint, int replication) {
        long seed = Seeds.forReplication(scenario.seed(), sweepPoint, replication);
        ReplicationRecord record = new ReplicationRecord(replication, seed, scenario.rounds(),
                scenario.delegations().size(), scenario.dimensions().size(), scenario.agenda().size(),
                scenario.decision());
        new AssemblySim(scenario, seed, List.of(record)).runAll();
        return record;
    }

    public static void run(Scenario scenario, int sweepPoint, int threads, Consumer<ReplicationRecord> consumer)
            throws InterruptedException {
        run(scenario, sweepPoint, threads, record -> record, consumer);
    }

    /**
     * As {@link #run(Scenario, int, int, Consumer)}, with {@code prepare} applied to each record on
     * the worker that ran it (e.g. formatting its output rows), so that only ordered, cheap work is
     * left to the consumer's thread.
     */
    public static <T> void run(Scenario scenario, int sweepPoint, int threads, Function<ReplicationRecord, T> prepare,
                               Consumer<T> consumer) throws InterruptedException {
        run(scenario, sweepPoint, 1, scenario.replications(), threads, prepare, consumer);
    }

    /** As above for replications {@code first..last} only (a shard of a batch on a cluster). */
    public static <T> void run(Scenario scenario, int sweepPoint, int first, int last, int threads,
                               Function<ReplicationRecord, T> prepare, Consumer<T> consumer) throws InterruptedException {
        int total = last;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "plenary-replication");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<T>> window = new ArrayDeque<>();
            int submitted = first - 1; // replications are numbered 1..replications
            int ahead = Math.max(1, threads) * 2;
            while (submitted < total && window.size() < ahead) {
                int replication = ++submitted;
                window.add(pool.submit(() -> prepare.apply(replicate(scenario, sweepPoint, replication))));
            }
            while (!window.isEmpty()) {
                T prepared = window.poll().get();
                if (submitted < total) {
                    int replication = ++submitted;
                    window.add(pool.submit(() -> prepare.apply(replicate(scenario, sweepPoint, replication))));
                }
                consumer.accept(prepared);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a replication failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
