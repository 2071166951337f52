package org.plenary.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioYaml;

/**
 * Writes one run's results directory (README, "What a run writes") as replications arrive, in replication
 * order, then the summaries, charts and manifest, and only then makes the directory visible.
 */
public final class RunWriter implements AutoCloseable {

    private final Scenario scenario;
    private final RunDirectory directory;
    private final CsvTables tables;
    private final RunAggregate aggregate;
    private final List<Long> seeds = new ArrayList<>();
    /** Leadership over time, when coalitions act (model v2); null otherwise. */
    private final Leadership leadership;
    private final String resolvedYaml;
    /** Deletes the staging directory if the JVM is stopped (Ctrl-C, kill) before the run is committed. */
    private final Thread cleanUpOnExit;
    private volatile boolean committed;

    public RunWriter(Scenario scenario, Path resultsBase, Instant start, Keep keep) throws IOException {
        this.scenario = scenario;
        // The largest allocation first, before any directory exists to be left behind.
        aggregate = new RunAggregate(scenario);
        leadership = scenario.formation().on() || scenario.agendaSetting().on() ? new Leadership(scenario) : null;
        resolvedYaml = ScenarioYaml.write(scenario);
        directory = RunDirectory.create(resultsBase, scenario.name(), start, shortHash(resolvedYaml));
        try {
            Files.writeString(directory.staging().resolve("scenario.resolved.yaml"), resolvedYaml, StandardCharsets.UTF_8);
            tables = new CsvTables(scenario, directory.staging(), keep);
        } catch (IOException | RuntimeException e) {
            directory.abandon();
            throw e;
        }
        cleanUpOnExit = new Thread(() -> {
            if (!committed) {
                directory.abandon();
            }
        }, "plenary-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
    }

    /**
     * A rough upper bound of the heap a run needs: the aggregates, plus one replication's record
     * per replication in flight (two per thread and the one being written).
     */
    public static long estimatedBytes(Scenario scenario, int threads) {
        long snapshots = scenario.rounds() + 1L;
        long n = scenario.delegations().size();
        long d = scenario.dimensions().size();
        long m = scenario.agenda().size();
        long record = snapshots * (n * d * 8 + n + m * d * 8 + 2 * m * n + m * 16) + snapshots * 64 * (1 + n / 4);
        long aggregate = snapshots * (n * d * 8 + m * d * 24 + 2 * 1024);
        return aggregate + (2L * threads + 1) * record;
    }

    /** A replication with its table rows already formatted. */
    public record Rendered(ReplicationRecord record, CsvTables.Rows rows) { }

    /** Formats a replication's rows; thread-safe, meant to run on the worker that ran it. */
    public Rendered render(ReplicationRecord record) {
        return new Rendered(record, tables.render(record));
    }

    /** Takes the next replication; records must arrive in replication order. */
    public void accept(ReplicationRecord record) {
        accept(render(record));
    }

    /** Takes the next rendered replication, in replication order: writes its rows and aggregates it. */
    public void accept(Rendered rendered) {
        try {
            tables.write(rendered.rows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        aggregate.add(rendered.record());
        if (leadership != null) {
            leadership.add(rendered.record());
        }
        seeds.add(rendered.record().seed());
    }

    public RunAggregate aggregate() {
        return aggregate;
    }

    /** Writes summaries, charts and the manifest, then moves the directory into place. */
    public Path commit(Manifest.Context context) throws IOException {
        Path staging = directory.staging();
        tables.close();
        SummaryWriter.write(aggregate, staging);
        Path charts = Files.createDirectories(staging.resolve("charts"));
        ChartBatch batch = new ChartBatch();
        Charts.addAll(aggregate, batch);
        if (leadership != null) {
            LeadershipChart.addAll(leadership, batch);
            LeadersAtEvents.write(leadership, staging);
        }
        batch.draw(charts, context.threads());
        Manifest.write(staging, Manifest.build(scenario, seeds, context));
        RunReport.write(staging, directory.target());
        Path target = directory.commit();
        committed = true;
        return target;
    }

    /** Abandons the run unless it was committed: no half-written directory stays behind. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook does the same clean-up
        }
        if (!committed) {
            try {
                tables.close();
            } catch (IOException e) {
                // the directory is being deleted anyway
            }
            directory.abandon();
        }
    }

    /** The first 8 hex digits of the text's SHA-256: a short, stable name for a configuration. */
    public static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
