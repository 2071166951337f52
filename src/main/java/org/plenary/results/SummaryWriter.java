package org.plenary.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.plenary.model.ItemState;
import org.plenary.scenario.Scenario;

/**
 * summary.json and summary.csv: for every outcome its mean, sd and 95% interval over
 * replications; for every item the share of replications ending in each state.
 */
public final class SummaryWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String[] CHOICES = {"yes", "no", "abstain"};
    /**
     * Who could vote and how many had to: those present, those accredited (with a vote, not
     * withdrawn) and the quorum, the fewest present for the vote to count (decision.quorum x accredited).
     */
    private static final String[] TURNOUT = {"present", "accredited", "quorum"};

    private SummaryWriter() {
    }

    public static Map<String, Object> summary(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", scenario.name());
        root.put("replications", aggregate.replications());
        Map<String, Object> items = new LinkedHashMap<>();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            Map<String, Object> item = new LinkedHashMap<>();
            Map<String, Object> states = new LinkedHashMap<>();
            for (ItemState state : ItemState.values()) {
                states.put(state.label(), Stats.share(aggregate.finalStateCount(m, state), aggregate.replications())
                        .toMap("share"));
            }
            item.put("states", states);
            item.put("decision_round", Stats.meanInterval(aggregate.decisionRound(m)).toMap("mean"));
            Map<String, Object> inForce = new LinkedHashMap<>();
            Map<String, Object> adopted = new LinkedHashMap<>();
            for (int k = 0; k < scenario.dimensions().size(); k++) {
                if (scenario.agenda().get(m).weights()[k] > 0) {
                    String dimension = scenario.dimensions().get(k).id();
                    inForce.put(dimension, Stats.meanInterval(aggregate.textInForce(m, k)).toMap("mean"));
                    adopted.put(dimension, Stats.meanInterval(aggregate.adoptedText(m, k)).toMap("mean"));
                }
            }
            item.put("text_in_force", inForce);
            item.put("adopted_text", adopted);
            item.put("objecting_capability_share_at_decision",
                    Stats.meanInterval(aggregate.objectingShareAtDecision(m)).toMap("mean"));
            if (aggregate.votes(m, 0).getN() > 0) {
                Map<String, Object> vote = new LinkedHashMap<>();
                for (int choice = 0; choice < 3; choice++) {
                    vote.put(CHOICES[choice], Stats.meanInterval(aggregate.votes(m, choice)).toMap("mean"));
                }
                for (int count = 0; count < 3; count++) {
                    vote.put(TURNOUT[count], Stats.meanInterval(aggregate.turnout(m, count)).toMap("mean"));
                }
                item.put("vote", vote);
            }
            items.put(scenario.agenda().get(m).id(), item);
        }
        root.put("items", items);
        Map<String, Object> assembly = new LinkedHashMap<>();
        assembly.put("coalitions", Stats.meanInterval(aggregate.finalCoalitions()).toMap("mean"));
        assembly.put("largest_coalition_capability_share",
                Stats.meanInterval(aggregate.finalLargestShare()).toMap("mean"));
        assembly.put("polarisation", Stats.meanInterval(aggregate.finalPolarisation()).toMap("mean"));
        root.put("final_round", assembly);
        return root;
    }

    public static void write(RunAggregate aggregate, Path directory) throws IOException {
        Map<String, Object> summary = summary(aggregate);
        JSON.writeValue(directory.resolve("summary.json").toFile(), summary);
        writeCsv(aggregate, directory.resolve("summary.csv"));
    }

    /** The same numbers as summary.json, one row per outcome, for spreadsheets and R. */
    private static void writeCsv(RunAggregate aggregate, Path file) throws IOException {
        Scenario scenario = aggregate.scenario();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord("outcome", "item", "dimension", "n", "mean", "sd", "ci95_low", "ci95_high");
            for (int m = 0; m < scenario.agenda().size(); m++) {
                String item = scenario.agenda().get(m).id();
                for (ItemState state : ItemState.values()) {
                    row(csv, "share_" + state.label().replace('-', '_'), item, "",
                            Stats.share(aggregate.finalStateCount(m, state), aggregate.replications()));
                }
                row(csv, "decision_round", item, "", Stats.meanInterval(aggregate.decisionRound(m)));
                for (int k = 0; k < scenario.dimensions().size(); k++) {
                    if (scenario.agenda().get(m).weights()[k] > 0) {
                        String dimension = scenario.dimensions().get(k).id();
                        row(csv, "text_in_force", item, dimension, Stats.meanInterval(aggregate.textInForce(m, k)));
                        row(csv, "adopted_text", item, dimension, Stats.meanInterval(aggregate.adoptedText(m, k)));
                    }
                }
                row(csv, "objecting_capability_share_at_decision", item, "",
                        Stats.meanInterval(aggregate.objectingShareAtDecision(m)));
                for (int choice = 0; choice < 3 && aggregate.votes(m, 0).getN() > 0; choice++) {
                    row(csv, "vote_" + CHOICES[choice], item, "", Stats.meanInterval(aggregate.votes(m, choice)));
                }
                for (int count = 0; count < 3 && aggregate.votes(m, 0).getN() > 0; count++) {
                    row(csv, "vote_" + TURNOUT[count], item, "", Stats.meanInterval(aggregate.turnout(m, count)));
                }
            }
            row(csv, "coalitions", "", "", Stats.meanInterval(aggregate.finalCoalitions()));
            row(csv, "largest_coalition_capability_share", "", "", Stats.meanInterval(aggregate.finalLargestShare()));
            row(csv, "polarisation", "", "", Stats.meanInterval(aggregate.finalPolarisation()));
        }
    }

    private static void row(CSVPrinter csv, String outcome, String item, String dimension, Stats.Interval interval)
            throws IOException {
        csv.printRecord(outcome, item, dimension, interval.n(), Numbers.format(interval.mean()),
                Numbers.format(interval.sd()), Numbers.format(interval.low()), Numbers.format(interval.high()));
    }
}
