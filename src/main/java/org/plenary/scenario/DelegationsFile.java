package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Merges a {@code delegations_file:} CSV into the scenario tree, so the rest of the pipeline sees
 * delegations exactly as if they had been written inline (and --set can address them by id).
 *
 * <p>Columns read: {@code id} (required), {@code name}, {@code region}, {@code groups} (ids separated
 * by ';'), {@code capability}, {@code openness}, {@code tolerance}, {@code objection_threshold},
 * {@code position.<dimension>} and {@code salience.<dimension>}. Other columns (e.g. ISO codes) are
 * kept for the researcher and ignored by the model. Inline delegations with an id found in the
 * file patch that row; other inline delegations are appended.
 */
public final class DelegationsFile {

    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    private static final List<String> TEXT_COLUMNS = List.of("id", "name", "region");
    private static final List<String> NUMBER_COLUMNS = List.of("capability", "openness", "tolerance",
            "objection_threshold");

    private DelegationsFile() {
    }

    /** Replaces {@code delegations_file} in the tree by the rows it names; returns ignored columns. */
    public static List<String> merge(SourceTree tree) throws InputException {
        JsonNode root = tree.root();
        if (!root.isObject() || !root.has("delegations_file")) {
            return List.of();
        }
        ObjectNode top = (ObjectNode) root;
        JsonNode fileNode = top.get("delegations_file");
        SourceTree.Origin keyOrigin = tree.originOf("/delegations_file");
        if (!fileNode.isTextual() || fileNode.asText().isBlank()) {
            throw new InputException(new Problem(keyOrigin.source(), keyOrigin.line(), "delegations_file",
                    "must be the path of a CSV file, relative to the scenario file"));
        }
        Path base = tree.file().toAbsolutePath().getParent();
        Path csv = base.resolve(fileNode.asText()).normalize();
        String where = tree.file().getParent() == null ? fileNode.asText()
                : tree.file().getParent().resolve(fileNode.asText()).normalize().toString();
        if (!Files.isRegularFile(csv)) {
            throw new InputException(new Problem(keyOrigin.source(), keyOrigin.line(), "delegations_file",
                    "file not found: " + where));
        }
        // Inline entries move to new indexes: keep their origins aside and re-record them after the rows.
        Map<String, SourceTree.Origin> inlineOrigins = tree.removeOriginsUnder("/delegations/");
        List<String> ignored = new ArrayList<>();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        Problems problems = new Problems();
        try {
            if (Files.size(csv) > MAX_FILE_BYTES) {
                throw new InputException(new Problem(where, 0, "", "file is far too large for a delegations file"));
            }
            String text = InputFiles.utf8(where, Files.readAllBytes(csv));
            // A spreadsheet's byte-order mark would otherwise become part of the first column's name.
            try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(reader)) {
                List<String> header = parser.getHeaderNames();
                if (!header.contains("id")) {
                    throw new InputException(new Problem(where, 1, "id", "the header has no 'id' column"));
                }
                for (String column : header) {
                    if (header.indexOf(column) != header.lastIndexOf(column)) {
                        throw new InputException(new Problem(where, 1, column, "the header names this column twice"));
                    }
                    if (!isKnown(column)) {
                        ignored.add(column);
                    }
                }
                try {
                    for (CSVRecord record : parser) {
                        int line = (int) record.getRecordNumber() + 1;
                        String pointer = "/delegations/" + rows.size();
                        if (!record.isConsistent()) {
                            problems.add(new Problem(where, line, "", "expected " + header.size() + " fields, found "
                                    + record.size()));
                            continue;
                        }
                        rows.add(row(record, header, where, line, problems));
                        tree.recordOrigin(pointer, new SourceTree.Origin(where, line));
                    }
                } catch (UncheckedIOException e) {
                    throw new InputException(CsvRecords.malformed(parser, where, e));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(new Problem(where, 0, "", "malformed CSV: " + e.getMessage()));
        }
        problems.throwIfAny();
        patchWithInline(tree, top, rows, inlineOrigins);
        top.remove("delegations_file");
        top.set("delegations", rows);
        return ignored;
    }

    private static boolean isKnown(String column) {
        return TEXT_COLUMNS.contains(column) || NUMBER_COLUMNS.contains(column) || column.equals("groups")
                || column.equals("votes")
                || column.startsWith("position.") || column.startsWith("salience.");
    }

    private static ObjectNode row(CSVRecord record, List<String> header, String where, int line, Problems problems) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode row = nodes.objectNode();
        for (String column : header) {
            String cell = record.get(column);
            if (cell.isEmpty() || !isKnown(column)) {
                continue;
            }
            if (TEXT_COLUMNS.contains(column)) {
                row.put(column, cell);
            } else if (column.equals("votes")) {
                if (!cell.equals("true") && !cell.equals("false")) {
                    problems.add(new Problem(where, line, column, "must be true or false, got '" + cell + "'"));
                    continue;
                }
                row.put(column, Boolean.parseBoolean(cell));
            } else if (column.equals("groups")) {
                ArrayNode groups = row.putArray("groups");
                for (String group : cell.split(";")) {
                    if (!group.isBlank()) {
                        groups.add(group.trim());
                    }
                }
            } else {
                if (!CsvRecords.isDecimal(cell)) {
                    problems.add(new Problem(where, line, column, "must be a number, got '" + cell + "'"));
                    continue;
                }
                double value = Double.parseDouble(cell);
                int dot = column.indexOf('.');
                if (dot < 0) {
                    row.put(column, value);
                } else {
                    String map = column.substring(0, dot);
                    ObjectNode values = row.has(map) ? (ObjectNode) row.get(map) : row.putObject(map);
                    values.put(column.substring(dot + 1), value);
                }
            }
        }
        return row;
    }

    /** Inline delegations patch the file's rows with the same id; the rest are appended. */
    private static void patchWithInline(SourceTree tree, ObjectNode top, ArrayNode rows,
                                        Map<String, SourceTree.Origin> inlineOrigins) {
        JsonNode inline = top.get("delegations");
        if (inline == null || !inline.isArray()) {
            return;
        }
        Map<String, Integer> rowById = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowById.put(rows.get(i).path("id").asText(), i);
        }
        for (int j = 0; j < inline.size(); j++) {
            JsonNode entry = inline.get(j);
            String from = "/delegations/" + j;
            Integer index = entry.isObject() ? rowById.get(entry.path("id").asText(null)) : null;
            String to = "/delegations/" + (index == null ? rows.size() : index);
            if (index == null) {
                rows.add(entry);
            } else {
                ObjectNode target = (ObjectNode) rows.get(index);
                entry.fields().forEachRemaining(field -> {
                    if (field.getValue().isObject() && target.path(field.getKey()).isObject()) {
                        ((ObjectNode) target.get(field.getKey())).setAll((ObjectNode) field.getValue());
                    } else {
                        target.set(field.getKey(), field.getValue());
                    }
                });
            }
            inlineOrigins.forEach((pointer, origin) -> {
                if (pointer.equals(from) && index == null) {
                    tree.recordOrigin(to, origin);
                } else if (pointer.startsWith(from + "/")) {
                    tree.recordOrigin(to + pointer.substring(from.length()), origin);
                }
            });
        }
    }
}
