package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.model.Assembly;
import org.plenary.scenario.Scenario;
import org.plenary.testing.Scenarios;

/**
 * The chair's account of what a draft owes each objector (docs/ODD.md 7.6) with two objectors of
 * different weight on the second item and second dimension: a withdrawing objector takes back its own
 * share of the concession, not the other's.
 */
class ConcessionAccountTest {
    private static final double EPS = 1e-12;
    private static final int B_OF_SECOND = 1 * 2 + 1;

    @TempDir
    Path dir;

    private final MersenneTwisterFast random = new MersenneTwisterFast(1);

    /**
     * On b: Z (capability 2, salience 1) at 0.5, X (1, 1) at 0, Y (2, 0.5) at 0.2; each weighs c s = 2, 1, 1.
     * Compromise (2 x 0.5 + 0 + 0.2) / 4 = 0.3.
     */
    private Scenario scenario(String... sets) throws Exception {
        return Scenarios.load(dir, """
                name: account
                rounds: 9
                dimensions: [{id: a}, {id: b}]
                delegations:
                  - {id: Z, position: {a: 0.5, b: 0.5}, salience: {a: 1, b: 1}, capability: 2}
                  - {id: X, position: {a: 0.5, b: 0.0}, salience: {a: 1, b: 1}}
                  - {id: Y, position: {a: 0.5, b: 0.2}, salience: {a: 1, b: 0.5}, capability: 2}
                agenda:
                  - {id: first, weights: {a: 1}, status_quo: {a: 0.5}}
                  - {id: second, weights: {b: 1}, status_quo: {b: 0.5}}
                chair: {accommodation: 0.5}
                """, sets);
    }

    /** Drafts, X and Y object, drafts again, X withdraws; the drafts of b in the second item along the way. */
    private double[] draftsWhenOneOfTwoObjectorsWithdraws(String... sets) throws Exception {
        Scenario s = scenario(sets);
        Assembly a = new Assembly(s);
        ChairDrafting chair = new ChairDrafting(s.chair());
        double[] drafts = new double[4];
        chair.step(a, random);
        drafts[0] = a.draft[B_OF_SECOND];
        a.objecting[1 * 3 + 1] = true;
        a.objecting[1 * 3 + 2] = true;
        chair.step(a, random);
        drafts[1] = a.draft[B_OF_SECOND];
        a.objecting[1 * 3 + 1] = false;
        a.objecting[1 * 3 + 2] = false;
        a.withdrawn[1] = true;
        chair.step(a, random);
        drafts[2] = a.draft[B_OF_SECOND];
        chair.step(a, random);
        drafts[3] = a.draft[B_OF_SECOND];
        assertEquals(0.5, a.draft[0], EPS, "nobody objected to the first item");
        return drafts;
    }

    @Test
    void aWithdrawingObjectorTakesBackOnlyItsShareOfTheConcession() throws Exception {
        double[] drafts = draftsWhenOneOfTwoObjectorsWithdraws("chair.concessions_on_withdrawal=drop");
        assertEquals(0.3, drafts[0], EPS);
        // target: X and Y weigh 1 each, (0 + 0.2) / 2 = 0.1; concession 0.5 (0.1 - 0.3) = -0.1: draft 0.2.
        assertEquals(0.2, drafts[1], EPS);
        // Owed to X: 0.5 x 1 x (0 - 0.3) / 2 = -0.075; to Y: 0.5 x 1 x (0.2 - 0.3) / 2 = -0.025.
        // X withdraws: concession -0.025 stays for Y; compromise of Z and Y (1.0 + 0.2) / 3 = 0.4.
        assertEquals(0.375, drafts[2], EPS);
        assertEquals(0.375, drafts[3], EPS, "nothing more is owed to X");
    }

    @Test
    void underDecayTheShareOwedToTheWithdrawnObjectorShrinksEachRound() throws Exception {
        double[] drafts = draftsWhenOneOfTwoObjectorsWithdraws("chair.concessions_on_withdrawal=decay",
                "chair.concession_decay=0.4");
        // -0.075 owed to X: 0.4 of it taken back (-0.045 left), then 0.4 of the rest (-0.027 left); Y's -0.025 stays.
        assertEquals(0.4 - 0.025 - 0.045, drafts[2], EPS);
        assertEquals(0.4 - 0.025 - 0.027, drafts[3], EPS);
    }

    @Test
    void keptConcessionsStayWholeAfterTheObjectorWithdraws() throws Exception {
        double[] drafts = draftsWhenOneOfTwoObjectorsWithdraws("chair.concessions_on_withdrawal=keep");
        assertEquals(0.4 - 0.1, drafts[2], EPS);
        assertEquals(0.4 - 0.1, drafts[3], EPS);
    }

    @Test
    void towardIdealPointsTheChairConcedesToWhatTheCapitalsInstructed() throws Exception {
        Scenario s = scenario("chair.accommodate_toward=ideal", "chair.concessions_on_withdrawal=keep");
        Assembly a = new Assembly(s);
        ChairDrafting chair = new ChairDrafting(s.chair());
        chair.step(a, random);
        // X has been talked round to 0.3 on b; its capital still says 0: the chair concedes toward 0.
        a.position[1 * 2 + 1] = 0.3;
        a.objecting[1 * 3 + 1] = true;
        chair.step(a, random);
        // compromise (1.0 + 0.3 + 0.2) / 4 = 0.375; concession 0.5 (0 - 0.3) = -0.15
        assertEquals(0.375 - 0.15, a.draft[B_OF_SECOND], EPS);
        Scenario byPosition = scenario("chair.concessions_on_withdrawal=keep");
        Assembly p = new Assembly(byPosition);
        ChairDrafting positions = new ChairDrafting(byPosition.chair());
        positions.step(p, random);
        p.position[1 * 2 + 1] = 0.3;
        p.objecting[1 * 3 + 1] = true;
        positions.step(p, random);
        assertEquals(0.375 + 0.5 * (0.3 - 0.3), p.draft[B_OF_SECOND], EPS, "toward its position: nothing to concede");
    }
}
