package org.plenary.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ideal-points file as {@code plenary ideal-points} writes it ({@code delegation,dimension,estimate,
 * low,high}), read for {@code positions_from} (docs/scenario-format.md): the estimates of one dimension.
 */
final class IdealPointsFile {
    private IdealPointsFile() {
    }

    /** Delegation id to its estimate on {@code dimension} (1-based), in file order. */
    static Map<String, Double> read(Path file, int dimension) throws InputException {
        String where = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(new Problem(where, 0, "", "cannot read the ideal-points file: " + e.getMessage()));
        }
        List<CsvRows.Row> rows = CsvRows.parse(where, text);
        if (rows.isEmpty() || !rows.get(0).cells().containsAll(List.of("delegation", "dimension", "estimate"))) {
            throw new InputException(new Problem(where, rows.isEmpty() ? 0 : rows.get(0).line(), "header",
                    "needs the columns delegation,dimension,estimate (as plenary ideal-points writes them)"));
        }
        List<String> header = rows.get(0).cells();
        int idAt = header.indexOf("delegation");
        int dimensionAt = header.indexOf("dimension");
        int estimateAt = header.indexOf("estimate");
        Problems problems = new Problems();
        Map<String, Double> estimates = new LinkedHashMap<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(idAt, Math.max(dimensionAt, estimateAt))) {
                problems.add(new Problem(where, row.line(), "", "too few cells"));
                continue;
            }
            if (!row.cell(dimensionAt).equals(Integer.toString(dimension))) {
                continue;
            }
            double estimate;
            try {
                estimate = Double.parseDouble(row.cell(estimateAt));
            } catch (NumberFormatException e) {
                problems.add(new Problem(where, row.line(), "estimate", "must be a number, got '"
                        + row.cell(estimateAt) + "'"));
                continue;
            }
            if (estimates.put(row.cell(idAt), estimate) != null) {
                problems.add(new Problem(where, row.line(), "delegation", "duplicate estimate of '" + row.cell(idAt)
                        + "' on dimension " + dimension));
            }
        }
        if (estimates.isEmpty()) {
            problems.add(new Problem(where, rows.get(0).line(), "dimension", "no estimates on dimension " + dimension));
        }
        problems.throwIfAny();
        return estimates;
    }
}
