package org.plenary.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/** The assembly's initial state and look-ups, on the second of everything so that index slips show. */
class AssemblyStateTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Assembly assembly() throws Exception {
        return new Assembly(Scenarios.load(dir, """
                name: state
                rounds: 5
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: X, groups: [G], position: {a: 0.1, b: 0.2}}
                  - {id: Y, position: {a: 0.3, b: 0.4}}
                agenda:
                  - {id: drafted, weights: {a: 1}, status_quo: {a: 0.5}}
                  - {id: tabled, weights: {a: 1, b: 1}, status_quo: {a: 0.6, b: 0.7}, text: {a: 0.2, b: 0.9}, deadline: 3}
                blocs: [{id: DECLARED, cohesion: 0.4}]
                events:
                  - {round: 2, type: join, delegation: Y, bloc: LATE}
                """));
    }

    @Test
    void aTabledItemStartsFromItsTextAndNoVoteHasBeenTaken() throws Exception {
        Assembly a = assembly();
        assertArrayEquals(new boolean[] {false, true}, a.tabled);
        assertArrayEquals(new double[] {0.5, Double.NaN, 0.2, 0.9}, a.draft, EPS, "the drafted item starts at its status quo (b unweighted)");
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1}, a.votes);
    }

    @Test
    void groupsNamedOnlyByABlocDeclarationOrAnEventExistFromTheStartWithoutMembers() throws Exception {
        Assembly a = assembly();
        assertArrayEquals(new String[] {"DECLARED", "G", "LATE"}, a.groupIds, "declared blocs first, then by first mention");
        assertEquals(0.4, a.cohesion[0], EPS);
        assertEquals(false, a.isMember(0, 0));
        int late = a.groupIndex("LATE");
        assertEquals(2, late);
        assertEquals(0, a.cohesion[late]);
        assertEquals(false, a.isMember(1, late));
    }

    @Test
    void unknownIdsAreRefusedByName() throws Exception {
        Assembly a = assembly();
        assertEquals(1, a.delegationIndex("Y"));
        assertEquals(1, a.dimensionIndex("b"));
        assertEquals("unknown group H", assertThrows(IllegalArgumentException.class, () -> a.groupIndex("H")).getMessage());
        assertEquals("unknown delegation Z", assertThrows(IllegalArgumentException.class, () -> a.delegationIndex("Z")).getMessage());
        assertEquals("unknown dimension c", assertThrows(IllegalArgumentException.class, () -> a.dimensionIndex("c")).getMessage());
    }

    @Test
    void statusAndObjectorsAreReadForTheRightDelegationAndItem() throws Exception {
        Assembly a = assembly();
        a.forumDisengaged[1 * a.forums + Scenario.FORUMS.indexOf("ad-hoc")] = true;
        assertEquals("active", a.statusLabel(0));
        assertEquals("disengaged", a.statusLabel(1), "away from one forum");
        Assembly b = assembly();
        b.dimensionDisengaged[1 * b.dimensions + 1] = true;
        assertEquals("active", b.statusLabel(0));
        assertEquals("disengaged", b.statusLabel(1), "away from one dimension");
        a.objecting[1 * a.delegations + 1] = true;
        assertEquals(List.of(), a.objectors(0));
        assertEquals(List.of("Y"), a.objectors(1));
    }
}
