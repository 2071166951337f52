package org.plenary.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sweep point's shares of an item's outcomes, no-quorum among them, read back from sweep.csv. */
class SweepOutcomeSharesTest {
    @TempDir
    Path dir;

    @Test
    void aQuorumFailureIsItsOwnShareNeitherAdoptedNorFailed() throws Exception {
        // Point 0: 1 consensus, 1 vote-adopted, 2 no-quorum; point 1: 3 failed (fallback: fail), 1 no-quorum.
        Files.writeString(dir.resolve("sweep.csv"), """
                point,replication,x.state
                0,1,consensus
                0,2,vote-adopted
                0,3,no-quorum
                0,4,no-quorum
                1,1,failed
                1,2,failed
                1,3,failed
                1,4,no-quorum
                """);
        SweepPlan plan = new SweepPlan(List.of("p"), List.of(List.of("0"), List.of("1")), "grid");
        SweepSummary summary = SweepSummary.read(dir.resolve("sweep.csv"), plan, List.of("x.state"));
        assertEquals(List.of("x consensus share", "x adopted share", "x no-quorum share"),
                List.copyOf(summary.outcomes().keySet()));
        assertEquals(0.25, summary.outcomes().get("x consensus share")[0].getMean());
        assertEquals(0.5, summary.outcomes().get("x adopted share")[0].getMean());
        assertEquals(0.5, summary.outcomes().get("x no-quorum share")[0].getMean());
        assertEquals(0.25, summary.outcomes().get("x no-quorum share")[1].getMean(), "failed is not no-quorum");
        assertTrue(SweepSummary.isShare("x no-quorum share"), "a Wilson interval inside [0, 1]");
    }
}
