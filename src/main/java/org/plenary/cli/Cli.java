package org.plenary.cli;

import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Small helpers shared by the commands. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Cli() {
    }

    /** The --threads value, or all available cores. */
    static int threads(Integer requested) throws InputException {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 1) {
            throw new InputException(new Problem("--threads " + requested, 0, "", "needs at least 1 thread"));
        }
        return requested;
    }

    /** Writes a value (maps, lists, numbers) as indented JSON. */
    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists and numbers are always serialisable", e);
        }
    }

    /** An enum constant as written on the command line and in JSON: EXPECTED_UTILITY is expected-utility. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads an enum option written as its {@link #label}, and lists the labels for the help's
     * ${COMPLETION-CANDIDATES}. Subclass once per enum: picocli instantiates converters by class.
     */
    abstract static class LabelledEnum<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;

        LabelledEnum(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String text) {
            for (E constant : type.getEnumConstants()) {
                if (label(constant).equals(text)) {
                    return constant;
                }
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not one of " + String.join(", ", this));
        }

        @Override
        public Iterator<String> iterator() {
            List<String> labels = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                labels.add(label(constant));
            }
            return labels.iterator();
        }
    }
}
