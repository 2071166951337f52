package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.model.ItemState;
import org.plenary.testing.Scenarios;

/**
 * Attendance under capacity (docs/ODD.md 7.11) over three forums, with c_full = 8 and gamma = 1: who draws,
 * for which forum, against which probability, and how that changes when an item closes.
 */
class AttendanceDrawsTest {
    @TempDir
    Path dir;

    /**
     * One item in plenary, two ad hoc, none in study groups. Big (capability 8: K = 1) covers 1 of its 3
     * open items: p = 1/3. Small (capability 2: K = 0.25) has left plenary: 2 items, p = 1/8. N has no vote.
     */
    private Assembly assembly() throws Exception {
        Assembly a = new Assembly(Scenarios.load(dir, """
                name: attendance
                rounds: 5
                dimensions: [{id: a}]
                delegations:
                  - {id: Big, capability: 8, position: {a: 0.5}}
                  - {id: Small, capability: 2, position: {a: 0.5}}
                  - {id: N, capability: 1, position: {a: 0.5}, votes: false}
                agenda:
                  - {id: p, weights: {a: 1}, status_quo: {a: 0.5}, forum: plenary}
                  - {id: h1, weights: {a: 1}, status_quo: {a: 0.5}, forum: ad-hoc}
                  - {id: h2, weights: {a: 1}, status_quo: {a: 0.5}, forum: ad-hoc}
                """));
        a.forumDisengaged[1 * a.forums] = true;
        return a;
    }

    @Test
    void eachDelegationDrawsOncePerForumItStillCoversAgainstItsShareOfCapacity() throws Exception {
        Assembly a = assembly();
        CapacityAttendance attendance = new CapacityAttendance(8, 1);
        MersenneTwisterFast live = new MersenneTwisterFast(6);
        attendance.step(a, live);
        // Draw order: Big in plenary, Big ad hoc, Small ad hoc; nothing for study groups, Small's plenary or N.
        MersenneTwisterFast replay = new MersenneTwisterFast(6);
        double bigPlenary = replay.nextDouble();
        double bigAdHoc = replay.nextDouble();
        double smallAdHoc = replay.nextDouble();
        assertArrayEquals(new boolean[] {bigPlenary >= 1.0 / 3, false, bigAdHoc >= 1.0 / 3,
                false, false, smallAdHoc >= 0.125, false, false, false}, a.absent);
        assertTrue(bigPlenary >= 1.0 / 3 && bigAdHoc < 1.0 / 3 && smallAdHoc >= 0.125, "this seed: Big leaves plenary for ad hoc, Small stays away");

        // The plenary item closes: Big now has 2 open items (p = 1/2) and draws only for the ad hoc forum.
        a.itemState[0] = ItemState.CONSENSUS;
        attendance.step(a, live);
        double bigSecond = replay.nextDouble();
        double smallSecond = replay.nextDouble();
        assertTrue(smallSecond < 0.125, "this seed brings Small back");
        assertArrayEquals(new boolean[] {false, false, bigSecond >= 0.5,
                false, false, smallSecond >= 0.125, false, false, false}, a.absent,
                "last round's absence from plenary is not carried over");
        assertEquals(replay.nextDouble(), live.nextDouble(), "two draws in the second round, no more");
    }
}
