package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.cli.CliTest.plenary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.testing.Scenarios;

/** KTAB files convert to YAML that validates and loads as the very scenario the CSV gives. */
class ImportKtabCommandTest {
    @TempDir
    Path dir;

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios/ktab"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void everyExampleRoundTripsThroughYaml() throws Exception {
        List<Path> examples = examples();
        assertEquals(8, examples.size(), examples.toString());
        for (Path csv : examples) {
            CliTest.Result converted = plenary("import-ktab", csv.toString());
            assertEquals(0, converted.exitCode(), converted.err());
            Path yaml = Scenarios.write(dir, "converted.yaml", converted.out());
            CliTest.Result validated = plenary("validate", yaml.toString());
            assertEquals(0, validated.exitCode(), validated.err());
            String fromCsv = ScenarioYaml.write(ScenarioLoader.load(csv, List.of()).scenario());
            String fromYaml = ScenarioYaml.write(ScenarioLoader.load(yaml, List.of()).scenario());
            assertEquals(fromCsv, fromYaml, csv + " is not the same scenario after conversion");
        }
    }

    @Test
    void idsThatYamlWouldReadAsBooleansStayText() throws Exception {
        Path csv = Scenarios.write(dir, "nordic.csv", "nordic,,2,1\nActor,Description,Power,P,S\nNO,Norway,1,50,50\n"
                + "YES,,2,20,30\n");
        Path yaml = dir.resolve("nordic.yaml");
        CliTest.Result result = plenary("import-ktab", csv.toString(), "--out", yaml.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(yaml + ": scenario 'nordic' with 2 delegations on 1 dimensions, from " + csv + "\n", result.out());
        assertTrue(Files.readString(yaml).startsWith("# Converted from the KTAB scenario nordic.csv"));
        assertEquals(List.of("NO", "YES"), ScenarioLoader.load(yaml, List.of()).scenario().delegations().stream()
                .map(d -> d.id()).toList());
    }

    @Test
    void aMalformedFileExitsTwoNamingLineAndColumnAndWritesNothing() {
        Path csv = Scenarios.write(dir, "bad.csv", "t,d,1,1\nActor,Desc,Power,Pstn1,Sal1\nA,a,1,50,x\n");
        Path yaml = dir.resolve("bad.yaml");
        CliTest.Result result = plenary("import-ktab", csv.toString(), "--out", yaml.toString());
        assertEquals(2, result.exitCode());
        assertEquals("error: " + csv + ":3: Sal1: must be a number, got 'x'\n", result.err());
        assertFalse(Files.exists(yaml));
    }

    @Test
    void ktabFilesRunLikeAnyScenario() throws Exception {
        Path out = dir.resolve("results");
        CliTest.Result run = plenary("run", "scenarios/ktab/dummyData_3Dim.csv", "--replications", "2", "--rounds", "5",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path results = CliTest.listRuns(out.resolve("dummyData_3Dim")).get(0);
        assertEquals("replication,round,delegation,status,d1,d2,d3",
                Files.readAllLines(results.resolve("rounds.csv")).get(0));
        assertTrue(Files.readString(results.resolve("rounds.csv")).contains("\n1,0,SActor-00,active,0.7579,0.0637,0.7045\n"));
    }
}
