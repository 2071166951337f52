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
 * {@link #abandon()}, with the folders this run created to hold it (the scenario's, the results
 * folder). A failed run therefore leaves
 * nothing half-written behind. A run killed outright (SIGKILL, power loss) cannot clean up: its staging
 * directory names its process, and the next run writing beside it deletes it once that process is gone.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String STAGING = ".incomplete-";
    /**
     * "-pid1234@host-" before the random suffix of a staging directory's name: the process writing it
     * and its machine, as a results folder may be shared by the nodes of a cluster.
     */
    private static final java.util.regex.Pattern WRITER = java.util.regex.Pattern.compile("-pid(\\d+)@(.+)-\\d+$");
    /** This machine's name, shortened to keep file names short; empty when unknown (then nothing is removed). */
    static final String HOST = hostName();

    private final Path staging;
    private final Path target;
    /**
     * The outermost folder this run created to hold it (the scenario's folder, or the results folder above
     * it), removed with those inside it if they stay empty; or null.
     */
    private final Path createdRoot;

    private RunDirectory(Path staging, Path target, Path createdRoot) {
        this.staging = staging;
        this.target = target;
        this.createdRoot = createdRoot;
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
        return staged(parent, stem, target);
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
        return staged(absolute.getParent(), absolute.getFileName().toString(), absolute);
    }

    private static RunDirectory staged(Path parent, String stem, Path target) throws IOException {
        Path createdRoot = null;
        for (Path folder = parent; folder != null && !Files.isDirectory(folder); folder = folder.getParent()) {
            createdRoot = folder;
        }
        Files.createDirectories(parent);
        removeDeadStaging(parent);
        Path staging = Files.createTempDirectory(parent, STAGING + stem + "-pid" + ProcessHandle.current().pid() + "@"
                + HOST + "-");
        return new RunDirectory(staging, target, createdRoot);
    }

    /**
     * Deletes the staging directories in {@code parent} written by a process of this machine that has
     * ended. One without a process id (an older version's), from another machine, or whose process still
     * runs is left alone.
     */
    static void removeDeadStaging(Path parent) throws IOException {
        try (var entries = Files.list(parent)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                java.util.regex.Matcher writer = WRITER.matcher(name);
                if (name.startsWith(STAGING) && Files.isDirectory(entry) && writer.find() && !HOST.isEmpty()
                        && writer.group(2).equals(HOST)
                        && !ProcessHandle.of(Long.parseLong(writer.group(1))).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(entry);
                }
            }
        }
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

    /**
     * Deletes the staging directory and everything in it, then the folders this run created to hold it
     * while they are empty; never throws.
     */
    public void abandon() {
        // On SIGTERM this runs while the run's threads may still add files: try again if one slipped in.
        for (int attempt = 0; attempt < 3 && Files.exists(staging); attempt++) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // Best effort: the directory is hidden and named .incomplete-*, so it cannot be mistaken for
                // results, and the next run here removes it.
            }
        }
        if (createdRoot != null) {
            try {
                for (Path folder = staging.getParent(); folder.startsWith(createdRoot); folder = folder.getParent()) {
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                // not empty: another run writes there too
            }
        }
    }

    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
            return name.substring(0, Math.min(name.length(), 40));
        } catch (java.net.UnknownHostException | SecurityException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
