package org.plenary.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    @Test
    void eighteenUnitsInFourShardsAreContiguousBlocksOfFourAndFive() {
        ShardPlan plan = new ShardPlan(3, 6, 4); // units 0..17: floor(i*18/4) = 0, 4, 9, 13, 18
        assertEquals(List.of(4, 5, 4, 5), List.of(plan.size(0), plan.size(1), plan.size(2), plan.size(3)));
        assertEquals(List.of(new ShardPlan.Segment(0, 1, 4)), plan.segments(0));
        // units 4..8: replications 5-6 of point 0, then 1-3 of point 1
        assertEquals(List.of(new ShardPlan.Segment(0, 5, 6), new ShardPlan.Segment(1, 1, 3)), plan.segments(1));
        assertEquals(List.of(new ShardPlan.Segment(1, 4, 6), new ShardPlan.Segment(2, 1, 1)), plan.segments(2));
        assertEquals(List.of(new ShardPlan.Segment(2, 2, 6)), plan.segments(3));
    }

    @Test
    void everyUnitIsInExactlyOneShardInOrderForAnyTaskCount() {
        for (int tasks = 1; tasks <= 35; tasks++) {
            ShardPlan plan = new ShardPlan(7, 5, tasks);
            List<String> units = new ArrayList<>();
            for (int shard = 0; shard < tasks; shard++) {
                int size = 0;
                for (ShardPlan.Segment segment : plan.segments(shard)) {
                    for (int r = segment.first(); r <= segment.last(); r++) {
                        units.add(segment.point() + "/" + r);
                    }
                    size += segment.size();
                }
                assertEquals(plan.size(shard), size);
                assertEquals(35 / tasks, size, 1.0, "near-equal blocks");
            }
            List<String> expected = new ArrayList<>();
            for (int p = 0; p < 7; p++) {
                for (int r = 1; r <= 5; r++) {
                    expected.add(p + "/" + r);
                }
            }
            assertEquals(expected, units, tasks + " tasks");
        }
    }

    @Test
    void moreTasksThanUnitsOrNoneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ShardPlan(2, 3, 7));
        assertThrows(IllegalArgumentException.class, () -> new ShardPlan(2, 3, 0));
    }

    @Test
    void arraySpecificationsCompressRunsOfShards() {
        assertEquals("0-3,7,9-10", Slurm.arraySpec(List.of(0, 1, 2, 3, 7, 9, 10)));
        assertEquals("5", Slurm.arraySpec(List.of(5)));
        assertEquals(List.of(0, 1, 2, 3, 7, 9, 10), Slurm.parseArraySpec("0-3;7;9-10"));
    }
}
