package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plenary explore as typed: help, and input errors that stop it before any server starts. */
class ExploreCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpExplainsTheLocalServer() {
        CliTest.Result help = CliTest.plenary("explore", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("127.0.0.1"), help.out());
        assertTrue(help.out().contains("--no-browser"), help.out());
        assertTrue(CliTest.plenary("--help").out().contains("explore"));
    }

    @Test
    void anInvalidScenarioOrPortIsAnInputError() throws Exception {
        CliTest.Result missing = CliTest.plenary("explore", dir.resolve("missing.yaml").toString(), "--no-browser");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith("error: " + dir.resolve("missing.yaml")), missing.err());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nrounds: 0\ndimensions: [{id: a}]\ndelegations: [{id: X, position: {a: 0.5}}]\n");
        CliTest.Result invalid = CliTest.plenary("explore", bad.toString(), "--no-browser");
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains(":2: rounds: "), invalid.err());

        CliTest.Result port = CliTest.plenary("explore", "--port", "70000", "--no-browser");
        assertEquals(2, port.exitCode());
        assertTrue(port.err().contains("--port 70000"), port.err());
    }
}
