package org.plenary.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.results.CsvTables;
import org.plenary.results.Keep;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * v1 stays reproducible: with every model-v2 mechanism off (the flagships as they are), each
 * flagship's tables for fixed seeds hash to the digest checked in at
 * {@value #DIGEST_FILE}. A change that moves any v1 byte fails here.
 *
 * <p>When a change is MEANT to move v1 bytes (a correctness fix), regenerate the digest
 * deliberately and commit it with the change, saying why in the commit message:
 * <pre>
 *   PLENARY_UPDATE_V1_DIGEST=1 mvn -B -q -o test -Dtest=V1DigestTest
 * </pre>
 * (docs/validation.md, "v1 reproducibility digest").
 */
class V1DigestTest {
    static final String DIGEST_FILE = "src/test/resources/org/plenary/sim/v1-digest.txt";
    static final List<String> FLAGSHIPS = List.of("itu-baseline", "wtdc25-us-disengages", "us-withdraws",
            "europe-coordinates", "wcit12-replay");
    /** Every table a run writes per replication, in a fixed order. */
    static final List<String> TABLES = List.of("rounds.csv", "items.csv", "coalitions.csv", "outcomes.csv",
            "replications.csv", "votes.csv", "pivotal.csv");
    /** Two replications of each flagship, at its own master seed and its full number of rounds. */
    static final int REPLICATIONS = 2;

    @TempDir
    Path dir;

    @Test
    void flagshipOutputsMatchTheCheckedInDigest() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String name : FLAGSHIPS) {
            actual.put(name, digest(name));
        }
        Path file = Path.of(DIGEST_FILE);
        if (System.getenv("PLENARY_UPDATE_V1_DIGEST") != null) {
            StringBuilder text = new StringBuilder("# sha256 of the v1 tables of each flagship, " + REPLICATIONS
                    + " replications at its own seed (V1DigestTest; regenerate deliberately, see its javadoc)\n");
            actual.forEach((name, hash) -> text.append(name).append(' ').append(hash).append('\n'));
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split(" ");
                expected.put(parts[0], parts[1]);
            }
        }
        assertEquals(expected, actual, "v1 outputs changed: if that is intended (a correctness fix), regenerate "
                + DIGEST_FILE + " with PLENARY_UPDATE_V1_DIGEST=1 (see V1DigestTest) and say so in the commit");
    }

    private String digest(String name) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", name + ".yaml"),
                List.of(Overrides.Assignment.parse("replications=" + REPLICATIONS))).scenario();
        Path out = Files.createDirectories(dir.resolve(name));
        try (CsvTables tables = new CsvTables(scenario, out, Keep.ROUNDS)) {
            Experiment.run(scenario, 0, 2, tables::render, rows -> write(tables, rows));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String table : TABLES) {
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(out.resolve(table)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void write(CsvTables tables, CsvTables.Rows rows) {
        try {
            tables.write(rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
