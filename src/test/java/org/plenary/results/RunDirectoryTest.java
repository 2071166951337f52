package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void resultsAppearOnlyOnCommitAndNeverCollide() throws Exception {
        Instant start = Instant.parse("2026-01-02T03:04:05Z");
        RunDirectory first = RunDirectory.create(dir, "s", start, "abcd1234");
        Files.writeString(first.staging().resolve("a.csv"), "x");
        assertFalse(Files.exists(first.target()));
        Path committed = first.commit();
        assertEquals(dir.resolve("s/20260102T030405Z-abcd1234").toAbsolutePath(), committed);
        assertTrue(Files.exists(committed.resolve("a.csv")));
        RunDirectory second = RunDirectory.create(dir, "s", start, "abcd1234");
        assertEquals("20260102T030405Z-abcd1234-2", second.target().getFileName().toString());
        second.abandon();
        try (Stream<Path> left = Files.list(dir.resolve("s"))) {
            assertEquals(1, left.count(), "an abandoned run leaves nothing");
        }
    }

    @Test
    void anAbandonedRunRemovesTheScenarioFolderItCreated() throws Exception {
        RunDirectory.create(dir, "fresh", Instant.now(), "h").abandon();
        assertFalse(Files.exists(dir.resolve("fresh")), "no empty folder stays behind");
        Files.createDirectories(dir.resolve("kept"));
        RunDirectory.create(dir, "kept", Instant.now(), "h").abandon();
        assertTrue(Files.isDirectory(dir.resolve("kept")), "a folder that was there before stays");
    }

    @Test
    void theNextRunRemovesStagingLeftByAKilledProcessOnly() throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path folder = Files.createDirectories(dir.resolve("s"));
        String stem = ".incomplete-20260102T030405Z-h-pid";
        Path dead = Files.createDirectories(folder.resolve(stem + ended.pid() + "@" + RunDirectory.HOST + "-42"));
        Files.writeString(Files.createDirectories(dead.resolve("charts")).resolve("rounds.csv"), "x");
        Path alive = Files.createDirectories(folder.resolve(stem + ProcessHandle.current().pid() + "@"
                + RunDirectory.HOST + "-43"));
        Path elsewhere = Files.createDirectories(folder.resolve(stem + ended.pid() + "@other-node-44"));
        Path unknown = Files.createDirectories(folder.resolve(".incomplete-20260102T030405Z-h-45"));
        RunDirectory next = RunDirectory.create(dir, "s", Instant.now(), "h2");
        assertFalse(Files.exists(dead), "the killed run's staging is removed");
        assertTrue(Files.exists(alive), "a running process's staging is left alone");
        assertTrue(Files.exists(elsewhere), "another machine's staging is left alone (a cluster's shared folder)");
        assertTrue(Files.exists(unknown), "staging that names no process is left alone");
        assertTrue(next.staging().getFileName().toString().contains("-pid" + ProcessHandle.current().pid() + "@"));
        next.abandon();
    }

    @Test
    void aNameCannotSteerOutputOutsideTheResultsDirectory() {
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(dir, "../escape", Instant.now(), "h"));
    }

    @Test
    void anExactTargetMustBeNewOrEmpty() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        RunDirectory.exactly(empty).commit();
        Files.writeString(dir.resolve("empty/file"), "x");
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> RunDirectory.exactly(dir.resolve("empty")));
    }
}
