package org.plenary.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * report.html for a results directory: scenario, manifest, summary tables and every chart, in
 * one self-contained page. Reads only the saved files; never runs a model. It lives with the
 * results because a run writes it before its directory goes into place ({@link RunWriter}); the
 * analysis reports and {@code plenary report} reuse it.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReport() {
    }

    public static Path write(Path directory) throws IOException {
        return write(directory, directory);
    }

    /**
     * Writes the report into {@code directory}, naming {@code shownAs} as where the results are (a
     * run writes its report while still in its staging directory, before moving it into place).
     */
    public static Path write(Path directory, Path shownAs) throws IOException {
        JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
        JsonNode summary = JSON.readTree(directory.resolve("summary.json").toFile());
        JsonNode parameters = manifest.path("parameters");
        String name = manifest.path("scenario_name").asText();
        Html html = new Html("Plenary: " + name);
        html.heading(1, "Plenary run: " + name);
        html.paragraph(parameters.path("description").asText(), false);
        html.paragraph(summary.path("replications").asInt() + " replications of " + parameters.path("rounds").asInt()
                + " rounds, " + parameters.path("delegations").size() + " delegations, "
                + parameters.path("dimensions").size() + " dimensions; results in " + shownAs.toAbsolutePath(), true);

        html.heading(2, "Outcomes by item");
        html.table(List.of("item", "state", "share of replications", "95% CI"), itemStateRows(summary));
        html.table(List.of("item", "outcome", "mean", "sd", "95% CI", "n"), itemOutcomeRows(summary));
        List<List<String>> votes = voteRows(summary);
        if (!votes.isEmpty()) {
            html.heading(2, "Votes");
            html.paragraph("Items that went to a vote: the tally (one state, one vote) averaged over the replications"
                    + " that voted, with its 95% interval; who was present (yes + no + abstain), who was accredited"
                    + " (with a vote and not withdrawn) and the quorum, the fewest present for the vote to count ("
                    + parameters.path("decision").path("quorum").asText() + " of those accredited, rounded up). A vote"
                    + " with fewer present ends as no-quorum, and the status quo stays in force.", true);
            html.table(List.of("item", "replications that voted", "yes", "no", "abstain", "present", "accredited",
                    "quorum"), votes);
            Path votesCsv = directory.resolve("votes.csv");
            if (Files.isRegularFile(votesCsv)) {
                html.details("Every vote held (votes.csv)", Files.readString(votesCsv));
            }
        }
        html.heading(2, "Assembly at the last round");
        html.table(List.of("outcome", "mean", "sd", "95% CI", "n"), finalRoundRows(summary));

        List<List<String>> ballots = BallotSplit.rows(directory, parameters);
        if (!ballots.isEmpty()) {
            html.heading(2, "Ballots by bloc (mean per replication voted)");
            html.table(BallotSplit.HEADER, ballots);
        }

        List<List<String>> leaders = LeadersTable.rows(directory);
        if (!leaders.isEmpty()) {
            html.heading(2, LeadersTable.TITLE);
            html.paragraph(LeadersTable.EXPLANATION, true);
            html.table(LeadersTable.HEADER, leaders);
        }

        html.heading(2, "Charts");
        for (Path chart : charts(directory.resolve("charts"))) {
            html.image(chart, caption(chart.getFileName().toString()));
        }

        manifestSection(html, manifest, directory);
        Path report = directory.resolve("report.html");
        html.write(report);
        return report;
    }

    /** The manifest's fields, the seeds of every replication and the resolved scenario, as every report ends. */
    public static void manifestSection(Html html, JsonNode manifest, Path directory) throws IOException {
        html.heading(2, "Manifest");
        List<List<String>> rows = new ArrayList<>();
        for (String key : List.of("version", "git_commit", "java", "os", "scenario_file", "scenario_sha256", "master_seed",
                "seed_derivation", "threads", "start", "end")) {
            rows.add(List.of(key, manifest.path(key).asText()));
        }
        rows.add(List.of("command_line", String.join(" ", texts(manifest.path("command_line")))));
        html.table(List.of("field", "value"), rows);
        StringBuilder seeds = new StringBuilder();
        manifest.path("replication_seeds").forEach(s -> seeds.append(s.path("replication").asText()).append('\t')
                .append(s.path("seed").asText()).append('\n'));
        html.details("Seeds of every replication", seeds.toString());
        Path resolved = directory.resolve("scenario.resolved.yaml");
        if (Files.exists(resolved)) {
            html.details("Resolved scenario (every parameter)", Files.readString(resolved));
        }
    }

    private static List<List<String>> itemStateRows(JsonNode summary) {
        List<List<String>> rows = new ArrayList<>();
        summary.path("items").fields().forEachRemaining(item -> item.getValue().path("states").fields()
                .forEachRemaining(state -> {
                    double share = state.getValue().path("share").asDouble();
                    if (share > 0) {
                        rows.add(List.of(item.getKey(), state.getKey(), format(share), interval(state.getValue())));
                    }
                }));
        return rows;
    }

    private static List<List<String>> itemOutcomeRows(JsonNode summary) {
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> items = summary.path("items").fields(); items.hasNext(); ) {
            Map.Entry<String, JsonNode> item = items.next();
            rows.add(meanRow(List.of(item.getKey(), "decision round"), item.getValue().path("decision_round")));
            item.getValue().path("text_in_force").fields().forEachRemaining(text -> rows.add(
                    meanRow(List.of(item.getKey(), "text in force at the end: " + text.getKey()), text.getValue())));
            item.getValue().path("adopted_text").fields().forEachRemaining(text -> rows.add(
                    meanRow(List.of(item.getKey(), "adopted text (adopting replications): " + text.getKey()),
                            text.getValue())));
            rows.add(meanRow(List.of(item.getKey(), "objecting capability share when decided"),
                    item.getValue().path("objecting_capability_share_at_decision")));
        }
        return rows;
    }

    private static List<List<String>> voteRows(JsonNode summary) {
        List<List<String>> rows = new ArrayList<>();
        summary.path("items").fields().forEachRemaining(item -> {
            JsonNode vote = item.getValue().path("vote");
            if (vote.isObject()) {
                List<String> row = new ArrayList<>(List.of(item.getKey(), vote.path("yes").path("n").asText()));
                for (String choice : List.of("yes", "no", "abstain", "present", "accredited", "quorum")) {
                    JsonNode stats = vote.path(choice);
                    // Runs saved before present, accredited and quorum were summarised leave those cells empty.
                    row.add(stats.isMissingNode() ? "" : String.format(java.util.Locale.ROOT, "%.1f",
                            stats.path("mean").asDouble()) + (interval(stats).isEmpty() ? "" : " " + interval(stats)));
                }
                rows.add(row);
            }
        });
        return rows;
    }

    private static List<List<String>> finalRoundRows(JsonNode summary) {
        List<List<String>> rows = new ArrayList<>();
        summary.path("final_round").fields().forEachRemaining(outcome -> rows.add(
                meanRow(List.of(outcome.getKey().replace('_', ' ')), outcome.getValue())));
        return rows;
    }

    private static List<String> meanRow(List<String> leading, JsonNode stats) {
        List<String> row = new ArrayList<>(leading);
        row.add(format(stats.path("mean").asDouble(Double.NaN)));
        row.add(format(stats.path("sd").asDouble(Double.NaN)));
        row.add(interval(stats));
        row.add(stats.path("n").asText());
        return row;
    }

    private static String interval(JsonNode stats) {
        JsonNode ci = stats.path("ci95");
        if (!ci.isArray() || ci.get(0).isNull()) {
            return "";
        }
        return "[" + format(ci.get(0).asDouble()) + ", " + format(ci.get(1).asDouble()) + "]";
    }

    public static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    public static List<Path> charts(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".png"))
                    .sorted(java.util.Comparator.comparingInt(RunReport::chartRank).thenComparing(Path::toString))
                    .toList();
        }
    }

    /** Report order: positions, draft texts, outcomes, coalitions, the flow chart, then anything else. */
    private static int chartRank(Path chart) {
        String name = chart.getFileName().toString();
        List<String> order = List.of("positions-", "draft-", "outcomes", "votes", "coalitions", "coalition-flow");
        for (int rank = 0; rank < order.size(); rank++) {
            if (name.startsWith(order.get(rank))) {
                return rank;
            }
        }
        return order.size();
    }

    public static String caption(String file) {
        String stem = file.replace(".png", "");
        if (stem.startsWith("positions-")) {
            return "Positions on " + stem.substring("positions-".length()).replace('_', ' ') + " over rounds";
        }
        if (stem.startsWith("compare-draft-")) {
            return "Draft text by scenario: " + stem.substring("compare-draft-".length()) + ", with the status quo";
        }
        if (stem.startsWith("draft-")) {
            return "Draft text of " + stem.substring("draft-".length()) + " over rounds, with its status quo";
        }
        if (stem.startsWith("leadership-")) {
            return "Who leads the coalitions on " + stem.substring("leadership-".length()) + ", round by round, with"
                    + " the scenario's events and the realignments per replication";
        }
        if (stem.startsWith("coalition-flow-") && !stem.equals("coalition-flow-capability")) {
            String item = stem.substring("coalition-flow-".length());
            return item.endsWith("-capability")
                    ? "The same flow for " + item.substring(0, item.length() - "-capability".length())
                            + " with band width by capability share"
                    : "How coalitions on " + item + " re-form from the start through each event to the item's last"
                            + " open round, in one replication (named in the chart); band width: number of delegations";
        }
        return switch (stem) {
            case "outcomes" -> "How each item ended: share of replications in each final state";
            case "votes" -> "Vote tallies (yes-no-abstain) of the items that went to a vote, mean over the replications"
                    + " that voted";
            case "coalitions" -> "Number of coalitions and the largest coalition's capability share over rounds, with"
                    + " 95% bands";
            case "coalition-flow" -> "How coalitions re-form from the start through each event to the end, in one"
                    + " replication (named in the chart); band width: number of delegations";
            case "coalition-flow-capability" -> "The same flow with band width by capability share";
            default -> stem.replace('-', ' ');
        };
    }
}
