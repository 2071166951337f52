package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.backtest.ObservedVotes;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * Seeded fuzzing of every bundled scenario and data file (issue 24): each case mutates one file (lines
 * deleted, duplicated or swapped; numbers made negative, huge, NaN or text; keys misspelt; the file
 * truncated; tabs, quotes, brackets and invalid bytes inserted) and checks that {@code validate} (or
 * the command reading that file) answers 0 or 2, never an internal error or a stack trace, that every
 * error names a file, and that a {@code run} that fails leaves nothing in its results folder.
 */
class FuzzedInputsTest {
    private static final long SEED = 20_261_207L;
    /**
     * Mutated variants of each file, about 300 cases in all: fewer for the 194-state flagships, whose
     * validation runs replications to check the timing of events, so the test stays well under a minute.
     */
    private static final int CASES_PER_FILE = 20;
    private static final int CASES_PER_FLAGSHIP = 4;
    private static final List<String> FLAGSHIPS = List.of("europe-coordinates-v2.yaml", "europe-coordinates.yaml",
            "itu-baseline-v2.yaml", "itu-baseline.yaml", "us-withdraws-v2.yaml", "us-withdraws.yaml",
            "wcit12-replay-v2.yaml", "wtdc25-us-disengages.yaml");
    /** One case of a smaller scenario in this many also runs it. */
    private static final int RUN_EVERY = 5;
    private static final Path BUNDLED = Path.of("scenarios");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern KEY = Pattern.compile("([A-Za-z_]{3,}):");
    private static final List<String> ODD_NUMBERS = List.of(".nan", "NaN", ".inf", "-.inf", "1e308", "1e999",
            "99999999999999999999", "-0", "0x1p3", "1d", "ten", "", "\"\"", "[]", "{}", "~", "true");

    @TempDir
    Path dir;

    private record Case(String label, Path file, List<String> command) { }

    @Test
    void mutatedScenariosAndDataFilesAreRefusedCleanly() throws Exception {
        Path copy = copyScenarios();
        List<Case> targets = new ArrayList<>();
        try (Stream<Path> files = Files.list(copy)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> targets.add(
                    new Case(f.getFileName().toString(), f, List.of("validate", f.toString()))));
        }
        Path members = copy.resolve("data/itu-member-states.csv");
        targets.add(new Case("itu-member-states.csv", members,
                List.of("validate", copy.resolve("unga-ict-2018.yaml").toString())));
        try (Stream<Path> files = Files.list(copy.resolve("ktab"))) {
            files.filter(f -> f.toString().endsWith(".csv")).sorted().forEach(f -> targets.add(
                    new Case(f.getFileName().toString(), f, List.of("validate", f.toString()))));
        }
        Path landscape = copy.resolve("landscapes/four-actors.csv");
        targets.add(new Case("four-actors.csv", landscape, List.of("landscape", landscape.toString())));

