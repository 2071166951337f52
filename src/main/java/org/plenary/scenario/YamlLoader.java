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
                throw new InputException(new Problem(file.toString(), 0, "", "the file is empty"));
            }
            tree.setRoot(readValue(parser, "", tree, 0));
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
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
                return NODES.numberNode(parser.getDoubleValue());
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
