package org.plenary.cli;

import org.plenary.Version;
import org.plenary.results.RunDirectory;
import org.plenary.scenario.InputException;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Writes files into a staging directory; {@link #writeResults} commits them only if this succeeds. */
    interface ResultsWriter {
        /** Writes into {@code staging}, which becomes {@code target} (for files that say where they are). */
        void write(Path staging, Path target) throws IOException, InputException;
    }

    /**
     * Writes a command's results into {@code RESULTS/<scenario>/<UTC-time>-<suffix>/}, which appears
     * only when complete (nothing half-written on failure).
     */
    static Path writeResults(Path base, String scenarioName, String suffix, ResultsWriter writer)
            throws IOException, InputException {
        return writeResults(base, scenarioName, suffix, "results", writer);
    }

    /**
     * As {@link #writeResults(Path, String, String, ResultsWriter)}, for a directory that a message
     * calls by {@code what} it holds (a sweep, an analysis) when it cannot be made.
     */
    static Path writeResults(Path base, String scenarioName, String suffix, String what, ResultsWriter writer)
            throws IOException, InputException {
        RunDirectory directory;
        try {
            directory = RunDirectory.create(base, scenarioName, Instant.now(), suffix);
        } catch (IOException e) {
            throw new InputException(new Problem("--out " + base, 0, "", "cannot create the " + what + " directory: "
                    + e));
        }
        try {
            writer.write(directory.staging(), directory.target());
            return directory.commit();
        } catch (InputException | IOException | RuntimeException e) {
            directory.abandon();
            throw e;
        }
    }

    /**
     * The refusal of --resume for a batch (a sweep, an analysis) with nothing left to run, saying
     * where its results are.
     */
    static InputException alreadyComplete(Path directory, String what, String results) {
        return new InputException(new Problem(directory.toString(), 0, "", "this " + what + " is already complete;"
                + " its results are in " + results + " and report.html"));
    }

    /** What every results file records about its inputs: tool version, scenario and command line. */
    static Map<String, Object> context(ScenarioLoader.Loaded loaded, List<String> commandLine) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tool_version", Version.get());
        context.put("scenario", loaded.scenario().name());
        context.put("scenario_file", loaded.file().toString());
        context.put("scenario_sha256", loaded.sha256());
        context.put("command_line", commandLine);
        return context;
    }

    /** The command line as typed: "plenary" and the original arguments. */
    static List<String> commandLine(CommandLine commandLine) {
        List<String> words = new ArrayList<>(List.of("plenary"));
        words.addAll(commandLine.getParseResult().originalArgs());
        return words;
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
