package org.plenary.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./plenary run} and {@code ./plenary sweep} commands that scenario headers and docs/findings.md give a
 * researcher to copy: each one's scenario, with its {@code --set} overrides, must load. (A header once suggested
 * {@code --set forum_shifting.model=none} for a scenario whose sponsors need forum shifting: the command failed.)
 */
class DocumentedCommandsTest {

    @Test
    void everyRunOrSweepCommandInAScenarioHeaderOrTheFindingsLoads() throws Exception {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(sources::add);
        }
        sources.add(Path.of("docs", "findings.md"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path source : sources) {
            for (List<String> words : commands(Files.readAllLines(source))) {
                if (words.stream().anyMatch(word -> word.contains("$"))) {
                    continue; // a shell loop's body: its values are the loop's
                }
                List<Overrides.Assignment> sets = new ArrayList<>();
                for (int w = 3; w < words.size(); w++) {
                    if (words.get(w).equals("--set") && w + 1 < words.size()) {
                        sets.add(Overrides.Assignment.parse(words.get(++w)));
                    } else if (words.get(w).startsWith("--set=")) {
                        sets.add(Overrides.Assignment.parse(words.get(w).substring("--set=".length())));
                    }
                }
                try {
                    ScenarioLoader.load(Path.of(words.get(2)), sets);
                } catch (InputException e) {
                    failures.add(source + ": " + String.join(" ", words) + "\n  " + e.getMessage());
                }
                checked++;
            }
        }
        assertTrue(checked >= 25, "found the documented commands: " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void aCommandIsReadAcrossContinuationLinesAndQuotes() {
        List<String> lines = List.of(
                "# Run, compare:",
                "#   ./plenary run scenarios/a.yaml --set 'x=[{file: f.csv,",
                "#     dims: [1]}]' \\",
                "#       --set=y=2 --out results/a   # a note",
                "./plenary sweep scenarios/b.yaml --set \"z=3\"",
                "./plenary compare results/a results/b");
        assertEquals(List.of(
                        List.of("./plenary", "run", "scenarios/a.yaml", "--set", "x=[{file: f.csv, dims: [1]}]", "--set=y=2",
                                "--out", "results/a"),
                        List.of("./plenary", "sweep", "scenarios/b.yaml", "--set", "z=3")),
                commands(lines));
    }

    /**
     * The run and sweep commands of a file's lines (a leading {@code #} and spaces dropped), joined across a trailing
     * backslash and across a quote left open at the end of a line, split into words as a shell would; a trailing
     * {@code # comment} ends a command.
     */
    static List<List<String>> commands(List<String> lines) {
        List<List<String>> commands = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String text = uncommented(lines.get(l));
            if (!(text.startsWith("./plenary run scenarios/") || text.startsWith("./plenary sweep scenarios/"))) {
                continue;
            }
            StringBuilder command = new StringBuilder(text);
            while (l + 1 < lines.size() && (openQuote(command) || command.toString().endsWith("\\"))) {
                if (!openQuote(command)) {
                    command.setLength(command.length() - 1);
                }
                command.append(' ').append(uncommented(lines.get(++l)));
            }
            commands.add(words(command.toString()));
        }
        return commands;
    }

    private static String uncommented(String line) {
        String text = line.strip();
        while (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        return text;
    }

    private static boolean openQuote(CharSequence text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
