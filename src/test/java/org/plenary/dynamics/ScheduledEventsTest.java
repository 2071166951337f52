package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * Events (docs/ODD.md 7.1) change exactly the delegation, dimension, forum and round they name: the
 * target is always the second delegation Y on the second dimension b, so that an event landing on X
 * or on a shows.
 */
class ScheduledEventsTest {
    private static final double EPS = 1e-12;
    private static final int AD_HOC = Scenario.FORUMS.indexOf("ad-hoc");

    @TempDir
    Path dir;

    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    private Scenario scenario(String events) throws Exception {
        return Scenarios.load(dir, """
                name: events
                rounds: 9
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: X, groups: [G], position: {a: 0.2, b: 0.3}, salience: {a: 0.5, b: 0.5}}
                  - {id: Y, groups: [G], position: {a: 0.4, b: 0.6}, salience: {a: 0.8, b: 0.9}}
                blocs: [{id: G, cohesion: 0.3}]
                events:
                """ + events);
    }

    private void runTo(EventSchedule events, Assembly a, int round) {
        a.setRound(round);
        events.step(a, random);
    }

    @Test
    void anEventWaitsForItsRound() throws Exception {
        Scenario s = scenario("  - {round: 2, type: withdraw, delegation: Y}\n");
        Assembly a = new Assembly(s);
        EventSchedule events = new EventSchedule(s.events());
        runTo(events, a, 1);
        assertFalse(a.withdrawn[1]);
        runTo(events, a, 2);
        assertArrayEquals(new boolean[] {false, true}, a.withdrawn);
        assertEquals("withdrawn", a.statusLabel(1));
    }

    @Test
    void disengagingAndReengagingTouchOnlyWhatTheyList() throws Exception {
        Scenario s = scenario("""
                  - {round: 1, type: disengage, delegation: Y, dimensions: [b], forums: [ad-hoc]}
                  - {round: 2, type: set, delegation: Y, attribute: salience.b, value: 0.7}
                  - {round: 3, type: reengage, delegation: Y, dimensions: [b]}
                  - {round: 4, type: disengage, delegation: Y, dimensions: [b]}
                  - {round: 5, type: reengage, delegation: Y, forums: [ad-hoc]}
                """);
        Assembly a = new Assembly(s);
        EventSchedule events = new EventSchedule(s.events());
        runTo(events, a, 1);
        assertArrayEquals(new double[] {0.5, 0.5, 0.8, 0}, a.activeSalience, EPS, "Y's salience in force on b only");
        assertArrayEquals(new double[] {0.5, 0.5, 0.8, 0.9}, a.salience, EPS, "the declared salience stays");
        assertArrayEquals(new boolean[] {false, false, false, true}, a.dimensionDisengaged);
        assertTrue(a.forumDisengaged[a.forums + AD_HOC]);
        assertFalse(a.forumDisengaged[AD_HOC], "X still attends");
        assertEquals(1, countTrue(a.forumDisengaged), "Y still attends the other forums");
        assertEquals("disengaged", a.statusLabel(1));
        assertEquals("active", a.statusLabel(0));

        runTo(events, a, 2);
        assertEquals(0.7, a.salience[3], EPS, "the new declared salience is recorded");
        assertEquals(0, a.activeSalience[3], "but waits for re-engagement");

        runTo(events, a, 3);
        assertEquals(0.7, a.activeSalience[3], EPS, "re-engaged on b with the salience set meanwhile");
        assertFalse(a.dimensionDisengaged[3]);
        assertTrue(a.forumDisengaged[a.forums + AD_HOC], "re-engaging on b leaves the forum as it was");
        assertEquals("disengaged", a.statusLabel(1), "still away from a forum");

        runTo(events, a, 4);
        runTo(events, a, 5);
        assertFalse(a.forumDisengaged[a.forums + AD_HOC]);
        assertTrue(a.dimensionDisengaged[3], "re-engaging in a forum leaves the dimension as it was");
        assertEquals(0, a.activeSalience[3]);
    }

