package org.plenary.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assumptions a scenario file's comments state in a form a machine can check, one per line:
 * <pre>
 *   # assumes: chair.concessions_on_withdrawal = drop
 * </pre>
 * The key path is a {@code --set} path into the resolved scenario ({@code plenary validate} and
 * {@code scenario.resolved.yaml} show every key; list entries by id, e.g.
 * {@code delegations.USA.capability}); the value is compared as a number where both sides are
 * numbers, else as text. An assumption the resolved scenario contradicts (a changed default, an
 * override) is a warning naming the file and line (docs/scenario-format.md, "Stated assumptions").
 */
public final class StatedAssumptions {
    private static final Pattern ASSUMES = Pattern.compile("^\\s*#\\s*assumes:\\s*([^=\\s]+)\\s*=\\s*(.*?)\\s*$");

    /** One stated assumption: the line it is on, the key path and the value it states. */
    public record Assumption(int line, String path, String value) { }

    private StatedAssumptions() {
    }

    /** Every {@code # assumes:} line of a scenario file, in file order. */
    public static List<Assumption> read(Path file) throws IOException {
        List<Assumption> assumptions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            Matcher matcher = ASSUMES.matcher(lines.get(n));
            if (matcher.matches()) {
                assumptions.add(new Assumption(n + 1, matcher.group(1), unquote(matcher.group(2))));
            }
        }
        return assumptions;
    }

    /** A warning for each stated assumption of {@code file} that {@code scenario} (as resolved) does not hold. */
    public static List<Problem> check(Path file, Scenario scenario) throws IOException {
        List<Assumption> assumptions = read(file);
        if (assumptions.isEmpty()) {
            return List.of(); // most files state none: no need to write the whole scenario out as a map
        }
        Map<String, Object> resolved = ScenarioYaml.toMap(scenario);
        List<Problem> problems = new ArrayList<>();
        for (Assumption assumption : assumptions) {
            Object value = lookUp(resolved, assumption.path());
            String message = null;
            if (value == null) {
                message = "the file assumes '" + assumption.path() + "', which is not a key of the resolved scenario"
                        + " (see 'plenary validate' or scenario.resolved.yaml for the keys)";
            } else if (!same(value, assumption.value())) {
                message = "the file assumes " + assumption.path() + " = " + assumption.value() + ", but the scenario"
                        + " as resolved has " + value + ": correct the comment, or the value, so they agree";
            }
            if (message != null) {
                problems.add(new Problem(file.toString(), assumption.line(), assumption.path(), message));
            }
        }
        return problems;
    }

    /** The value at a dotted path, entries of a list picked by their id; null when there is none. */
    private static Object lookUp(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list) {
                current = list.stream().filter(e -> e instanceof Map<?, ?> m && key.equals(String.valueOf(m.get("id"))))
                        .findFirst().orElse(null);
            } else {
                return null;
            }
        }
        return current;
    }

    private static boolean same(Object resolved, String stated) {
        String text = String.valueOf(resolved);
        try {
            return Double.parseDouble(text) == Double.parseDouble(stated);
        } catch (NumberFormatException notBothNumbers) {
            return text.equals(stated);
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
