package org.plenary.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A saved run's ballots split by bloc, for the report: per voted item and group (a delegation in
 * several groups counts in each; "(no group)" for the others), the mean number of yes, no, abstain
 * and absent ballots per replication in which the item was voted. Groups are as of the vote's round:
 * declared, with the join and leave events up to it applied (a delegation that left a bloc before the
 * vote counts where it now is).
 */
final class BallotSplit {
    static final List<String> HEADER = List.of("item", "bloc", "members", "yes", "no", "abstain", "absent");
    private static final List<String> VOTES = List.of("yes", "no", "abstain", "absent");
    private static final String NO_GROUP = "(no group)";

    private BallotSplit() {
    }

    /** The rows, or none when the run has no ballots.csv or held no vote; {@code parameters} is the resolved scenario. */
    static List<List<String>> rows(Path directory, JsonNode parameters) throws IOException {
        Path file = directory.resolve("ballots.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<Integer, Map<String, List<String>>> groupsByRound = new HashMap<>();
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> members = new HashMap<>();
        Map<String, Set<String>> replications = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord ballot : parser) {
                String item = ballot.get("item");
                int round = Integer.parseInt(ballot.get("round"));
                Map<String, List<String>> groupsOf = groupsByRound.computeIfAbsent(round, r -> groupsAt(parameters, r));
                members.computeIfAbsent(item, i -> memberCounts(parameters, groupsOf));
                replications.computeIfAbsent(item, i -> new HashSet<>()).add(ballot.get("replication"));
                int vote = VOTES.indexOf(ballot.get("vote"));
                for (String group : groupsOf.getOrDefault(ballot.get("delegation"), List.of(NO_GROUP))) {
                    counts.computeIfAbsent(item, i -> new LinkedHashMap<>())
                            .computeIfAbsent(group, g -> new int[VOTES.size()])[vote]++;
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, int[]>> item : counts.entrySet()) {
            double voted = replications.get(item.getKey()).size();
            for (Map.Entry<String, Integer> group : members.get(item.getKey()).entrySet()) {
                int[] tally = item.getValue().get(group.getKey());
                if (tally == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(item.getKey(), group.getKey(), String.valueOf(group.getValue())));
                for (int count : tally) {
                    row.add(RunReport.format(count / voted));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each delegation's groups in a round: as declared, then every join and leave up to that round, in round order. */
    private static Map<String, List<String>> groupsAt(JsonNode parameters, int round) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (JsonNode delegation : parameters.path("delegations")) {
            List<String> list = new ArrayList<>();
            delegation.path("groups").forEach(g -> list.add(g.asText()));
            groups.put(delegation.path("id").asText(), list);
        }
        List<JsonNode> events = new ArrayList<>();
        parameters.path("events").forEach(events::add);
        events.sort(java.util.Comparator.comparingInt(e -> e.path("round").asInt()));
        for (JsonNode event : events) {
            List<String> list = groups.get(event.path("delegation").asText());
            String bloc = event.path("bloc").asText();
            if (event.path("round").asInt() > round || list == null) {
                continue;
            }
            if (event.path("type").asText().equals("join") && !list.contains(bloc)) {
                list.add(bloc);
            } else if (event.path("type").asText().equals("leave")) {
                list.remove(bloc);
            }
        }
        groups.values().stream().filter(List::isEmpty).forEach(list -> list.add(NO_GROUP));
        return groups;
    }

    /** How many voting delegations each group has, in order of first appearance. */
    private static Map<String, Integer> memberCounts(JsonNode parameters, Map<String, List<String>> groupsOf) {
        Map<String, Integer> members = new LinkedHashMap<>();
        for (JsonNode delegation : parameters.path("delegations")) {
            if (delegation.path("votes").asBoolean(true)) {
                groupsOf.get(delegation.path("id").asText()).forEach(g -> members.merge(g, 1, Integer::sum));
            }
        }
        return members;
    }
}
