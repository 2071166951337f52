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
    /** The standard normal's 95% quantile: low and high bound a 90% interval. */
    static final double Z90 = 1.6448536269514722;

    private IdealPointsFile() {
    }

    /** An estimate and its standard error, (high - low) / (2 z90); NaN when the file gives no interval. */
    record Estimate(double value, double standardError) { }

    /** Delegation id to its estimate on {@code dimension} (1-based), in file order. */
    static Map<String, Estimate> read(Path file, int dimension) throws InputException {
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
        int lowAt = header.indexOf("low");
        int highAt = header.indexOf("high");
        Problems problems = new Problems();
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(idAt, Math.max(dimensionAt, estimateAt))) {
                problems.add(new Problem(where, row.line(), "", "too few cells"));
                continue;
            }
            if (!row.cell(dimensionAt).equals(Integer.toString(dimension))) {
                continue;
            }
            double estimate = number(row, estimateAt, "estimate", where, problems);
            double standardError = lowAt < 0 || highAt < 0 || row.size() <= Math.max(lowAt, highAt) ? Double.NaN
                    : (number(row, highAt, "high", where, problems) - number(row, lowAt, "low", where, problems)) / (2 * Z90);
            if (Double.isNaN(estimate)) {
                continue;
            }
            if (standardError < 0) {
                problems.add(new Problem(where, row.line(), "high", "below low"));
            }
            if (estimates.put(row.cell(idAt), new Estimate(estimate, standardError)) != null) {
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

    /** The number in one cell, or NaN with a problem naming the line and column. */
    private static double number(CsvRows.Row row, int at, String column, String where, Problems problems) {
        try {
            return Double.parseDouble(row.cell(at));
        } catch (NumberFormatException e) {
            problems.add(new Problem(where, row.line(), column, "must be a number, got '" + row.cell(at) + "'"));
            return Double.NaN;
        }
    }
}
