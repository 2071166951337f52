package org.plenary.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plenary.scenario.InputException;

class SweepPlanTest {

    @Test
    void gridIsTheFullFactorialWithTheFirstAxisSlowest() throws Exception {
        SweepPlan plan = SweepPlan.grid(List.of(SweepPlan.parseValues("a=1,2"), SweepPlan.parseValues("b=x,y,z")));
        assertEquals(List.of("a", "b"), plan.paths());
        assertEquals(6, plan.points().size());
        assertEquals(List.of("1", "x"), plan.points().get(0));
        assertEquals(List.of("2", "z"), plan.points().get(5));
        assertEquals(List.of("a=1", "b=y"), plan.assignments(1));
    }

    @Test
    void latinHypercubePutsOnePointInEveryStratumOfEveryAxis() throws Exception {
        int count = 25;
        SweepPlan plan = SweepPlan.latinHypercube(List.of(SweepPlan.parseRange("a=0:1"), SweepPlan.parseRange("b=10:20")),
                count, 42);
        for (int axis = 0; axis < 2; axis++) {
            Set<Integer> strata = new HashSet<>();
            double low = axis == 0 ? 0 : 10;
            double width = axis == 0 ? 1 : 10;
            for (List<String> point : plan.points()) {
                double value = Double.parseDouble(point.get(axis));
                strata.add((int) Math.floor((value - low) / width * count));
            }
            assertEquals(count, strata.size(), "axis " + axis);
        }
        assertEquals(plan, SweepPlan.latinHypercube(List.of(SweepPlan.parseRange("a=0:1"),
                SweepPlan.parseRange("b=10:20")), count, 42), "the same seed gives the same sample");
        SweepPlan integers = SweepPlan.latinHypercube(List.of(SweepPlan.parseRange("r=10:20:int")), 5, 1);
        integers.points().forEach(p -> assertTrue(p.get(0).matches("\\d+"), p.toString()));
    }

    @Test
    void sobolStartsAfterTheOriginAtTheCentre() throws Exception {
        SweepPlan plan = SweepPlan.sobol(List.of(SweepPlan.parseRange("a=0:2"), SweepPlan.parseRange("b=0:1")), 3);
        assertEquals(List.of("1", "0.5"), plan.points().get(0));
        assertEquals(List.of("1.5", "0.25"), plan.points().get(1));
        assertEquals(List.of("0.5", "0.75"), plan.points().get(2));
    }

    @Test
    void malformedAxesAreInputErrors() {
        assertThrows(InputException.class, () -> SweepPlan.parseValues("a"));
        assertThrows(InputException.class, () -> SweepPlan.parseRange("a=1:0"));
        assertThrows(InputException.class, () -> SweepPlan.parseRange("a=x:1"));
        assertThrows(InputException.class, () -> SweepPlan.parseRange("a=0:1:float"));
    }
}
