package org.plenary.explore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenarios the explorer may open: the files named on the command line, then the bundled ones
 * (the YAML files directly in the project's scenarios/ folder). The page picks one by its index in
 * this list and never sends a path, so no request can reach any other file.
 */
public final class ScenarioCatalog {

    /** One scenario the page can open; {@code label} is what the picker shows. */
    public record Entry(int index, String label, Path file) { }

    private final List<Entry> entries;

    public ScenarioCatalog(List<Path> files) {
        List<Entry> list = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            Path normal = file.toAbsolutePath().normalize();
            if (seen.add(normal)) {
                list.add(new Entry(list.size(), file.getFileName().toString(), normal));
            }
        }
        this.entries = List.copyOf(list);
    }

    /** The command-line files first, then the bundled scenarios that are not among them. */
    public static ScenarioCatalog of(List<Path> commandLineFiles, Path bundledFolder) {
        List<Path> files = new ArrayList<>(commandLineFiles);
        if (bundledFolder != null) {
            files.addAll(bundled(bundledFolder));
        }
        return new ScenarioCatalog(files);
    }

    /** The YAML scenarios directly inside a folder, by name; none when the folder cannot be read. */
    static List<Path> bundled(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Where the bundled scenarios are: scenarios/ in the working directory, or beside the folder of
     * the running jar (target/plenary.jar in a checkout); null when neither exists.
     */
    public static Path bundledFolder() {
        Path here = Path.of("scenarios");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(ScenarioCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("scenarios");
            return candidate != null && Files.isDirectory(candidate) ? candidate : null;
        } catch (Exception e) {
            return null;
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry at an index the page sent, or null for any other value. */
    public Entry get(int index) {
        return index >= 0 && index < entries.size() ? entries.get(index) : null;
    }
}
