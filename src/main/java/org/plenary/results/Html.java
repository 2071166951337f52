package org.plenary.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A small builder for the self-contained HTML reports: escaped text, tables, embedded PNGs. Here,
 * below every layer that writes a report (runs, comparisons, sweeps, analyses, backtests).
 */
public final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
            h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:1em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.5em 0}figure img{max-width:100%;border:1px solid #eee}
            figcaption{color:#555;font-size:.9em}pre{background:#f7f7f7;padding:1em;overflow-x:auto;font-size:.85em}
            .muted{color:#666}.warning{background:#fff4e0;border-left:4px solid #e69f00;padding:.5em 1em}
            div.scroll{overflow-x:auto;max-width:100%}table.compact{font-size:.78em}table.compact td{padding:.2em .4em}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public Html(String title) {
        this.title = title;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public Html heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    public Html paragraph(String text, boolean muted) {
        body.append(muted ? "<p class=\"muted\">" : "<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that look like numbers are right-aligned. */
    public Html table(List<String> header, List<List<String>> rows) {
        return table(header, rows, null);
    }

    /**
     * A wide table in small type that scrolls sideways inside its own box rather than push the
     * page wider than the window.
     */
    public Html compactTable(List<String> header, List<List<String>> rows) {
        body.append("<div class=\"scroll\">");
        table(header, rows, "compact");
        body.append("</div>\n");
        return this;
    }

    /** A highlighted note, e.g. a warning about the inputs. */
    public Html warning(String text) {
        body.append("<p class=\"warning\">").append(escape(text)).append("</p>\n");
        return this;
    }

    private Html table(List<String> header, List<List<String>> rows, String cssClass) {
        body.append(cssClass == null ? "<table>" : "<table class=\"" + cssClass + "\">").append("<thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                boolean number = cell.matches("(< )?[-\u2212+]?[0-9.]+(e-?[0-9]+)?( \\[.*\\])?");
                body.append(number ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public Html image(Path png, String caption) throws IOException {
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(data).append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    public Html details(String summary, String preformatted) {
        body.append("<details><summary>").append(escape(summary)).append("</summary><pre>")
                .append(escape(preformatted)).append("</pre></details>\n");
        return this;
    }

    public void write(Path file) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
        Files.writeString(file, page);
    }
}