        Random random = new Random(SEED);
        int cases = 0;
        int refused = 0;
        for (Case target : targets) {
            byte[] original = Files.readAllBytes(target.file());
            boolean flagship = FLAGSHIPS.contains(target.label());
            for (int i = 0; i < (flagship ? CASES_PER_FLAGSHIP : CASES_PER_FILE); i++) {
                String mutation = mutate(target.file(), original, random);
                String label = target.label() + " #" + i + " (" + mutation + ")";
                CliTest.Result result = CliTest.plenary(target.command().toArray(String[]::new));
                assertCleanAnswer(label, result);
                refused += result.exitCode() == 2 ? 1 : 0;
                if (++cases % RUN_EVERY == 0 && !flagship && target.label().endsWith(".yaml")) {
                    assertRunLeavesNothingOrACompleteRun(label, target.file(), dir.resolve("results-" + cases));
                }
            }
            Files.write(target.file(), original);
        }
        assertTrue(cases >= 280, "a few hundred cases: " + cases);
        assertTrue(refused > cases / 2, "most mutations are refused (" + refused + " of " + cases + ")");
    }

    @Test
    void mutatedVotesFilesAreRefusedAsProblemsOnly() throws Exception {
        Path copy = copyScenarios();
        Scenario scenario = ScenarioLoader.load(copy.resolve("unga-ict-2018.yaml"), List.of()).scenario();
        Path votes = copy.resolve("data/unga-ict-votes-2018.csv");
        byte[] original = Files.readAllBytes(votes);
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 40; i++) {
            String mutation = mutate(votes, original, random);
            try {
                ObservedVotes.read(votes, scenario);
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith(votes.toString()), mutation + ": " + e.getMessage());
            }
        }
    }

    private static void assertCleanAnswer(String label, CliTest.Result result) {
        assertTrue(result.exitCode() == 0 || result.exitCode() == 2,
                label + ": exit " + result.exitCode() + "\n" + result.err());
        assertFalse(result.err().contains("internal error") || result.err().contains("Exception")
                || result.err().contains("\tat "), label + ": " + result.err());
        if (result.exitCode() == 2) {
            for (String line : result.err().split("\n")) {
                if (line.startsWith("error: ")) {
                    assertTrue(line.matches("error: \\S+\\.(yaml|csv)(:\\d+)?: .+"), label + ": names no file: " + line);
                }
            }
        }
    }

    /** A run of the mutated scenario either commits one complete run or leaves its results folder empty. */
    private static void assertRunLeavesNothingOrACompleteRun(String label, Path scenario, Path out) throws IOException {
        CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--replications", "1", "--threads", "1",
                "--out", out.toString());
        assertCleanAnswer(label + " run", run);
        List<Path> left = new ArrayList<>();
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                files.filter(f -> !f.equals(out)).forEach(left::add);
            }
        }
        if (run.exitCode() != 0) {
            assertEquals(List.of(), left, label + ": a failed run leaves nothing");
        } else {
            assertTrue(left.stream().anyMatch(f -> f.getFileName().toString().equals("manifest.json")), label);
            assertTrue(left.stream().noneMatch(f -> f.getFileName().toString().startsWith(".incomplete")), label);
        }
    }

    private Path copyScenarios() throws IOException {
        Path copy = dir.resolve("scenarios");
        try (Stream<Path> files = Files.walk(BUNDLED)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(BUNDLED.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** Writes one mutation of the original bytes to the file and says what it was. */
    static String mutate(Path file, byte[] original, Random random) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        int at = random.nextInt(lines.size());
        String what;
        switch (random.nextInt(10)) {
            case 0 -> {
                lines.remove(at);
                what = "line " + (at + 1) + " deleted";
            }
            case 1 -> {
                lines.add(at, lines.get(at));
                what = "line " + (at + 1) + " duplicated";
            }
            case 2 -> {
                int other = random.nextInt(lines.size());
                String swapped = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, swapped);
                what = "lines " + (at + 1) + " and " + (other + 1) + " swapped";
            }
            case 3, 4 -> {
                String replacement = random.nextBoolean() ? "-" : ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
                what = replaceOne(lines, NUMBER, random, match -> replacement.equals("-") ? "-" + match : replacement);
            }
            case 5 -> what = replaceOne(lines, KEY, random,
                    key -> key.substring(0, key.length() - 2) + key.charAt(key.length() - 3) + ":");
            case 6 -> {
                byte[] cut = Arrays.copyOf(original, random.nextInt(original.length));
                Files.write(file, cut);
                return "truncated to " + cut.length + " bytes";
            }
            case 7 -> {
                String line = lines.get(at);
                String inserted = List.of("\t", "\"", "{", "[", ",", ":", "- ", "&a ", "*a", "%").get(random.nextInt(10));
                int column = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, column) + inserted + line.substring(column));
                what = "'" + inserted + "' inserted at line " + (at + 1) + ", column " + (column + 1);
            }
            default -> {
                byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xff} : new byte[] {(byte) 0xc3, '('};
                int position = random.nextInt(original.length + 1);
                byte[] mutated = new byte[original.length + bad.length];
                System.arraycopy(original, 0, mutated, 0, position);
                System.arraycopy(bad, 0, mutated, position, bad.length);
                System.arraycopy(original, position, mutated, position + bad.length, original.length - position);
                Files.write(file, mutated);
                return "invalid bytes at offset " + position;
            }
        }
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return what;
    }

    /** Replaces one match of the pattern, on a random line that has one. */
    private static String replaceOne(List<String> lines, Pattern pattern, Random random,
                                     java.util.function.UnaryOperator<String> replacement) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return "nothing to replace";
        }
        int line = candidates.get(random.nextInt(candidates.size()));
        List<int[]> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(lines.get(line));
        while (matcher.find()) {
            matches.add(new int[] {matcher.start(), matcher.end()});
        }
        int[] chosen = matches.get(random.nextInt(matches.size()));
        String text = lines.get(line);
        String old = text.substring(chosen[0], chosen[1]);
        String now = replacement.apply(old);
        lines.set(line, text.substring(0, chosen[0]) + now + text.substring(chosen[1]));
        return "'" + old + "' -> '" + now + "' at line " + (line + 1);
    }
}
