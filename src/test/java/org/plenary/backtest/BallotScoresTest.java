package org.plenary.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scores on hand-made ballots, each computed by hand in the comments. */
class BallotScoresTest {
    private static final int YES = 0;
    private static final int NO = 1;
    private static final int ABSTAIN = 2;

    /**
     * The worked example of the Wikipedia article "Cohen's kappa" (section "Simple example"): 50 grant
     * proposals read by two readers; both yes 20, A yes / B no 5, A no / B yes 10, both no 15:
     * p_o = 35/50 = 0.7, p_e = 0.5 x 0.6 + 0.5 x 0.4 = 0.5, kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
     */
    @Test
    void kappaMatchesThePublishedGrantProposalExample() {
        int[] readerA = new int[50];
        int[] readerB = new int[50];
        fill(readerA, readerB, 0, 20, YES, YES);
        fill(readerA, readerB, 20, 25, YES, NO);
        fill(readerA, readerB, 25, 35, NO, YES);
        fill(readerA, readerB, 35, 50, NO, NO);
        assertEquals(0.7, BallotScores.accuracy(readerA, readerB), 1e-12);
        assertEquals(0.4, BallotScores.kappa(readerA, readerB), 1e-12);
        assertEquals(0.4, BallotScores.kappa(readerB, readerA), 1e-12, "kappa is symmetric");
    }

    private static void fill(int[] a, int[] b, int from, int to, int voteA, int voteB) {
        Arrays.fill(a, from, to, voteA);
        Arrays.fill(b, from, to, voteB);
    }

    /**
     * Six ballots, observed yes yes yes no no abstain, with the model's shares:
     * <pre>
     *   b  observed  p(yes,no,abstain)   modal    p(observed)
     *   0  yes       0.8 0.2 0           yes      0.8
     *   1  yes       0.5 0.5 0           yes(tie) 0.5
     *   2  yes       0   1   0           no       0 -> floor 0.01
     *   3  no        0.1 0.9 0           no       0.9
     *   4  no        0.6 0.3 0.1         yes      0.3
     *   5  abstain   0   0.4 0.6         abstain  0.6
     * </pre>
     * accuracy = 4/6 (b 0, 1, 3, 5 right).
     * Observed shares yes 3/6, no 2/6, abstain 1/6; predicted yes 3/6 (0, 1, 4), no 2/6 (2, 3),
     * abstain 1/6: p_e = 9/36 + 4/36 + 1/36 = 14/36, kappa = (24/36 - 14/36) / (22/36) = 10/22.
     * log-loss = -(ln 0.8 + ln 0.5 + ln 0.01 + ln 0.9 + ln 0.3 + ln 0.6) / 6.
     * Majority baseline: yes for all, right on 3 of 6.
     */
    @Test
    void threeWayScoresOnHandMadeBallots() {
        int[] observed = {YES, YES, YES, NO, NO, ABSTAIN};
        double[][] p = {{0.8, 0.2, 0}, {0.5, 0.5, 0}, {0, 1, 0}, {0.1, 0.9, 0}, {0.6, 0.3, 0.1}, {0, 0.4, 0.6}};
        int[] majority = BallotScores.majorityBaseline(observed);
        assertArrayEquals(new int[] {YES, YES, YES, YES, YES, YES}, majority);
        BallotScores.Scores scores = BallotScores.score(observed, p, majority, majority);
        assertEquals(6, scores.n());
        assertEquals(4.0 / 6, scores.accuracy(), 1e-12);
        assertEquals(10.0 / 22, scores.kappa(), 1e-12);
        double logLoss = -(Math.log(0.8) + Math.log(0.5) + Math.log(0.01) + Math.log(0.9) + Math.log(0.3)
                + Math.log(0.6)) / 6;
        assertEquals(logLoss, scores.logLoss(), 1e-12);
        assertEquals(0.5, scores.baselineMajority(), 1e-12);
        // confusion[observed][predicted]
        assertArrayEquals(new int[] {2, 1, 0, 0}, scores.confusion()[YES]);
        assertArrayEquals(new int[] {1, 1, 0, 0}, scores.confusion()[NO]);
        assertArrayEquals(new int[] {0, 0, 1, 0}, scores.confusion()[ABSTAIN]);
    }

    /**
     * Bloc baseline: ballots 0-2 share a group and vote yes, yes, no; 3-4 share another and vote no,
     * abstain; 5 is in no group. Leaving each ballot out: 0 sees yes, no (tie: yes), 1 sees yes, no
     * (yes), 2 sees yes, yes (yes); 3 sees abstain; 4 sees no; 5 gets the item's majority, no (3 of
     * the 6 ballots). Right: 0, 1 and 5 (3 of 6).
     */
    @Test
    void blocBaselineLeavesEachBallotOut() {
        int[] observed = {YES, YES, NO, NO, ABSTAIN, NO};
        boolean[][] shares = new boolean[6][6];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                shares[a][b] = (a < 3 && b < 3) || (a >= 3 && a < 5 && b >= 3 && b < 5);
            }
        }
        int[] bloc = BallotScores.blocBaseline(observed, shares);
        assertArrayEquals(new int[] {YES, YES, YES, ABSTAIN, NO, NO}, bloc);
        assertEquals(3.0 / 6, BallotScores.accuracy(observed, bloc), 1e-12);
    }

    @Test
    void aModelThatNeverVotesIsWrongAndPaysTheFloor() {
        int[] observed = {YES, NO};
        double[][] none = {{0, 0, 0}, {0, 0, 0}};
        BallotScores.Scores scores = BallotScores.score(observed, none, new int[] {YES, YES}, new int[] {YES, YES});
        assertEquals(0, scores.accuracy());
        assertEquals(-Math.log(BallotScores.FLOOR), scores.logLoss(), 1e-12);
        assertEquals(2, scores.confusion()[YES][BallotScores.NONE] + scores.confusion()[NO][BallotScores.NONE]);
        assertTrue(scores.kappa() <= 0, "no agreement beyond chance");
    }
}
