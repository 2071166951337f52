package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.testing.Scenarios;

/**
 * Standards bodies (docs/ODD.md 7.13-7.14) together with the other mechanisms, by hand: the probes of a
 * review that tried to break them, each kept as a test of the rule it found wanting.
 */
class BodiesBreakTest {
    @TempDir
    Path dir;

    /**
     * Attendance under capacity (7.11) with two bodies: one plenary item in the ITU, one in SC 42. D, a member of
     * the ITU only, with capability 1 = c_full (K = 1), has one item to cover, not two: p = min(1, 1/1) = 1, it
     * never misses a round. Counting SC 42's item too would give p = 1/2 and about 100 absences in 200 rounds.
     * B, a member of both, has two: p = 1/2.
     */
    @Test
    void aDelegationsCapacityIsSharedOnlyAmongTheItemsOfItsBodies() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: attendance-bodies
                rounds: 5
                dimensions: [{id: a}]
                attendance: {model: capacity, full_capability: 1, exponent: 1}
                bodies:
                  - {id: itu, procedure: itu-plenary}
                  - {id: sc42, procedure: iso-iec}
                delegations:
                  - {id: D, capability: 1, position: {a: 0.5}, membership: {itu: member}}
                  - {id: B, capability: 1, position: {a: 0.5}, membership: {itu: member, sc42: P}}
                agenda:
                  - {id: x, weights: {a: 1}, status_quo: {a: 0.5}, body: itu}
                  - {id: y, weights: {a: 1}, status_quo: {a: 0.5}, body: sc42}
                """));
        CapacityAttendance attendance = new CapacityAttendance(1, 1);
        MersenneTwisterFast random = new MersenneTwisterFast(21);
        int plenary = 0;
        int absencesOfD = 0;
        int absencesOfB = 0;
        for (int round = 0; round < 200; round++) {
            attendance.step(a, random);
            absencesOfD += a.absent[a.delegationIndex("D") * a.forums + plenary] ? 1 : 0;
            absencesOfB += a.absent[a.delegationIndex("B") * a.forums + plenary] ? 1 : 0;
        }
        assertEquals(0, absencesOfD, "one item of its bodies open, capacity 1: always there");
        assertEquals(100, absencesOfB, 25, "two items open in its bodies: p = 1/2");
    }
}
