package org.plenary.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario of KTAB, the KAPSARC Toolkit for Behavioral Analysis, in its CSV format, into the
 * same {@link SourceTree} a YAML scenario gives, so that every command accepts it and every later
 * problem still points at the CSV's line:
 * <pre>
 *   name,description,nActors,nDims                       (line 1; further cells are ignored, as KTAB does)
 *   Actor,Description,Power,Pstn1,Sal1,...,PstnN,SalN    (line 2: the header; column names are free)
 *   XJ,Xi Jinping,100,30,24,20,48                         (one actor a line)
 * </pre>
 * Positions and saliences are on 0-100 and become positions and saliences on [0, 1] (divided by
 * {@link #SCALE}, exactly: "63.03" becomes 0.6303); Power becomes the capability; Actor the id and
 * Description the name; dimensions are {@code d1..dN}, labelled by their position column; the
 * scenario is named after the file. There is no agenda; everything else takes its default. As
 * KTAB's own reader does, a file whose saliences add up to more than 100 for one actor is refused.
 */
public final class KtabFile {
    /** KTAB's positions and saliences are on 0-100; Plenary's on [0, 1]. */
    public static final double SCALE = 100;
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int FIXED_COLUMNS = 3;

    private final String where;
    private final Problems problems = new Problems();

    private KtabFile(Path file) {
        this.where = file.toString();
    }

    /** Whether a scenario path names a KTAB file rather than YAML: the {@code .csv} extension. */
    public static boolean isKtab(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    public static SourceTree load(Path file) throws InputException {
        String text = InputFiles.readText(file, MAX_FILE_BYTES, "a KTAB scenario");
        return new KtabFile(file).convert(file, CsvRows.parse(file.toString(), text));
    }

    private SourceTree convert(Path file, List<CsvRows.Row> rows) throws InputException {
        if (rows.isEmpty()) {
            throw new InputException(new Problem(where, 0, "", "the file is empty; a KTAB scenario starts with"
                    + " the line name,description,nActors,nDims"));
        }
        CsvRows.Row title = rows.get(0);
        if (title.size() < 4) {
            throw new InputException(new Problem(where, title.line(), "", "line 1 of a KTAB scenario is"
                    + " name,description,nActors,nDims; found " + title.size() + " fields"));
        }
        int actors = wholeNumber(title, 2, "nActors");
        int dimensions = wholeNumber(title, 3, "nDims");
        problems.throwIfAny();
        if (rows.size() < 2) {
            throw new InputException(new Problem(where, title.line(), "", "the header line"
                    + " (Actor,Description,Power,Pstn1,Sal1,...) is missing after line 1"));
        }
        CsvRows.Row header = rows.get(1);
        checkHeader(header, dimensions);
        problems.throwIfAny();
        List<CsvRows.Row> actorRows = rows.subList(2, rows.size());
        if (actorRows.size() != actors) {
            problems.add(new Problem(where, title.line(), "nActors", "says " + actors + " actors, but the file has "
                    + actorRows.size() + " actor lines"));
        }

        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        SourceTree tree = new SourceTree(file, root);
        root.put("name", scenarioName(file));
        String description = title.cell(1).isEmpty() ? title.cell(0) : title.cell(0) + ": " + title.cell(1);
        root.put("description", "KTAB scenario " + description);
        tree.recordOrigin("/name", new SourceTree.Origin(where, title.line()));
        tree.recordOrigin("/description", new SourceTree.Origin(where, title.line()));
        // Problems with the lists as a whole (e.g. too many dimensions) point at nActors and nDims.
        tree.recordOrigin("/dimensions", new SourceTree.Origin(where, title.line()));
        tree.recordOrigin("/delegations", new SourceTree.Origin(where, title.line()));
        ArrayNode dimensionList = root.putArray("dimensions");
        for (int k = 0; k < dimensions; k++) {
            String label = header.cell(positionColumn(k));
            dimensionList.addObject().put("id", dimensionId(k)).put("label", label.isEmpty() ? dimensionId(k) : label);
            tree.recordOrigin("/dimensions/" + k, new SourceTree.Origin(where, header.line()));
        }
        ArrayNode delegations = root.putArray("delegations");
        Map<String, Integer> lineOfActor = new HashMap<>();
        for (CsvRows.Row row : actorRows) {
            tree.recordOrigin("/delegations/" + delegations.size(), new SourceTree.Origin(where, row.line()));
            delegations.add(delegation(row, header, dimensions, lineOfActor));
        }
        problems.throwIfAny();
        return tree;
    }

    /** The id of dimension k (0-based) in the converted scenario. */
    private static String dimensionId(int k) {
        return "d" + (k + 1);
    }

    private static int positionColumn(int k) {
        return FIXED_COLUMNS + 2 * k;
    }

    /** A count of line 1: a whole number from 1 to 100000, or 0 after recording the problem. */
    private int wholeNumber(CsvRows.Row row, int index, String column) {
        BigDecimal value = CsvRows.decimal(where, row, index, column, problems);
        if (value == null) {
            return 0;
        }
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        if (!whole || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            problems.add(new Problem(where, row.line(), column, "must be a whole number from 1 to 100000, got '"
                    + row.cell(index) + "'"));
            return 0;
        }
        return value.intValueExact();
    }

    private void checkHeader(CsvRows.Row header, int dimensions) {
        int expected = FIXED_COLUMNS + 2 * dimensions;
        if (!header.cell(0).equalsIgnoreCase("Actor")) {
            problems.add(new Problem(where, header.line(), "", "line 2 must be the header Actor,Description,Power,"
                    + "Pstn1,Sal1,... (a position and a salience column for each dimension); found '"
                    + header.cell(0) + "' where 'Actor' should be"));
        } else if (header.size() != expected) {
            problems.add(new Problem(where, header.line(), "", "the header has " + header.size() + " columns; nDims = "
                    + dimensions + " needs " + expected + " (Actor, Description, Power, then a position and a salience"
                    + " for each dimension)"));
        }
    }

    private ObjectNode delegation(CsvRows.Row row, CsvRows.Row header, int dimensions,
                                  Map<String, Integer> lineOfActor) {
        ObjectNode delegation = JsonNodeFactory.instance.objectNode();
        int expected = FIXED_COLUMNS + 2 * dimensions;
        if (row.size() != expected) {
            problems.add(new Problem(where, row.line(), "", "expected " + expected + " fields (Actor, Description,"
                    + " Power, then a position and a salience for each of the " + dimensions + " dimensions), found "
                    + row.size()));
            return delegation;
        }
        String id = row.cell(0);
        if (!ScenarioBinder.ID.matcher(id).matches()) {
            problems.add(new Problem(where, row.line(), columnName(header, 0), "'" + id + "' cannot be used as an id:"
                    + " use letters, digits, '_' or '-', starting with a letter or digit"));
        } else if (lineOfActor.containsKey(id)) {
            problems.add(new Problem(where, row.line(), columnName(header, 0), "duplicate actor '" + id
                    + "' (also on line " + lineOfActor.get(id) + ")"));
        }
        lineOfActor.putIfAbsent(id, row.line());
        delegation.put("id", id);
        delegation.put("name", row.cell(1).isEmpty() ? id : row.cell(1));
        delegation.put("capability", inRange(row, header, 2, BigDecimal.valueOf(1_000_000_000), "").doubleValue());
        ObjectNode position = delegation.putObject("position");
        ObjectNode salience = delegation.putObject("salience");
        BigDecimal totalSalience = BigDecimal.ZERO;
        for (int k = 0; k < dimensions; k++) {
            BigDecimal pstn = inRange(row, header, positionColumn(k), HUNDRED, " (KTAB's scale)");
            BigDecimal sal = inRange(row, header, positionColumn(k) + 1, HUNDRED, " (KTAB's scale)");
            position.put(dimensionId(k), pstn.movePointLeft(2).doubleValue());
            salience.put(dimensionId(k), sal.movePointLeft(2).doubleValue());
            totalSalience = totalSalience.add(sal);
        }
        if (totalSalience.compareTo(HUNDRED) > 0) {
            problems.add(new Problem(where, row.line(), "", "the saliences add up to " + totalSalience.toPlainString()
                    + "; KTAB allows at most 100 over all the dimensions of one actor"));
        }
        return delegation;
    }

    /** A cell's number in [0, max], or zero after recording the problem (the tree is then never bound). */
    private BigDecimal inRange(CsvRows.Row row, CsvRows.Row header, int column, BigDecimal max, String scale) {
        String name = columnName(header, column);
        BigDecimal value = CsvRows.decimal(where, row, column, name, problems);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            problems.add(new Problem(where, row.line(), name, "must be in [0, " + max.toPlainString() + "]" + scale
                    + ", got " + row.cell(column)));
            return BigDecimal.ZERO;
        }
        return value;
    }

    private static String columnName(CsvRows.Row header, int column) {
        return header.cell(column).isEmpty() ? "column " + (column + 1) : header.cell(column);
    }

    /** The file name without extension, made a valid scenario name (it names the results directory). */
    static String scenarioName(Path file) {
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        String name = stem.replaceAll("[^A-Za-z0-9_.\\-]+", "-")
                .replaceAll("^[^A-Za-z0-9]+|-+$", "");
        name = name.length() > 100 ? name.substring(0, 100) : name;
        return ScenarioBinder.NAME.matcher(name).matches() ? name : "ktab";
    }
}
