package org.plenary.scenario;

import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;

/**
 * Reading a whole CSV file with Commons CSV as a user's input: a malformed record (an unclosed quote),
 * which its record iterator throws as an {@link UncheckedIOException}, becomes a problem at its line,
 * and numbers are read only in the plain decimal notation a spreadsheet writes.
 */
final class CsvRecords {
    /** Decimal notation with an optional exponent: not Java's hexadecimal floats, 'd'/'f' suffixes or NaN. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** Where Commons CSV says a malformed record starts, e.g. "(startline 3)" or "(line 7)". */
    private static final Pattern LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)");

    private CsvRecords() {
    }

    static boolean isDecimal(String cell) {
        return DECIMAL.matcher(cell).matches();
    }

    /** What the record iterator's exception means for the user, at the line where the bad record starts. */
    static Problem malformed(CSVParser parser, String where, UncheckedIOException e) {
        Matcher line = LINE.matcher(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        int at = line.find() ? Integer.parseInt(line.group(1)) : (int) parser.getCurrentLineNumber();
        return new Problem(where, at, "", "malformed CSV: " + explain(e.getCause() == null ? e : e.getCause())
                .replace("the end of the line", "the end of the file"));
    }

    /** Commons CSV's complaint in the user's terms, without its class name and line count. */
    static String explain(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is not closed before the end of the line";
        }
        return LINE.matcher(message).replaceFirst("").trim();
    }
}
