package org.plenary.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a landscape (Axelrod &amp; Bennett 1993): actors with sizes and a symmetric matrix of
 * propensities, as a CSV whose header is {@code actor,size,<actor names...>} and whose line i gives
 * actor i (in the header's order), its size and its propensities toward every actor. The diagonal is
 * ignored and may be left empty. Every problem names its line and column.
 */
public final class LandscapeFile {
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Two propensities further apart than this fraction of the larger are not symmetric. */
    private static final double SYMMETRY_TOLERANCE = 1e-12;
    /** Larger numbers could overflow the energy's products of sizes and propensities. */
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e100");

    /** The landscape; {@code propensities[i][j]} for actors i, j in file order, 0 on the diagonal. */
    public record Landscape(List<String> actors, double[] sizes, double[][] propensities) { }

    private LandscapeFile() {
    }

    public static Landscape load(Path file) throws InputException {
        String where = file.toString();
        List<CsvRows.Row> rows = CsvRows.parse(where, InputFiles.readText(file, MAX_FILE_BYTES, "a landscape"));
        if (rows.isEmpty()) {
            throw new InputException(new Problem(where, 0, "", "the file is empty; it starts with the header"
                    + " actor,size,<actor names...>"));
        }
        CsvRows.Row header = rows.get(0);
        boolean named = header.size() >= 3 && header.cell(0).equalsIgnoreCase("actor")
                && header.cell(1).equalsIgnoreCase("size");
        if (!named) {
            throw new InputException(new Problem(where, header.line(), "", "the header must be actor,size followed by"
                    + " the actors' names, e.g. actor,size,A,B,C"));
        }
        List<String> actors = header.cells().subList(2, header.size());
        Problems problems = new Problems();
        Map<String, Integer> columnOf = new HashMap<>();
        for (int j = 0; j < actors.size(); j++) {
            String name = actors.get(j);
            if (name.isEmpty()) {
                problems.add(new Problem(where, header.line(), "column " + (j + 3), "an actor's name is empty"));
            } else if (columnOf.putIfAbsent(name, j) != null) {
                problems.add(new Problem(where, header.line(), name, "actor named twice in the header"));
            }
        }
        List<CsvRows.Row> actorRows = rows.subList(1, rows.size());
        if (actorRows.size() != actors.size()) {
            problems.add(new Problem(where, header.line(), "", "the header names " + actors.size()
                    + " actors but " + actorRows.size() + " actor lines follow; the matrix must be square"));
        }
        problems.throwIfAny();
        int n = actors.size();
        double[] sizes = new double[n];
        double[][] propensities = new double[n][n];
        for (int i = 0; i < n; i++) {
            CsvRows.Row row = actorRows.get(i);
            // The last line's empty diagonal cell is a trailing empty cell, which CsvRows drops.
            boolean diagonalDropped = i == n - 1 && row.size() == 1 + n;
            if (row.size() != 2 + n && !diagonalDropped) {
                problems.add(new Problem(where, row.line(), "", "expected " + (2 + n) + " fields (actor, size and "
                        + n + " propensities), found " + row.size()));
                continue;
            }
            if (!row.cell(0).equals(actors.get(i))) {
                problems.add(new Problem(where, row.line(), "actor", "'" + row.cell(0) + "' where '" + actors.get(i)
                        + "' should be: lines list the actors in the header's order"));
            }
            sizes[i] = nonNegative(where, row, problems);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    propensities[i][j] = finite(where, row, 2 + j, actors.get(j), problems);
                }
            }
        }
        problems.throwIfAny();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double pij = propensities[i][j];
                double pji = propensities[j][i];
                if (Math.abs(pij - pji) > SYMMETRY_TOLERANCE * Math.max(Math.abs(pij), Math.abs(pji))) {
                    problems.add(new Problem(where, actorRows.get(i).line(), actors.get(j), "propensity "
                            + actorRows.get(i).cell(2 + j) + " of " + actors.get(i) + " toward " + actors.get(j)
                            + " differs from " + actorRows.get(j).cell(2 + i) + " on line " + actorRows.get(j).line()
                            + " (column " + actors.get(i) + "); propensities are symmetric"));
                }
            }
        }
        problems.throwIfAny();
        return new Landscape(List.copyOf(actors), sizes, propensities);
    }

    private static double nonNegative(String where, CsvRows.Row row, Problems problems) {
        double size = finite(where, row, 1, "size", problems);
        if (size < 0) {
            problems.add(new Problem(where, row.line(), "size", "must be at least 0, got " + row.cell(1)));
            return 0;
        }
        return size;
    }

    /** A cell's number, or 0 after recording why it is not a usable one. */
    private static double finite(String where, CsvRows.Row row, int index, String column, Problems problems) {
        BigDecimal value = CsvRows.decimal(where, row, index, column, problems);
        if (value == null) {
            return 0;
        }
        if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
            problems.add(new Problem(where, row.line(), column, "too large: at most 1e100 in absolute value, got " + row.cell(index)));
            return 0;
        }
        return value.doubleValue();
    }
}
