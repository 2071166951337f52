package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;

/** Charts drawn on several threads are the same files, byte for byte, as drawn on one. */
class ChartBatchTest {
    @TempDir
    Path dir;

    /** A model v2 run's charts (positions, drafts, outcomes, coalitions, flows, leadership). */
    private static ChartBatch runCharts() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/us-withdraws-v2.yaml"), List.of(
                Overrides.Assignment.parse("replications=4"), Overrides.Assignment.parse("rounds=24"))).scenario();
        RunAggregate aggregate = new RunAggregate(scenario);
        Leadership leadership = new Leadership(scenario);
        Experiment.run(scenario, 0, 2, record -> {
            aggregate.add(record);
            leadership.add(record);
        });
        ChartBatch batch = new ChartBatch();
        Charts.addAll(aggregate, batch);
        LeadershipChart.addAll(leadership, batch);
        return batch;
    }

    @Test
    void parallelDrawingWritesTheSameBytesAsSerial() throws Exception {
        ChartBatch batch = runCharts();
        Path serial = Files.createDirectory(dir.resolve("serial"));
        Path parallel = Files.createDirectory(dir.resolve("parallel"));
        List<String> files = batch.draw(serial, 1);
        assertEquals(files, batch.draw(parallel, 4), "the file names in the order added, at any thread count");
        assertTrue(files.size() >= 12 && files.contains("coalitions.png") && files.stream().anyMatch(
                f -> f.startsWith("leadership-")), files.toString());
        try (var written = Files.list(parallel)) {
            assertEquals(files.size(), written.count(), "one file per chart");
        }
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(serial.resolve(file)), Files.readAllBytes(parallel.resolve(file)), file);
        }
    }

    @Test
    void aChartThatCannotBeWrittenFailsTheBatchWithItsIoError() throws Exception {
        ChartBatch batch = runCharts();
        Path missing = dir.resolve("no-such-directory");
        assertThrows(IOException.class, () -> batch.draw(missing, 2));
        assertThrows(IOException.class, () -> batch.draw(missing, 1));
    }
}
