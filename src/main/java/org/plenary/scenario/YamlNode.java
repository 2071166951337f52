package org.plenary.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mapping in the tree, with its pointer and display path, read with defaults and ranges: the field
 * readers every section binder shares, reporting file:line:field problems to the one {@link Binding}.
 */
final class YamlNode {
    final Binding binding;
    final JsonNode node;
    final String pointer;
    String field;

    YamlNode(Binding binding, JsonNode node, String pointer, String field) {
        this.binding = binding;
        this.node = node;
        this.pointer = pointer;
        this.field = field;
    }

    /** Reports keys outside {@code allowed}; null allows any key (e.g. a mapping keyed by group id). */
    void allow(List<String> allowed) {
        if (allowed == null || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problemAt(key, Suggestions.unknown("key", key, allowed));
            }
        });
    }

    String path(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    String pointer(String key) {
        return pointer + "/" + SourceTree.segment(key);
    }

    void problemAt(String key, String message) {
        binding.problem(pointer(key), path(key), message);
    }

    /** A non-fatal remark about the value at {@code key}. */
    void warnAt(String key, String message) {
        binding.warn(binding.locate(pointer(key), path(key), message));
    }

    /** The value at {@code key} as it stands, unchecked, with its pointer and display path. */
    YamlNode at(String key) {
        return new YamlNode(binding, node.path(key), pointer(key), path(key));
    }

    JsonNode value(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    YamlNode object(String key, List<String> allowed) {
        JsonNode value = value(key);
        if (value != null && !value.isObject()) {
            problemAt(key, "must be a mapping of keys, got " + describe(value));
            value = null;
        }
        YamlNode object = new YamlNode(binding, value == null ? JsonNodeFactory.instance.objectNode() : value,
                pointer(key), path(key));
        object.allow(allowed);
        return object;
    }

    List<YamlNode> list(String key, boolean required) {
        JsonNode value = value(key);
        List<YamlNode> entries = new ArrayList<>();
        if (value == null) {
            if (required) {
                problemAt(key, "missing (required)");
            }
            return entries;
        }
        if (!value.isArray()) {
            problemAt(key, "must be a list, got " + describe(value));
            return entries;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPointer = pointer(key) + "/" + i;
            String elementField = path(key) + "[" + i + "]";
            if (!element.isObject()) {
                binding.problem(elementPointer, elementField, "must be a mapping of keys, got " + describe(element));
                continue;
            }
            entries.add(new YamlNode(binding, element, elementPointer, elementField));
        }
        return entries;
    }

    String text(String key, String fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            problemAt(key, "must be text, got " + describe(value)
                    + (value.isBoolean() ? " (YAML reads yes/no/on/off as true/false: quote the text)" : ""));
            return fallback;
        }
        return value.asText();
    }

    /** A calendar date written YYYY-MM-DD, or null when absent or not a date (reported). */
    java.time.LocalDate date(String key) {
        String text = text(key, null);
        try {
            return text == null ? null : java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            problemAt(key, "not a date: '" + text + "' (write YYYY-MM-DD, e.g. 2018-12-05)");
            return null;
        }
    }

    String requiredText(String key) {
        String text = text(key, null);
        if (text == null && value(key) == null) {
            problemAt(key, "missing (required)");
        }
        return text;
    }

    String requiredId(String key) {
        JsonNode value = value(key);
        if (value != null && value.isNumber() && !Double.isFinite(value.asDouble())) {
            problemAt(key, "must be text, got the number " + value.asText() + ": quote an id that YAML reads as"
                    + " a number");
            return null;
        }
        String text = requiredText(key);
        if (text != null && !ScenarioBinder.ID.matcher(text).matches()) {
            problemAt(key, "'" + text + "' is not a valid id: use letters, digits, '_' or '-',"
                    + " at most 64 characters");
            return null;
        }
        return text;
    }

    List<String> idList(String key) {
        JsonNode value = value(key);
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        if (!value.isArray()) {
            problemAt(key, "must be a list such as [A, B], got " + describe(value));
            return ids;
        }
        for (JsonNode element : value) {
            if (!element.isValueNode() || !ScenarioBinder.ID.matcher(element.asText()).matches()) {
                problemAt(key, "'" + element.asText() + "' is not a valid id");
            } else if (!ids.contains(element.asText())) {
                ids.add(element.asText());
            }
        }
        return List.copyOf(ids);
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problemAt(key, "must be true or false, got " + describe(value));
            return fallback;
        }
        return value.asBoolean();
    }

    String choice(String key, String fallback, List<String> options) {
        String text = text(key, fallback);
        if (text != null && !options.contains(text)) {
            problemAt(key, Suggestions.unknown("value", text, options));
            return fallback;
        }
        return text;
    }

    /** {@link #choice} as the constant of {@code type} it names ('spatial-logit' names SPATIAL_LOGIT). */
    <E extends Enum<E>> E option(Class<E> type, String key, String fallback, List<String> options) {
        return Enum.valueOf(type, enumName(choice(key, fallback, options)));
    }

    String requiredChoice(String key, List<String> options) {
        if (value(key) == null) {
            problemAt(key, "missing (required): one of " + String.join(", ", options));
            return null;
        }
        String text = text(key, null);
        if (text != null && !options.contains(text)) {
            problemAt(key, Suggestions.unknown("value", text, options));
            return null;
        }
        return text;
    }

    double number(String key, double fallback, double min, double max) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        double number = toNumber(key, value);
        if (Double.isNaN(number)) {
            return fallback;
        }
        if (number < min || number > max) {
            problemAt(key, "out of range: must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(number));
            return fallback;
        }
        return number;
    }

    double requiredNumber(String key) {
        JsonNode value = value(key);
        if (value == null) {
            problemAt(key, "missing (required)");
            return Double.NaN;
        }
        return toNumber(key, value);
    }

    /** The value as a finite number, or NaN after reporting why it is not one. */
    double toNumber(String key, JsonNode value) {
        if (!value.isNumber()) {
            problemAt(key, "must be a number, got " + describe(value));
            return Double.NaN;
        }
        double number = value.asDouble();
        if (!Double.isFinite(number)) {
            problemAt(key, "must be a finite number, got " + value.asText());
            return Double.NaN;
        }
        return number;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            problemAt(key, "must be a whole number, got " + describe(value));
            return fallback;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problemAt(key, "out of range: must be in [" + min + ", " + max + "], got " + number);
            return fallback;
        }
        return (int) number;
    }

    int requiredInteger(String key, int min, int max) {
        if (value(key) == null) {
            problemAt(key, "missing (required)");
            return min;
        }
        return integer(key, min, min, max);
    }

    long longValue(String key, long fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problemAt(key, "must be a whole number (a 64-bit integer), got " + describe(value));
            return fallback;
        }
        return value.asLong();
    }

    /**
     * A mapping from dimension id to a value in [0, 1] (for weights: [0, 100]). Missing
     * dimensions get the fallback; with {@code required}, every dimension must be given.
     */
    double[] perDimension(String key, List<String> dims, double fallback, boolean required) {
        double[] values = new double[dims.size()];
        Arrays.fill(values, fallback);
        JsonNode value = value(key);
        if (value == null) {
            if (required) {
                problemAt(key, "missing (required): a value in [0, 1] for each dimension ("
                        + String.join(", ", dims) + ")");
            }
            return values;
        }
        double max = key.equals("weights") ? 100 : 1;
        if (value.isNumber() && !required) {
            double number = number(key, fallback, 0, max);
            Arrays.fill(values, number);
            return values;
        }
        YamlNode map = object(key, dims);
        if (!value.isObject()) {
            return values;
        }
        for (int k = 0; k < dims.size(); k++) {
            if (map.node.has(dims.get(k))) {
                double number = map.number(dims.get(k), Double.NaN, 0, max);
                values[k] = number;
            } else if (required) {
                problemAt(key, "missing a value for dimension '" + dims.get(k) + "'");
            }
        }
        return values;
    }

    static String enumName(String text) {
        return text.toUpperCase().replace('-', '_');
    }

    static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "text '" + value.asText() + "'";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        return value.asText();
    }
}
