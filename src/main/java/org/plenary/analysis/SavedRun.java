package org.plenary.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.model.ItemState;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * A results directory read back from disk: its manifest, per-replication outcomes and, when the
 * run kept them, per-round trajectories. Analysis works only from these saved files.
 */
public final class SavedRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> REQUIRED = List.of("manifest.json", "summary.json", "outcomes.csv", "replications.csv");

    private final Path directory;
    private final JsonNode manifest;
    private final List<String> dimensions;
    private final List<String> items;
    private final int rounds;
    /** outcome key (e.g. "item/consensus", "item/text in force/dim", "assembly/polarisation") to one value per replication. */
    private final Map<String, List<Double>> outcomes = new LinkedHashMap<>();
    /** outcome key to its value in each replication that has one, by replication number. */
    private final Map<String, Map<Integer, Double>> byReplication = new LinkedHashMap<>();
    /** The body each item ended in per replication, {replication, item, body}; empty for a run without bodies. */
    private final List<String[]> endedIn = new ArrayList<>();
    /** The bodies whose "ends in" shares are among the outcomes. */
    private final Set<String> bodiesCounted = new java.util.LinkedHashSet<>();
    /** item to state label to count of replications. */
    private final Map<String, Map<String, Integer>> states = new LinkedHashMap<>();
    private String label;

    private SavedRun(Path directory) throws IOException {
        this.directory = directory;
        manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
        JsonNode parameters = manifest.path("parameters");
        dimensions = new ArrayList<>();
        parameters.path("dimensions").forEach(d -> dimensions.add(d.path("id").asText()));
        items = new ArrayList<>();
        parameters.path("agenda").forEach(i -> items.add(i.path("id").asText()));
        rounds = parameters.path("rounds").asInt();
        label = manifest.path("scenario_name").asText();
        readOutcomes();
        countBodies(bodiesEndedIn());
        readReplications();
    }

    /** Reads a results directory, refusing one that is incomplete. */
    public static SavedRun read(Path directory) throws InputException {
        if (!Files.isDirectory(directory)) {
            throw new InputException(new Problem(directory.toString(), 0, "", "not a directory"));
        }
        for (String file : REQUIRED) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new InputException(new Problem(directory.toString(), 0, "", "incomplete results directory: "
                        + file + " is missing (is this a directory written by 'plenary run'?)"));
            }
        }
        try {
            return new SavedRun(directory);
        } catch (IOException | RuntimeException e) {
            throw new InputException(new Problem(directory.toString(), 0, "", "cannot read the results: " + e.getMessage()));
        }
    }

    /** The state of an item whose vote missed its quorum, and the outcome key of its share. */
    static final String NO_QUORUM = ItemState.NO_QUORUM.label();

    private void readOutcomes() throws IOException {
        try (CSVParser csv = parse(directory.resolve("outcomes.csv"))) {
            for (CSVRecord row : csv) {
                int replication = Integer.parseInt(row.get("replication"));
                String item = row.get("item");
                String state = row.get("state");
                states.computeIfAbsent(item, k -> new LinkedHashMap<>()).merge(state, 1, Integer::sum);
                boolean adopted = state.equals("consensus") || state.equals("vote-adopted");
                add(item + "/consensus", replication, state.equals("consensus") ? 1 : 0);
                add(item + "/adopted", replication, adopted ? 1 : 0);
                add(item + "/" + NO_QUORUM, replication, state.equals(NO_QUORUM) ? 1 : 0);
                if (row.isMapped("body")) {
                    endedIn.add(new String[] {Integer.toString(replication), item, row.get("body")});
                }
                if (!row.get("round").isEmpty()) {
                    add(item + "/decision round", replication, Double.parseDouble(row.get("round")));
                }
                for (String dimension : dimensions) {
                    String cell = row.get(dimension);
                    // outcomes.csv holds the text in force; where it was adopted, that is the adopted text.
                    if (!cell.isEmpty()) {
                        add(item + "/text in force/" + dimension, replication, Double.parseDouble(cell));
                        if (adopted) {
                            add(item + "/adopted text/" + dimension, replication, Double.parseDouble(cell));
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds, for a run with standards bodies, each item's "ends in" outcome for each of {@code bodies} not yet
     * counted: 1 in a replication where it ended in that body (forum shifting), else 0. A comparison passes the
     * bodies of every run, so that a body one run never ended an item in still compares (as 0).
     */
    void countBodies(Set<String> bodies) {
        for (String body : bodies) {
            if (endedIn.isEmpty() || !bodiesCounted.add(body)) {
                continue;
            }
            for (String[] row : endedIn) {
                add(row[1] + "/ends in " + body, Integer.parseInt(row[0]), row[2].equals(body) ? 1 : 0);
            }
        }
    }

    /** The bodies items ended in, in this run (none without bodies). */
    Set<String> bodiesEndedIn() {
        Set<String> bodies = new java.util.TreeSet<>();
        endedIn.forEach(row -> bodies.add(row[2]));
        return bodies;
    }

    private void readReplications() throws IOException {
        try (CSVParser csv = parse(directory.resolve("replications.csv"))) {
            for (CSVRecord row : csv) {
                int replication = Integer.parseInt(row.get("replication"));
                for (String column : List.of("coalitions", "largest_coalition_capability_share", "polarisation")) {
                    add("assembly/" + column.replace('_', ' '), replication, Double.parseDouble(row.get(column)));
                }
            }
        }
    }

    private void add(String key, int replication, double value) {
        outcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        byReplication.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put(replication, value);
    }

    static CSVParser parse(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    /**
     * Per replication (row replication - 1) and round, the mean position of the delegations not
     * withdrawn on one dimension (from rounds.csv; NaN where there is none), or null when the run
     * did not keep rounds.csv.
     */
    public double[][] meanPositionByRound(String dimension) throws IOException {
        Path file = directory.resolve("rounds.csv");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        double[][] values = unknown();
        try (CSVParser csv = parse(file)) {
            int replication = -1;
            int round = -1;
            double sum = 0;
            int count = 0;
            for (CSVRecord row : csv) {
                int rowReplication = Integer.parseInt(row.get("replication"));
                int rowRound = Integer.parseInt(row.get("round"));
                if (rowReplication != replication || rowRound != round) {
                    if (count > 0) {
                        values[replication - 1][round] = sum / count;
                    }
                    replication = rowReplication;
                    round = rowRound;
                    sum = 0;
                    count = 0;
                }
                if (!row.get("status").equals("withdrawn")) {
                    sum += Double.parseDouble(row.get(dimension));
                    count++;
                }
            }
            if (count > 0) {
                values[replication - 1][round] = sum / count;
            }
        }
        return values;
    }

    /**
     * Per replication (row replication - 1) and round, an item's draft text on one dimension (from
     * items.csv; after the item closes, its final text; NaN where there is none), or null when the
     * run did not keep items.csv or the item does not weight the dimension.
     */
    public double[][] draftByRound(String item, String dimension) throws IOException {
        Path file = directory.resolve("items.csv");
        if (!Files.isRegularFile(file) || !items.contains(item) || Double.isNaN(statusQuo(item, dimension))) {
            return null;
        }
        double[][] values = unknown();
        try (CSVParser csv = parse(file)) {
            for (CSVRecord row : csv) {
                String cell = row.get(dimension);
                if (row.get("item").equals(item) && !cell.isEmpty()) {
                    values[Integer.parseInt(row.get("replication")) - 1][Integer.parseInt(row.get("round"))] =
                            Double.parseDouble(cell);
                }
            }
        }
        return values;
    }

    /** A value per replication and round, all unknown (NaN) until read. */
    private double[][] unknown() {
        double[][] values = new double[replications()][rounds + 1];
        for (double[] replication : values) {
            java.util.Arrays.fill(replication, Double.NaN);
        }
        return values;
    }

    /**
     * Per round, statistics over replications of values per replication and round, skipping the
     * unknown (NaN) ones.
     */
    public static SummaryStatistics[] byRound(double[][] values) {
        int rounds = values.length == 0 ? 0 : values[0].length;
        SummaryStatistics[] byRound = new SummaryStatistics[rounds];
        for (int t = 0; t < rounds; t++) {
            byRound[t] = new SummaryStatistics();
            for (double[] replication : values) {
                if (!Double.isNaN(replication[t])) {
                    byRound[t].addValue(replication[t]);
                }
            }
        }
        return byRound;
    }

    /** An item's status quo on a dimension, from the manifest; NaN where the item does not weight it. */
    public double statusQuo(String item, String dimension) {
        for (JsonNode entry : manifest.path("parameters").path("agenda")) {
            if (entry.path("id").asText().equals(item)) {
                JsonNode value = entry.path("status_quo").path(dimension);
                return value.isNumber() ? value.asDouble() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Per replication (row replication - 1) and round, the largest coalition's capability share, or null. */
    public double[][] largestCoalitionShareByRound() throws IOException {
        Path file = directory.resolve("coalitions.csv");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        double[][] share = new double[replications()][rounds + 1];
        try (CSVParser csv = parse(file)) {
            for (CSVRecord row : csv) {
                // The largest share of the round: C1's for detected clusters (ranked by share), and any
                // formed coalition's (named name@item, model v2).
                int replication = Integer.parseInt(row.get("replication")) - 1;
                int round = Integer.parseInt(row.get("round"));
                share[replication][round] = Math.max(share[replication][round],
                        Double.parseDouble(row.get("capability_share")));
            }
        }
        return share;
    }

    public Path directory() {
        return directory;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public List<String> items() {
        return items;
    }

    public int rounds() {
        return rounds;
    }

    public Map<String, List<Double>> outcomes() {
        return outcomes;
    }

    /** An outcome's value by replication number (replications where it does not apply are absent). */
    public Map<Integer, Double> byReplication(String key) {
        return byReplication.getOrDefault(key, Map.of());
    }

    /** The master seed: runs with the same one share their replications' seeds (common random numbers). */
    public long masterSeed() {
        return manifest.path("master_seed").asLong();
    }

    public int stateCount(String item, String state) {
        return states.getOrDefault(item, Map.of()).getOrDefault(state, 0);
    }

    public int replications() {
        return manifest.path("replication_seeds").size();
    }

    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
