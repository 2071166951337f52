package org.plenary.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set path=value} overrides to a scenario tree before validation. Paths follow
 * the YAML structure; list entries with ids are addressed by id ({@code delegations.USA.capability},
 * {@code blocs.CEPT.cohesion}, {@code agenda.res-hr.deadline}), other lists by index
 * ({@code events.0.round}). The value is read as YAML, so {@code 0.3}, {@code vote} and
 * {@code [ad-hoc]} all work. Each overridden value is traced to its {@code --set} for error messages.
 */
public final class Overrides {

    /** Lists whose entries are addressed by their {@code id}; {@code items} is an alias of agenda. */
    private static final Map<String, String> ID_LISTS = Map.of("delegations", "delegations", "blocs", "blocs",
            "agenda", "agenda", "items", "agenda", "dimensions", "dimensions");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Overrides() {
    }

    /** One parsed {@code path=value}. */
    /** One override; {@code origin} is how the user gave it, for error messages (e.g. "--rounds 0"). */
    public record Assignment(String path, String value, String origin) {
        public static Assignment parse(String text) throws InputException {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new InputException(new Problem("--set " + text, 0, "",
                        "expected path=value, e.g. --set influence.rate=0.2"));
            }
            return new Assignment(text.substring(0, equals).trim(), text.substring(equals + 1).trim(), "--set " + text);
        }

        /** An override given by a dedicated option, such as --rounds or --seed. */
        public static Assignment option(String option, String path, Object value) {
            return new Assignment(path, String.valueOf(value), option + " " + value);
        }

        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    public static void apply(SourceTree tree, List<Assignment> assignments) throws InputException {
        Problems problems = new Problems();
        for (Assignment assignment : assignments) {
            try {
                apply(tree, assignment);
            } catch (InputException e) {
                e.problems().forEach(problems::add);
            }
        }
        problems.throwIfAny();
    }

    private static void apply(SourceTree tree, Assignment assignment) throws InputException {
        String source = assignment.origin();
        String[] segments = assignment.path().split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new InputException(new Problem(source, 0, assignment.path(), "empty path segment"));
            }
        }
        if (segments[0].equals("delegations_file")) {
            throw new InputException(new Problem(source, 0, assignment.path(),
                    "the delegations file is read before overrides; change it in the scenario file"));
        }
        JsonNode value;
        try {
            value = assignment.value().isEmpty() ? JsonNodeFactory.instance.nullNode() : YAML.readTree(assignment.value());
        } catch (JacksonException e) {
            throw new InputException(new Problem(source, 0, assignment.path(), "cannot read the value as YAML: "
                    + e.getOriginalMessage()));
        }
        if (!tree.root().isObject()) {
            // The file is at fault, not the override: say where, as the binder would.
            SourceTree.Origin origin = tree.originOf("");
            throw new InputException(new Problem(origin.source(), origin.line(), "",
                    "a scenario must be a YAML mapping of keys (name, dimensions, delegations, ...)"));
        }
        JsonNode current = tree.root();
        String pointer = "";
        List<String> walked = new ArrayList<>();
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            boolean last = s == segments.length - 1;
            String display = String.join(".", walked);
            if (current.isArray()) {
                int index = indexOf((ArrayNode) current, segment, walked.size() == 1 && ID_LISTS.containsKey(walked.get(0)),
                        source, display);
                pointer += "/" + index;
                if (last) {
                    throw new InputException(new Problem(source, 0, assignment.path(),
                            "names a whole entry; add the key to change, e.g. " + assignment.path() + ".capability"));
                }
                current = current.get(index);
            } else if (current.isObject()) {
                String key = s == 0 && ID_LISTS.containsKey(segment) ? ID_LISTS.get(segment) : segment;
                pointer += "/" + SourceTree.segment(key);
                if (last) {
                    ((ObjectNode) current).set(key, value);
                    tree.recordOrigin(pointer, new SourceTree.Origin(source, 0));
                    return;
                }
                JsonNode next = current.get(key);
                if (next == null || next.isNull()) {
                    if (ID_LISTS.containsKey(key) || key.equals("events") || key.equals("sweep")) {
                        throw new InputException(new Problem(source, 0, assignment.path(),
                                "the scenario has no " + key + " to change"));
                    }
                    next = ((ObjectNode) current).putObject(key);
                    tree.recordOrigin(pointer, new SourceTree.Origin(source, 0));
                }
                current = next;
            } else {
                throw new InputException(new Problem(source, 0, assignment.path(),
                        "'" + display + "' is a single value, it has no '" + segment + "'"));
            }
            walked.add(segment);
        }
    }

    private static int indexOf(ArrayNode list, String segment, boolean byId, String source, String display)
            throws InputException {
        if (byId) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String id = list.get(i).path("id").asText();
                if (id.equals(segment)) {
                    return i;
                }
                ids.add(id);
            }
            throw new InputException(new Problem(source, 0, display,
                    Suggestions.unknown(display.replaceAll("s$", "").replace("agenda", "agenda item"), segment, ids)));
        }
        try {
            int index = Integer.parseInt(segment);
            if (index >= 0 && index < list.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(new Problem(source, 0, display,
                "'" + segment + "' is not an index of this list (0 to " + (list.size() - 1) + ")"));
    }
}
