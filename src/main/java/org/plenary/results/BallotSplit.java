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
 * and absent ballots per replication in which the item was voted.
 */
final class BallotSplit {
    static final List<String> HEADER = List.of("item", "bloc", "members", "yes", "no", "abstain", "absent");
    private static final List<String> VOTES = List.of("yes", "no", "abstain", "absent");
    private static final String NO_GROUP = "(no group)";

    private BallotSplit() {
    }

    /** The rows, or none when the run has no ballots.csv or held no vote. */
    static List<List<String>> rows(Path directory, JsonNode delegations) throws IOException {
        Path file = directory.resolve("ballots.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, List<String>> groupsOf = new HashMap<>();
        Map<String, Integer> members = new LinkedHashMap<>();
        for (JsonNode delegation : delegations) {
            List<String> groups = new ArrayList<>();
            delegation.path("groups").forEach(g -> groups.add(g.asText()));
            if (groups.isEmpty()) {
                groups.add(NO_GROUP);
            }
            groupsOf.put(delegation.path("id").asText(), groups);
            if (delegation.path("votes").asBoolean(true)) {
                groups.forEach(g -> members.merge(g, 1, Integer::sum));
            }
        }
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        Map<String, Set<String>> replications = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord ballot : parser) {
                String item = ballot.get("item");
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
            for (String group : members.keySet()) {
                int[] tally = item.getValue().get(group);
                if (tally == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(item.getKey(), group, String.valueOf(members.get(group))));
                for (int count : tally) {
                    row.add(RunReport.format(count / voted));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