    @Test
    void reengagingWithoutAListUndoesEveryDisengagementAndTheWithdrawal() throws Exception {
        Scenario s = scenario("""
                  - {round: 1, type: disengage, delegation: Y, dimensions: [a, b], forums: [plenary, ad-hoc]}
                  - {round: 1, type: withdraw, delegation: Y}
                  - {round: 2, type: reengage, delegation: Y}
                """);
        Assembly a = new Assembly(s);
        EventSchedule events = new EventSchedule(s.events());
        runTo(events, a, 1);
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, a.activeSalience, EPS);
        runTo(events, a, 2);
        assertArrayEquals(new double[] {0.5, 0.5, 0.8, 0.9}, a.activeSalience, EPS);
        assertEquals(0, countTrue(a.forumDisengaged));
        assertEquals(0, countTrue(a.dimensionDisengaged));
        assertFalse(a.withdrawn[1]);
        assertEquals("active", a.statusLabel(1));
    }

    @Test
    void setChangesOneAttributeOfOneDelegation() throws Exception {
        Scenario s = scenario("""
                  - {round: 1, type: set, delegation: Y, attribute: capability, value: 7}
                  - {round: 1, type: set, delegation: Y, attribute: openness, value: 0.2}
                  - {round: 1, type: set, delegation: Y, attribute: tolerance, value: 0.15}
                  - {round: 1, type: set, delegation: Y, attribute: objection_threshold, value: 0.4}
                  - {round: 1, type: set, delegation: Y, attribute: position.b, value: 0.9}
                  - {round: 1, type: set, delegation: Y, attribute: salience.b, value: 0.1}
                """);
        Assembly a = new Assembly(s);
        double[] openness = a.openness.clone();
        double[] tolerance = a.tolerance.clone();
        double[] threshold = a.objectionThreshold.clone();
        a.position[2] = 0.45; // Y has moved on a by negotiating; new instructions on b leave that alone
        runTo(new EventSchedule(s.events()), a, 1);
        assertArrayEquals(new double[] {1, 7}, a.capability, EPS);
        assertArrayEquals(new double[] {openness[0], 0.2}, a.openness, EPS);
        assertArrayEquals(new double[] {tolerance[0], 0.15}, a.tolerance, EPS);
        assertArrayEquals(new double[] {threshold[0], 0.4}, a.objectionThreshold, EPS);
        assertArrayEquals(new double[] {0.2, 0.3, 0.4, 0.9}, a.ideal, EPS);
        assertArrayEquals(new double[] {0.2, 0.3, 0.45, 0.9}, a.position, EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 0.8, 0.1}, a.salience, EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 0.8, 0.1}, a.activeSalience, EPS, "engaged: in force at once");
    }

    @Test
    void blocEventsChangeCohesionAndMembership() throws Exception {
        Scenario s = scenario("""
                  - {round: 1, type: set, bloc: G, attribute: cohesion, value: 0.8}
                  - {round: 1, type: leave, delegation: Y, bloc: G}
                  - {round: 1, type: join, delegation: Y, bloc: H}
                  - {round: 2, type: join, delegation: X, bloc: H}
                  - {round: 3, type: leave, delegation: Y, bloc: H}
                """);
        Assembly a = new Assembly(s);
        int g = a.groupIndex("G");
        int h = a.groupIndex("H");
        runTo(new EventSchedule(s.events()), a, 1);
        assertEquals(0.8, a.cohesion[g], EPS);
        assertEquals(0, a.cohesion[h], "a new group has no cohesion");
        assertTrue(a.isMember(0, g), "X stays in G");
        assertFalse(a.isMember(1, g));
        assertTrue(a.isMember(1, h));
        assertFalse(a.isMember(0, h));
        assertFalse(a.shareGroup(0, 1));
        runTo(new EventSchedule(s.events()), a, 2);
        runTo(new EventSchedule(s.events()), a, 3);
        assertTrue(a.isMember(0, h), "X joined H");
        assertFalse(a.isMember(1, h), "Y left it again");
    }

    private static int countTrue(boolean[] values) {
        int count = 0;
        for (boolean v : values) {
            count += v ? 1 : 0;
        }
        return count;
    }
}
