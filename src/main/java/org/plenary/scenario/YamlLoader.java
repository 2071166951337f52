package org.plenary.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a {@link SourceTree}, recording the line of every value. Guards against
 * hostile input: a size cap, an alias cap (the "billion laughs" bomb) and duplicate keys.
 */
public final class YamlLoader {

    /** A scenario file larger than this is refused before parsing. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 50;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlLoader() {
    }

    public static SourceTree load(Path file) throws InputException {
        return parse(file, InputFiles.readText(file, MAX_FILE_BYTES, "a scenario"));
    }

    static SourceTree parse(Path file, String text) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        SourceTree tree = new SourceTree(file, NODES.nullNode());
        try (Reader reader = new StringReader(text); JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(new Problem(file.toString(), 0, "", text.isBlank() ? "the file is empty"
                        : "no scenario in the file (only comments or blank lines)"));
            }
            tree.setRoot(readValue(parser, "", tree, 0));
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            MarkedYAMLException marked = markedCause(e);
            if (marked != null && marked.getProblemMark() != null) {
                throw new InputException(new Problem(file.toString(), marked.getProblemMark().getLine() + 1, "",
                        "malformed YAML: " + explain(marked)));
            }
            throw new InputException(new Problem(file.toString(), Math.max(line, 0), "",
                    "malformed YAML: " + firstLine(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports alias bombs and depth limits as runtime exceptions.
            throw new InputException(new Problem(file.toString(), 0, "",
                    "malformed or hostile YAML: " + firstLine(String.valueOf(e.getMessage()))));
        }
        return tree;
    }

    private static JsonNode readValue(JsonParser parser, String pointer, SourceTree tree, int depth)
            throws IOException, InputException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        tree.recordOrigin(pointer, new SourceTree.Origin(tree.file().toString(), line));
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson does not expand aliases; refusing them also rules out alias bombs.
            throw new InputException(new Problem(tree.file().toString(), line, "",
                    "YAML anchors and aliases (*name) are not supported in scenarios; write the values out"));
        }
        if (depth > MAX_DEPTH) {
            throw new InputException(new Problem(tree.file().toString(), line, "", "YAML nested too deeply"));
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    String child = pointer + "/" + SourceTree.segment(name);
                    if (object.has(name)) {
                        throw new InputException(new Problem(tree.file().toString(), keyLine, name,
                                "duplicate key"));
                    }
                    object.set(name, readValue(parser, child, tree, depth + 1));
                    tree.recordOrigin(child, new SourceTree.Origin(tree.file().toString(), keyLine));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, pointer + "/" + array.size(), tree, depth + 1));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(floatValue(parser));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new InputException(new Problem(tree.file().toString(), line, "",
                        "unsupported YAML content: " + token));
        }
    }

    /**
     * A float, including YAML's .nan and .inf, which Jackson tokenises as floats but cannot convert:
     * they are kept as NaN and infinities so the scenario binder names the field that is not finite.
     */
    private static double floatValue(JsonParser parser) throws IOException {
        try {
            return parser.getDoubleValue();
        } catch (JacksonException e) {
            String text = parser.getText().toLowerCase(java.util.Locale.ROOT);
            if (text.equals(".nan")) {
                return Double.NaN;
            }
            if (text.matches("[+-]?\\.inf")) {
                return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw e;
        }
    }

    private static MarkedYAMLException markedCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    /**
     * The parser's complaint with both places it names: where it noticed the problem and where the
     * construct it was reading began (an unclosed '{' or '[' is noticed only lines later).
     */
    private static String explain(MarkedYAMLException e) {
        String problem = firstLine(e.getProblem()) + " at line " + (e.getProblemMark().getLine() + 1) + ", column "
                + (e.getProblemMark().getColumn() + 1);
        String context = e.getContext();
        Mark start = e.getContextMark();
        if (context == null || start == null) {
            return problem;
        }
        String where = "line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1);
        if (context.contains("flow mapping") || context.contains("flow sequence")) {
            char open = context.contains("mapping") ? '{' : '[';
            char close = open == '{' ? '}' : ']';
            return "the '" + open + "' opened at " + where + " is not closed: " + problem + " (close it with '"
                    + close + "', and separate entries with ',')";
        }
        return problem + " (" + firstLine(context) + " that began at " + where + ")";
    }

    /** The tree as YAML text (plain values, no anchors). */
    static String write(JsonNode root) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(YAMLFactory.builder()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build())
                    .writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree is always writable", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
