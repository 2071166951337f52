package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;
import org.plenary.sim.AssemblySim;
import org.plenary.testing.Scenarios;

/**
 * The data of the venue and body-outcome charts, on {@link Scenarios#BODIES}: the item sits in the ITU at
 * round 0, is moved to SC 42 in round 1 and adopted there by ballot in round 2, in every replication.
 */
class VenueTallyTest {
    @TempDir
    Path dir;

    @Test
    void itemsAreCountedWhereTheyAreEachRoundAndEndingsByTheirLastBody() throws Exception {
        Scenario s = Scenarios.load(dir, Scenarios.BODIES, "rounds=4");
        VenueTally tally = new VenueTally(s);
        for (int replication = 1; replication <= 2; replication++) {
            ReplicationRecord record = new ReplicationRecord(replication, replication, s.rounds(),
                    s.delegations().size(), s.dimensions().size(), s.agenda().size(), s.decision());
            new AssemblySim(s, replication, List.of(record)).runAll();
            tally.add(record);
        }
        assertEquals(1.0, tally.meanItemsIn(0, 0), "round 0: in the ITU, its declared body");
        assertEquals(0.0, tally.meanItemsIn(0, 1));
        assertEquals(1.0, tally.meanItemsIn(1, 1), "moved in round 1");
        assertEquals(1.0, tally.meanItemsIn(4, 1), "a decided item stays where it was decided");
        assertEquals(2, tally.endings(1, ItemState.VOTE_ADOPTED), "adopted by SC 42's ballot in both replications");
        assertEquals(0, tally.endings(0));
    }
}
