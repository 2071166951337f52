package org.plenary.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file read one line at a time, so every cell keeps its line number for error messages
 * (the KTAB and landscape formats never put a line break inside a cell). Cells are trimmed, blank
 * lines are skipped and trailing empty cells dropped: KTAB files end their lines with ", ".
 */
public final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true).setTrim(true).get();

    /** One non-blank line: its 1-based number and its cells. */
    public record Row(int line, List<String> cells) {
        public int size() {
            return cells.size();
        }

        public String cell(int index) {
            return cells.get(index);
        }
    }

    private CsvRows() {
    }

    public static List<Row> parse(String where, String text) throws InputException {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r\n|\r|\n", -1)
                : text.split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            int line = index + 1;
            List<String> cells = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(lines[index], FORMAT)) {
                for (CSVRecord record : parser) {
                    record.forEach(cells::add);
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new InputException(new Problem(where, line, "", "malformed CSV line: "
                        + CsvRecords.explain(e.getCause() == null ? e : e.getCause())));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            rows.add(new Row(line, List.copyOf(cells)));
        }
        return rows;
    }

    /**
     * The cell as an exact decimal, or null after recording why it is not a number, located at the
     * row's line and the column's name.
     */
    public static BigDecimal decimal(String where, Row row, int index, String column, Problems problems) {
        String cell = row.cell(index);
        if (cell.isEmpty()) {
            problems.add(new Problem(where, row.line(), column, "empty; a number is needed"));
            return null;
        }
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            problems.add(new Problem(where, row.line(), column, "must be a number, got '" + cell + "'"));
            return null;
        }
    }
}
