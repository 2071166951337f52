package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A scenario as a tree of values plus where each value came from (file and line), so that
 * validation can point at the exact line of a mistake even after CSV rows and --set overrides
 * have been merged into the tree.
 */
public final class SourceTree {

    /** Where one value of the tree was written. */
    public record Origin(String source, int line) { }

    private final Path file;
    private JsonNode root;
    private final Map<String, Origin> origins = new HashMap<>();

    public SourceTree(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    public void setRoot(JsonNode root) {
        this.root = root;
    }

    /** An independent copy (values and origins), to override without touching this tree. */
    public SourceTree copy() {
        SourceTree copy = new SourceTree(file, root.deepCopy());
        copy.origins.putAll(origins);
        return copy;
    }

    public void recordOrigin(String pointer, Origin origin) {
        origins.put(pointer, origin);
    }

    /** Forgets the origins of every pointer starting with the prefix and returns them. */
    public Map<String, Origin> removeOriginsUnder(String prefix) {
        Map<String, Origin> removed = new HashMap<>();
        origins.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(prefix)) {
                removed.put(entry.getKey(), entry.getValue());
                return true;
            }
            return false;
        });
        return removed;
    }

    /** The origin of a JSON pointer, or of its nearest ancestor that has one. */
    public Origin originOf(String pointer) {
        String current = pointer;
        while (true) {
            Origin origin = origins.get(current);
            if (origin != null) {
                return origin;
            }
            if (current.isEmpty()) {
                return new Origin(file.toString(), 0);
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }

    /** Escapes one JSON-pointer segment (RFC 6901). */
    public static String segment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
