package org.plenary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive: made on first use, used while whole and current, and never in the
 * way: a missing, truncated, garbled or stale archive still runs the command, with nothing more on
 * stdout or stderr. The launcher runs here against a one-class jar that echoes its arguments, in a copy
 * of the repository's layout whose sources are older than the jar (so it does not build).
 */
class LauncherTest {
    @TempDir
    Path home;
    private Path archive;

    @BeforeEach
    void layout() throws Exception {
        Path launcher = Files.copy(Path.of("plenary"), home.resolve("plenary"));
        assertTrue(launcher.toFile().setExecutable(true));
        Path source = Files.writeString(home.resolve("Echo.java"),
                "public class Echo { public static void main(String[] a) { System.out.println(\"echo \" + String.join(\" \", a)); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", home.toString(), source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
        Path jar = Files.createDirectories(home.resolve("target")).resolve("plenary.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Echo.class"));
            out.write(Files.readAllBytes(home.resolve("Echo.class")));
        }
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(Files.createDirectories(home.resolve("src/main")), old);
        Files.setLastModifiedTime(Files.writeString(home.resolve("pom.xml"), "<project/>"), old);
        archive = home.resolve("target/plenary.jsa");
    }

    private record Result(int exitCode, String out, String err) { }

    private Result plenary(Map<String, String> environment, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("plenary").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        return new Result(process.exitValue(), Files.readString(home.resolve("out.txt")),
                Files.readString(home.resolve("err.txt")));
    }

    private void assertRunsCleanly(Map<String, String> environment) throws Exception {
        Result result = plenary(environment, "run", "x.yaml");
        assertEquals(new Result(0, "echo run x.yaml\n", ""), result);
    }

    private boolean archiveWhole() throws IOException {
        return Files.isRegularFile(archive) && Files.readString(home.resolve("target/plenary.jsa.size")).strip()
                .equals(String.valueOf(Files.size(archive)));
    }

    @Test
    void theFirstCommandMakesTheArchiveAndLaterOnesUseIt() throws Exception {
        assertRunsCleanly(Map.of());
        assertTrue(archiveWhole(), "archive and its recorded size");
        FileTime made = Files.getLastModifiedTime(archive);
        assertRunsCleanly(Map.of());
        assertEquals(made, Files.getLastModifiedTime(archive), "a whole, current archive is kept");
    }

    @Test
    void aTruncatedArchiveIsRemadeNotMapped() throws Exception {
        assertRunsCleanly(Map.of());
        long size = Files.size(archive);
        byte[] head = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, Arrays.copyOf(head, (int) (size / 2)));
        assertRunsCleanly(Map.of());
        assertTrue(archiveWhole(), "made again");
    }

    @Test
    void aGarbledArchiveOfTheRecordedSizeIsRefusedQuietly() throws Exception {
        assertRunsCleanly(Map.of());
        long size = Files.size(archive);
        archive.toFile().setWritable(true);
        try (OutputStream out = Files.newOutputStream(archive)) {
            out.write(new byte[(int) size]);
        }
        assertTrue(archiveWhole());
        assertRunsCleanly(Map.of());
    }

    @Test
    void anArchiveOlderThanTheJarIsRemade() throws Exception {
        assertRunsCleanly(Map.of());
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(home.resolve("target/plenary.jar"), FileTime.from(Instant.now().minusSeconds(30)));
        assertRunsCleanly(Map.of());
        assertTrue(Files.getLastModifiedTime(archive).toInstant().isAfter(Instant.now().minusSeconds(25)), "made again");
        assertTrue(archiveWhole());
    }

    @Test
    void withoutClassDataSharingNoArchiveIsMade() throws Exception {
        assertRunsCleanly(Map.of("PLENARY_CDS", "off"));
        assertFalse(Files.exists(archive));
        assertEquals("", Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
