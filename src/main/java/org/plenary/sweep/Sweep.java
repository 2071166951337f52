package org.plenary.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plenary.Version;
import org.plenary.batch.Batch;
import org.plenary.observe.ReplicationRecord;
import org.plenary.results.AtomicFile;
import org.plenary.results.Manifest;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.sim.Experiment;

/**
 * A sweep on disk. The directory holds the plan and the base scenario from the start; each point's
 * rows are written to {@code points/point-NNNNNN.csv} atomically (temporary file, fsync, rename)
 * when the point completes, so a sweep killed at any moment resumes without recomputing finished
 * points and ends with the same bytes as an uninterrupted one. {@code sweep.csv} is assembled from
 * the point files in point order; the {@code .incomplete} marker goes when everything is written.
 */
public final class Sweep implements Batch {
    public static final String PLAN = "sweep-plan.json";
    /** The scenario every point starts from: as read, with --set applied, rules (profiles) still rules. */
    public static final String BASE_SCENARIO = "scenario.source.yaml";
    public static final String INCOMPLETE = ".incomplete";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path directory;
    private final JsonNode planJson;
    private final SweepPlan plan;
    private final Scenario base;
    /** The base scenario as parsed, for binding each point without reading the file again. */
    private final org.plenary.scenario.SourceTree baseTree;

    private Sweep(Path directory) throws InputException {
        this.directory = directory;
        Path planFile = directory.resolve(PLAN);
        if (!Files.isRegularFile(planFile) || !Files.isRegularFile(directory.resolve(BASE_SCENARIO))) {
            throw new InputException(new Problem(directory.toString(), 0, "", "not a sweep directory: " + PLAN
                    + " or " + BASE_SCENARIO + " is missing"));
        }
        try {
            planJson = JSON.readTree(planFile.toFile());
        } catch (IOException e) {
            throw new InputException(new Problem(planFile.toString(), 0, "", "cannot read the plan: " + e.getMessage()));
        }
        List<String> paths = new ArrayList<>();
        planJson.path("paths").forEach(p -> paths.add(p.asText()));
        List<List<String>> points = new ArrayList<>();
        planJson.path("points").forEach(p -> {
            List<String> values = new ArrayList<>();
            p.forEach(v -> values.add(v.asText()));
            points.add(List.copyOf(values));
        });
        plan = new SweepPlan(List.copyOf(paths), List.copyOf(points), planJson.path("design").asText());
        String version = planJson.path("version").asText();
        if (!version.equals(Version.get())) {
            throw new InputException(new Problem(planFile.toString(), 0, "version", "made by plenary " + version
                    + ", this is plenary " + Version.get() + ": resume it with the version that made it (another"
                    + " version may not give the same bytes), or start the sweep again"));
        }
        baseTree = ScenarioLoader.read(directory.resolve(BASE_SCENARIO));
        base = point(-1);
    }

