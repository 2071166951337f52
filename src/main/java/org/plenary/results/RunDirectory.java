package org.plenary.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A results directory that appears only when complete: files are written into a hidden staging
 * directory beside it, which is renamed into place on {@link #commit()} and deleted on
 * {@link #abandon()}. A failed run therefore leaves nothing half-written behind.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path staging;
    private final Path target;

    private RunDirectory(Path staging, Path target) {
        this.staging = staging;
        this.target = target;
    }

    /**
     * Prepares {@code base/<name>/<UTC-timestamp>-<hash>/}; the scenario name has been validated
     * to be a plain file name, and the resolved path is checked to stay inside {@code base}.
     */
    public static RunDirectory create(Path base, String scenarioName, Instant start, String shortHash)
            throws IOException {
        Path root = base.toAbsolutePath().normalize();
        Path parent = root.resolve(scenarioName).normalize();
        if (!parent.getParent().equals(root)) {
            throw new IllegalArgumentException("scenario name would leave the results directory: " + scenarioName);
        }
        String stem = STAMP.format(start) + "-" + shortHash;
        Path target = parent.resolve(stem);
        for (int suffix = 2; Files.exists(target); suffix++) {
            target = parent.resolve(stem + "-" + suffix);
        }
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".incomplete-" + stem + "-");
        return new RunDirectory(staging, target);
    }

    /**
     * Prepares exactly {@code target} (which must not exist, or be an empty directory), staged in a
     * hidden sibling until committed.
     */
    public static RunDirectory exactly(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            try (var entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    throw new java.nio.file.FileAlreadyExistsException(absolute + " (not empty)");
                }
            }
            Files.delete(absolute);
        } else if (Files.exists(absolute)) {
            throw new java.nio.file.FileAlreadyExistsException(absolute.toString());
        }
        Files.createDirectories(absolute.getParent());
        Path staging = Files.createTempDirectory(absolute.getParent(), ".incomplete-" + absolute.getFileName() + "-");
        return new RunDirectory(staging, absolute);
    }

    /** Where files are written until the run is committed. */
    public Path staging() {
        return staging;
    }

    /** Where the results will be once committed. */
    public Path target() {
        return target;
    }

    public Path commit() throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        return target;
    }

    /** Deletes the staging directory and everything in it; never throws. */
    public void abandon() {
        try {
            if (Files.exists(staging)) {
                Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        } catch (IOException e) {
            // Best effort: the directory is hidden and named .incomplete-*, so it cannot be mistaken for results.
        }
    }
}
