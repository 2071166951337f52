package org.plenary.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.plenary.Version;
import org.plenary.results.AtomicFile;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * A batch cut into shards on disk: {@code shards/plan.json} (the {@link ShardPlan}, the backend and
 * the version that made it) and one {@code shards/shard-NNNNN.csv} per finished shard, written to a
 * temporary file and renamed when complete, so a killed task leaves nothing that counts as done.
 * Merging concatenates the shards in order, which gives the rows of a local run byte for byte.
 */
public final class Shards {
    public static final String DIRECTORY = "shards";
    private static final String PLAN = "plan.json";
    /** Layout of this directory; a resume refuses any other. */
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Batch batch;
    private final ShardPlan plan;
    private final String backend;

    private Shards(Batch batch, ShardPlan plan, String backend) {
        this.batch = batch;
        this.plan = plan;
        this.backend = backend;
    }

    /** Whether {@code directory} holds a sharded batch (rather than a plain local sweep). */
    public static boolean present(Path directory) {
        return Files.isRegularFile(directory.resolve(DIRECTORY).resolve(PLAN));
    }

    /** Cuts a new batch into {@code tasks} shards and records how. */
    public static Shards create(Batch batch, int tasks, String backend) throws IOException, InputException {
        long units = (long) batch.points() * batch.replications();
        if (tasks < 1 || tasks > units) {
            throw new InputException(new Problem("--tasks " + tasks, 0, "", "needs between 1 and " + units
                    + " tasks (" + batch.points() + " points x " + batch.replications() + " replications)"));
        }
        ShardPlan plan = new ShardPlan(batch.points(), batch.replications(), tasks);
        Files.createDirectories(batch.directory().resolve(DIRECTORY));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", Version.get());
        json.put("batch", batch.kind());
        json.put("backend", backend);
        json.put("points", plan.points());
        json.put("replications", plan.replications());
        json.put("tasks", plan.tasks());
        json.put("unit_order", "unit u = point u / replications, replication u % replications + 1;"
                + " shard i holds units floor(i*N/tasks) to floor((i+1)*N/tasks) - 1");
        AtomicFile.write(batch.directory().resolve(DIRECTORY).resolve(PLAN),
                JSON.writeValueAsString(json) + "\n");
        return new Shards(batch, plan, backend);
    }

    /** Reads the kind of batch a sharded directory holds, checking it was made by this version. */
    public static String kind(Path directory) throws InputException {
        return read(directory).path("batch").asText();
    }

    /** Opens the shards of an existing batch. */
    public static Shards open(Batch batch) throws InputException {
        JsonNode json = read(batch.directory());
        ShardPlan plan = new ShardPlan(json.path("points").asInt(), json.path("replications").asInt(),
                json.path("tasks").asInt());
        if (plan.points() != batch.points() || plan.replications() != batch.replications()) {
            throw new InputException(new Problem(planFile(batch.directory()).toString(), 0, "", "the shard plan ("
                    + plan.points() + " points x " + plan.replications() + " replications) does not match the batch ("
                    + batch.points() + " x " + batch.replications() + ")"));
        }
        return new Shards(batch, plan, json.path("backend").asText());
    }

    private static Path planFile(Path directory) {
        return directory.resolve(DIRECTORY).resolve(PLAN);
    }

    private static JsonNode read(Path directory) throws InputException {
        Path file = planFile(directory);
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(new Problem(file.toString(), 0, "", "cannot read the shard plan: " + e.getMessage()));
        }
        String version = json.path("version").asText();
        if (json.path("format").asInt() != FORMAT || !version.equals(Version.get())) {
            throw new InputException(new Problem(file.toString(), 0, "version", "made by plenary " + version
                    + " (shard format " + json.path("format").asText() + "), this is plenary " + Version.get()
                    + " (format " + FORMAT + "): resume it with the version that made it, or start the batch again"));
        }
        if (json.path("points").asInt() < 1 || json.path("replications").asInt() < 1 || json.path("tasks").asInt() < 1
                || (long) json.path("points").asInt() * json.path("replications").asInt() < json.path("tasks").asInt()) {
            throw new InputException(new Problem(file.toString(), 0, "", "points, replications and tasks are not"
                    + " a valid shard plan"));
        }
        return json;
    }

    public ShardPlan plan() {
        return plan;
    }

    public Batch batch() {
        return batch;
    }

    /** The backend the batch was started on: local or slurm. */
    public String backend() {
        return backend;
    }

    public Path file(int shard) {
        return batch.directory().resolve(DIRECTORY).resolve(String.format("shard-%05d.csv", shard));
    }

    public boolean done(int shard) {
        return Files.isRegularFile(file(shard));
    }

    /** Shards whose results are not on disk yet, in order. */
    public List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int shard = 0; shard < plan.tasks(); shard++) {
            if (!done(shard)) {
                missing.add(shard);
            }
        }
        return missing;
    }

    /** Replications finished, counting whole shards only. */
    public long finishedUnits() {
        long units = 0;
        for (int shard = 0; shard < plan.tasks(); shard++) {
            if (done(shard)) {
                units += plan.size(shard);
            }
        }
        return units;
    }

    /** Runs one shard unless it is already on disk; {@code progress} hears of each replication. */
    public void run(int shard, int threads, IntConsumer progress) throws IOException, InputException, InterruptedException {
        if (done(shard)) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (ShardPlan.Segment segment : plan.segments(shard)) {
            rows.append(batch.rows(segment.point(), segment.first(), segment.last(), threads, progress));
        }
        AtomicFile.write(file(shard), rows.toString());
    }

    /** Concatenates every shard in order and lets the batch write its outputs. */
    public Path finish() throws IOException {
        List<Integer> missing = missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("shards " + missing + " are not finished");
        }
        StringBuilder rows = new StringBuilder();
        for (int shard = 0; shard < plan.tasks(); shard++) {
            rows.append(Files.readString(file(shard), StandardCharsets.UTF_8));
        }
        return batch.finish(rows.toString());
    }
}