    /** Writes a new sweep directory (plan, base scenario, marker) after checking every point validates. */
    public static Sweep create(Path directory, ScenarioLoader.Loaded loaded, SweepPlan plan, List<String> commandLine)
            throws IOException, InputException {
        Scenario scenario = loaded.scenario();
        Files.createDirectories(directory.resolve("points"));
        Files.writeString(directory.resolve(INCOMPLETE), "");
        Files.writeString(directory.resolve(BASE_SCENARIO), loaded.source(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("scenario.resolved.yaml"), ScenarioYaml.write(scenario), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "plenary");
        json.put("version", Version.get());
        json.put("scenario_name", scenario.name());
        json.put("scenario_file", loaded.file().toString());
        json.put("scenario_sha256", loaded.sha256());
        json.put("master_seed", scenario.seed());
        json.put("replications", scenario.replications());
        json.put("seed_derivation", "SplitMix64 hash of (master seed, point index, replication number)");
        json.put("command_line", commandLine);
        json.put("created", Instant.now().toString());
        json.putAll(plan.toMap());
        // A plan cut short by a kill would make the sweep neither resumable nor recognisable.
        AtomicFile.write(directory.resolve(PLAN), JSON.writeValueAsString(json));
        Sweep sweep = new Sweep(directory);
        org.plenary.scenario.Problems problems = new org.plenary.scenario.Problems();
        List<String> columns = outcomeColumns(sweep.base());
        // Points are checked in parallel (a large sample of a 194-state scenario takes a while) and
        // their problems reported in point order.
        List<List<Problem>> byPoint = java.util.stream.IntStream.range(0, plan.points().size()).parallel()
                .mapToObj(p -> sweep.problemsOf(p, columns)).toList();
        byPoint.forEach(list -> list.forEach(problems::add));
        problems.throwIfAny();
        return sweep;
    }

    private List<Problem> problemsOf(int index, List<String> columns) {
        try {
            if (!outcomeColumns(point(index)).equals(columns)) {
                return List.of(new Problem("sweep point " + index + " (" + String.join(" ", plan.assignments(index))
                        + ")", 0, "", "changes the agenda items or the dimensions they weight, so its outcomes"
                                + " cannot share sweep.csv's columns; sweep values within items instead"));
            }
            return List.of();
        } catch (InputException e) {
            return e.problems();
        }
    }

    /** Opens an existing sweep directory, e.g. to resume it. */
    public static Sweep open(Path directory) throws InputException {
        return new Sweep(directory);
    }

    /** The scenario of one point: the base scenario with the point's values; -1 for the base itself. */
    Scenario point(int index) throws InputException {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        if (index >= 0) {
            for (String assignment : plan.assignments(index)) {
                assignments.add(Overrides.Assignment.parse(assignment));
            }
        }
        try {
            return ScenarioLoader.bind(baseTree, assignments);
        } catch (InputException e) {
            List<Problem> located = new ArrayList<>();
            for (Problem problem : e.problems()) {
                located.add(new Problem("sweep point " + index + " (" + String.join(" ", plan.assignments(index))
                        + "): " + problem.source(), problem.line(), problem.field(), problem.message()));
            }
            throw new InputException(located);
        }
    }

    public SweepPlan plan() {
        return plan;
    }

    public Scenario base() {
        return base;
    }

    public Path directory() {
        return directory;
    }

    public boolean isComplete() {
        return !Files.exists(directory.resolve(INCOMPLETE));
    }

    Path pointFile(int index) {
        return directory.resolve("points").resolve(String.format("point-%06d.csv", index));
    }

    /** Points whose results are not on disk yet. */
    public List<Integer> pendingPoints() {
        List<Integer> pending = new ArrayList<>();
        for (int p = 0; p < plan.points().size(); p++) {
            if (!Files.exists(pointFile(p))) {
                pending.add(p);
            }
        }
        return pending;
    }

    /**
     * Runs every pending point; {@code progress} hears of each finished replication. With at least
     * as many pending points as threads, points run side by side, one thread each (many small points,
     * as in a sensitivity sample, would otherwise leave threads idle between points); else each
     * point's replications share the threads. Either way a point's rows are the same bytes.
     */
    public void runPending(int threads, IntConsumer progress) throws InputException, IOException, InterruptedException {
        List<Integer> pending = pendingPoints();
        IntConsumer counted = done -> {
            synchronized (progress) {
                progress.accept(done);
            }
        };
        if (threads <= 1 || pending.size() < threads) {
            for (int index : pending) {
                runPoint(index, threads, counted);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "plenary-sweep-point");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : pending) {
                futures.add(pool.submit(() -> {
                    runPoint(index, 1, counted);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputException input) {
                throw input;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a sweep point failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void runPoint(int index, int threads, IntConsumer progress)
            throws InputException, IOException, InterruptedException {
        AtomicFile.write(pointFile(index), rows(index, 1, base.replications(), threads, progress));
    }

    @Override
    public String kind() {
        return "sweep";
    }

    @Override
    public int points() {
        return plan.points().size();
    }

    @Override
    public int replications() {
        return base.replications();
    }

    @Override
    public String rows(int index, int first, int last, int threads, IntConsumer progress)
            throws InputException, InterruptedException {
        Scenario scenario = point(index);
        StringBuilder rows = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(rows, FORMAT)) {
            Experiment.run(scenario, index, first, last, threads, record -> record, record -> {
                try {
                    csv.printRecord(row(index, record, scenario));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.accept(1);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // printing to a StringBuilder
        }
        return rows.toString();
    }

    /** The header of sweep.csv: point, replication, seed, the swept paths, then the outcomes. */
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("point", "replication", "seed"));
        header.addAll(plan.paths());
        header.addAll(outcomeColumns(base));
        return header;
    }

    /** Infix of sweep.csv's columns {@code item.ends_in.body}: 1 when the item ended in that body (forum shifting). */
    static final String ENDS_IN = ".ends_in.";

    static List<String> outcomeColumns(Scenario scenario) {
        List<String> columns = new ArrayList<>();
        for (Scenario.Item item : scenario.agenda()) {
            columns.add(item.id() + ".state");
            columns.add(item.id() + ".round");
            for (Scenario.Body body : scenario.bodies().list()) {
                columns.add(item.id() + ENDS_IN + body.id());
            }
            for (int k = 0; k < scenario.dimensions().size(); k++) {
                if (item.weights()[k] > 0) {
                    columns.add(item.id() + "." + scenario.dimensions().get(k).id());
                }
            }
        }
        columns.addAll(List.of("coalitions", "largest_coalition_capability_share", "polarisation"));
        return columns;
    }

    private List<String> row(int index, ReplicationRecord record, Scenario scenario) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(index), Integer.toString(record.replication()),
                Long.toString(record.seed())));
        row.addAll(plan.points().get(index));
        for (int m = 0; m < scenario.agenda().size(); m++) {
            row.add(record.finalState(m).label());
            row.add(record.decidedRound(m) > 0 ? Integer.toString(record.decidedRound(m)) : "");
            Scenario.Bodies bodies = scenario.bodies();
            if (bodies.declared()) {
                int ended = record.finalBody(m, bodies.indexOf(bodies.itemBody().get(m)));
                for (int b = 0; b < bodies.list().size(); b++) {
                    row.add(b == ended ? "1" : "0");
                }
            }
            for (int k = 0; k < scenario.dimensions().size(); k++) {
                if (scenario.agenda().get(m).weights()[k] > 0) {
                    row.add(Numbers.format(record.textInForce(m, k)));
                }
            }
        }
        row.add(Integer.toString(record.finalCoalitionCount()));
        row.add(Numbers.format(record.finalLargestCoalitionShare()));
        row.add(Numbers.format(record.finalPolarisation()));
        return row;
    }

    /** Assembles sweep.csv from the point files, writes summaries, charts and report, drops the marker. */
    public Path finish() throws IOException {
        return finish(true);
    }

    /**
     * As {@link #finish()}; without charts and report.html when {@code chartsAndReport} is false, for
     * analyses that draw their own from the sweep (sensitivity indices).
     */
    public Path finish(boolean chartsAndReport) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int p = 0; p < plan.points().size(); p++) {
            rows.append(Files.readString(pointFile(p), StandardCharsets.UTF_8));
        }
        return finish(rows.toString(), chartsAndReport);
    }

    /** Writes sweep.csv from every row in (point, replication) order, then summaries, charts and report. */
    @Override
    public Path finish(String rows) throws IOException {
        return finish(rows, true);
    }

    private Path finish(String rows, boolean chartsAndReport) throws IOException {
        StringBuilder all = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(all, FORMAT)) {
            csv.printRecord(header());
        }
        all.append(rows);
        Path sweepCsv = directory.resolve("sweep.csv");
        AtomicFile.write(sweepCsv, all.toString());
        SweepSummary summary = SweepSummary.read(sweepCsv, plan, outcomeColumns(base));
        summary.writeCsv(directory.resolve("sweep-points.csv"));
        if (chartsAndReport) {
            Path charts = Files.createDirectories(directory.resolve("charts"));
            List<Path> files = SweepCharts.write(summary, charts);
            SweepReport.write(this, summary, files);
        }
        writeManifest();
        Files.deleteIfExists(directory.resolve(INCOMPLETE));
        return directory;
    }

    /** The names of the outcomes {@link #summary()} will hold, in its order. */
    public List<String> outcomeNames() {
        return SweepSummary.outcomeNames(outcomeColumns(base));
    }

    /** Per point, statistics over replications of every outcome, read back from a finished sweep's sweep.csv. */
    public SweepSummary summary() throws IOException {
        return SweepSummary.read(directory.resolve("sweep.csv"), plan, outcomeColumns(base));
    }

    /** manifest.json: the plan's record of how the sweep was asked for, plus the machine that finished it. */
    private void writeManifest() throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        planJson.fields().forEachRemaining(field -> manifest.put(field.getKey(), field.getValue()));
        manifest.put("git_commit", Manifest.gitCommit());
        manifest.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        manifest.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        manifest.put("finished", Instant.now().toString());
        manifest.put("replication_seeds", "column 'seed' of sweep.csv");
        manifest.put("parameters", ScenarioYaml.toMap(base));
        JSON.writeValue(directory.resolve("manifest.json").toFile(), manifest);
    }
}
