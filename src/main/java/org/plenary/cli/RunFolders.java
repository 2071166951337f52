package org.plenary.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * Which run a directory given to compare stands for: a run directory itself, or a scenario's
 * results folder (results/&lt;scenario&gt;), whose latest complete run is used (run directories
 * are named by UTC time, so the latest sorts last). Sweep and comparison directories are refused
 * with a message saying what they are.
 */
final class RunFolders {
    record Choice(Path run, String note) { }

    private RunFolders() {
    }

    static Choice resolve(Path directory) throws InputException {
        if (!Files.isDirectory(directory)) {
            throw new InputException(new Problem(directory.toString(), 0, "", "not a directory"));
        }
        String what = kind(directory);
        if (what.equals("run")) {
            return new Choice(directory, null);
        }
        if (!what.isEmpty()) {
            throw new InputException(new Problem(directory.toString(), 0, "", "is a " + what
                    + " directory; compare takes runs written by 'plenary run' (a run directory, or a scenario's"
                    + " results folder)"));
        }
        List<Path> runs;
        try (Stream<Path> children = Files.list(directory)) {
            runs = children.filter(Files::isDirectory).filter(c -> kind(c).equals("run"))
                    .filter(c -> Files.isRegularFile(c.resolve("outcomes.csv"))).sorted().toList();
        } catch (IOException e) {
            throw new InputException(new Problem(directory.toString(), 0, "", "cannot list it: " + e.getMessage()));
        }
        if (runs.isEmpty()) {
            throw new InputException(new Problem(directory.toString(), 0, "", "holds no complete run (no"
                    + " manifest.json with outcomes.csv): give a directory written by 'plenary run'"));
        }
        Path latest = runs.get(runs.size() - 1);
        String note = runs.size() == 1 ? null : directory + ": using its latest run " + latest.getFileName() + " (of "
                + runs.size() + "); give a run directory to choose another";
        return new Choice(latest, note);
    }

    /** "run", "sweep", "comparison", "backtest", or "" for anything else. */
    static String kind(Path directory) {
        if (Files.isRegularFile(directory.resolve("backtest.json"))) {
            return "backtest";
        }
        if (Files.isRegularFile(directory.resolve("sweep.csv")) || Files.isRegularFile(directory.resolve(org.plenary.sweep.Sweep.PLAN))) {
            return "sweep";
        }
        if (Files.isRegularFile(directory.resolve("comparison.csv"))) {
            return "comparison";
        }
        // A run even when incomplete: reading it then says which file is missing.
        return Files.isRegularFile(directory.resolve("manifest.json")) ? "run" : "";
    }
}
