package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A body's {@code members_file} (docs/scenario-format.md, "Standards bodies"): a CSV with columns
 * {@code delegation,role} (others, such as a {@code basis} or source column, are kept for the reader) merged
 * into the tree as each delegation's {@code membership}, before binding, so that the resolved scenario lists
 * every membership and a wrong role is reported at its line of the file.
 */
public final class MembersFile {
    private MembersFile() {
    }

    /** Replaces every {@code bodies[].members_file} in the tree by the memberships it lists. */
    public static void merge(SourceTree tree) throws InputException {
        JsonNode bodies = tree.root().path("bodies");
        JsonNode delegations = tree.root().path("delegations");
        if (!bodies.isArray() || !delegations.isArray()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        delegations.forEach(d -> ids.add(d.path("id").asText("")));
        Problems problems = new Problems();
        for (int b = 0; b < bodies.size(); b++) {
            JsonNode body = bodies.get(b);
            if (body.isObject() && body.has("members_file")) {
                read(tree, (ObjectNode) body, b, ids, problems);
                ((ObjectNode) body).remove("members_file");
            }
        }
        problems.throwIfAny();
    }

    private static void read(SourceTree tree, ObjectNode body, int b, List<String> ids, Problems problems)
            throws InputException {
        String bodyId = body.path("id").asText("");
        String pointer = "/bodies/" + b + "/members_file";
        SourceTree.Origin keyOrigin = tree.originOf(pointer);
        String field = "bodies[" + bodyId + "].members_file";
        String name = body.get("members_file").asText("");
        Path csv = tree.file().toAbsolutePath().getParent().resolve(name).normalize();
        String where = tree.file().getParent() == null ? name : tree.file().getParent().resolve(name).normalize().toString();
        if (name.isBlank() || !Files.isRegularFile(csv)) {
            throw new InputException(new Problem(keyOrigin.source(), keyOrigin.line(), field,
                    "file not found: " + where + " (a CSV with columns delegation,role, relative to the scenario)"));
        }
        try {
            if (Files.size(csv) > DelegationsFile.MAX_FILE_BYTES) {
                throw new InputException(new Problem(where, 0, "", "file is far too large for a members file"));
            }
            String text = InputFiles.utf8(where, Files.readAllBytes(csv));
            try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(reader)) {
                for (String column : List.of("delegation", "role")) {
                    if (!parser.getHeaderNames().contains(column)) {
                        throw new InputException(new Problem(where, 1, column, "the header has no '" + column
                                + "' column (columns: delegation,role)"));
                    }
                }
                try {
                    for (CSVRecord record : parser) {
                        member(tree, record, bodyId, where, ids, problems);
                    }
                } catch (UncheckedIOException e) {
                    throw new InputException(CsvRecords.malformed(parser, where, e));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(new Problem(where, 0, "", "malformed CSV: " + e.getMessage()));
        }
    }

    private static void member(SourceTree tree, CSVRecord record, String bodyId, String where, List<String> ids,
                               Problems problems) {
        int line = (int) record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            problems.add(new Problem(where, line, "", "expected " + record.getParser().getHeaderNames().size()
                    + " fields, found " + record.size()));
            return;
        }
        String delegation = record.get("delegation");
        int i = ids.indexOf(delegation);
        if (i < 0) {
            problems.add(new Problem(where, line, "delegation", Suggestions.unknown("delegation", delegation, ids)));
            return;
        }
        ObjectNode entry = (ObjectNode) tree.root().path("delegations").get(i);
        JsonNode existing = entry.path("membership");
        ObjectNode membership = existing.isObject() ? (ObjectNode) existing : entry.putObject("membership");
        if (membership.has(bodyId)) {
            problems.add(new Problem(where, line, "delegation", "'" + delegation + "' already has a role in '" + bodyId
                    + "' (listed twice, or also in the scenario's membership)"));
            return;
        }
        membership.put(bodyId, record.get("role"));
        tree.recordOrigin("/delegations/" + i + "/membership/" + SourceTree.segment(bodyId),
                new SourceTree.Origin(where, line));
    }
}
