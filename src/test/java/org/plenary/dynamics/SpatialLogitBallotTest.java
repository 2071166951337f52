package org.plenary.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.backtest.BallotForecast;
import org.plenary.model.Assembly;
import org.plenary.model.Ballot;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioYaml;
import org.plenary.testing.Scenarios;

/** The spatial-logit vote (docs/ODD.md 7.7c) against probabilities computed by hand. */
class SpatialLogitBallotTest {
    private static final double EPS = 5e-7;

    /**
     * One dimension, text 0.8 against status quo 0.5, weights and saliences 1, beta 10, tau 0.5,
     * valence 0.2. Delta = 0.2 + 10 [(x - 0.5)^2 - (x - 0.8)^2]:
     * A (0.9): 0.2 + 10 (0.16 - 0.01) = 1.7;  B (0.5): 0.2 + 10 (0 - 0.09) = -0.7;
     * C (0.1): 0.2 + 10 (0.16 - 0.49) = -3.1.
     */
    static final String THREE = """
            name: logit
            seed: 3
            rounds: 2
            replications: 4000
            dimensions: [{id: a}]
            delegations:
              - {id: A, groups: [G], position: {a: 0.9}, salience: {a: 1}}
              - {id: B, groups: [G], position: {a: 0.5}, salience: {a: 1}}
              - {id: C, groups: [H], position: {a: 0.1}, salience: {a: 1}}
            agenda:
              - {id: t, weights: {a: 1}, status_quo: {a: 0.5}, text: {a: 0.8}, deadline: 1}
            decision: {rule: vote, vote_model: spatial-logit, logit: {beta: 10, tau: 0.5, gamma: 0, valence: {t: 0.2}}}
            influence: {model: none, noise: 0}
            """;

    /** L(1.7 - 0.5), L(-1.7 - 0.5), the rest; and so on for B and C (L the logistic function). */
    private static final double[][] BY_HAND = {
        {0.768525, 0.099750, 0.131725},
        {0.231475, 0.549834, 0.218691},
        {0.026597, 0.930862, 0.042541}};

    @Test
    void probabilitiesAreTheOrderedLogitOfTheUtilityDifference(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.load(dir, THREE);
        Assembly a = new Assembly(s);
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            SpatialLogitBallot.probabilities(a, s.decision().logit(), i, 0, p, 0);
            for (int c = 0; c < 3; c++) {
                assertEquals(BY_HAND[i][c], p[c], EPS, "delegation " + i + " choice " + c);
            }
        }
        // Direction: the delegation nearest the text is the likeliest yes, the farthest the likeliest no.
        assertTrue(BY_HAND[0][0] > BY_HAND[1][0] && BY_HAND[1][0] > BY_HAND[2][0]);
    }

    /**
     * Sponsor A, gamma 1.5: A (the sponsor) and B (shares group G with it) gain 1.5, C nothing.
     * A: Delta 3.2, P = L(2.7) = 0.937027, L(-3.7) = 0.024127; B: Delta 0.8, L(0.3) = 0.574443,
     * L(-1.3) = 0.214165; C as without a sponsor.
     */
    @Test
    void sponsorAffinityAddsGammaToTheSponsorAndThoseSharingItsGroups(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.load(dir, THREE, "decision.logit.gamma=1.5", "decision.logit.sponsors.t=A");
        Assembly a = new Assembly(s);
        double[] p = new double[3];
        double[][] expected = {{0.937027, 0.024127}, {0.574443, 0.214165}, {0.026597, 0.930862}};
        for (int i = 0; i < 3; i++) {
            SpatialLogitBallot.probabilities(a, s.decision().logit(), i, 0, p, 0);
            assertEquals(expected[i][0], p[0], EPS);
            assertEquals(expected[i][1], p[1], EPS);
        }
        Scenario byGroup = Scenarios.load(dir, THREE, "decision.logit.gamma=1.5", "decision.logit.sponsors.t=H");
        SpatialLogitBallot.probabilities(new Assembly(byGroup), byGroup.decision().logit(), 2, 0, p, 0);
        assertEquals(0.109097, p[0], EPS, "C belongs to the sponsoring group H: Delta -1.6, L(-2.1)");
    }

    /**
     * An item's own cut-point: tau_shift 0.5 raises t's tau from 0.5 to 1, so A (Delta 1.7) votes yes with
     * L(0.7) = 0.668188 and no with L(-2.7) = 0.062973, abstaining more (0.268839 against 0.131725); C (Delta
     * -3.1): L(-4.1) = 0.016302, L(2.1) = 0.890903. A shift of -0.8 cannot take tau below 0: A votes
     * L(1.7) = 0.845535 and L(-1.7) = 0.154465 and never abstains. The resolved scenario keeps the shift.
     */
    @Test
    void aShiftOfTheCutPointMakesAnItemsAbstentionsMoreOrLessLikely(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.load(dir, THREE, "decision.logit.tau_shift.t=0.5");
        Assembly a = new Assembly(s);
        double[] p = new double[3];
        double[][] expected = {{0.668188, 0.062973, 0.268839}, {0.154465, 0.425557, 0.419977},
            {0.016302, 0.890903, 0.092794}};
        for (int i = 0; i < 3; i++) {
            SpatialLogitBallot.probabilities(a, s.decision().logit(), i, 0, p, 0);
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[i][c], p[c], EPS, "delegation " + i + " choice " + c);
            }
        }
        assertTrue(expected[0][2] > BY_HAND[0][2], "a higher cut-point: more abstentions");
        Scenario floor = Scenarios.load(dir, THREE, "decision.logit.tau_shift.t=-0.8");
        SpatialLogitBallot.probabilities(new Assembly(floor), floor.decision().logit(), 0, 0, p, 0);
        assertEquals(0.845535, p[0], EPS);
        assertEquals(0.154465, p[1], EPS);
        assertEquals(0, p[2], EPS);
        Scenario again = Scenarios.load(dir, ScenarioYaml.write(s));
        assertEquals(0.5, again.decision().logit().tauShift()[0]);
        List<String> problems = Scenarios.problems(dir, THREE, "decision.logit.tau_shift.tt=1");
        assertTrue(String.join("\n", problems).contains("did you mean 't'"), problems.toString());
    }

    /**
     * The backtest's probabilities are the model's own, not vote shares; the ballots drawn follow them
     * (4000 replications: within 4 standard errors of the hand-computed probability).
     */
    @Test
    void ballotsAreDrawnWithTheModelsProbabilities(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.load(dir, THREE);
        BallotForecast forecast = BallotForecast.run(s, 2);
        for (int i = 0; i < 3; i++) {
            double[] p = forecast.probabilities(0, i);
            int[] drawn = {forecast.count(0, i, Ballot.YES), forecast.count(0, i, Ballot.NO),
                forecast.count(0, i, Ballot.ABSTAIN)};
            for (int c = 0; c < 3; c++) {
                assertEquals(BY_HAND[i][c], p[c], EPS);
                double share = drawn[c] / 4000.0;
                double se = Math.sqrt(BY_HAND[i][c] * (1 - BY_HAND[i][c]) / 4000);
                assertEquals(BY_HAND[i][c], share, 4 * se, "drawn share of delegation " + i + " choice " + c);
            }
        }
        assertEquals(forecast.count(0, 0, Ballot.YES), BallotForecast.run(s, 1).count(0, 0, Ballot.YES),
                "same seed, same draws at any thread count");
    }

    @Test
    void theResolvedScenarioKeepsTheVoteModel(@TempDir Path dir) throws Exception {
        Scenario s = Scenarios.load(dir, THREE, "decision.logit.sponsors.t=A");
        Scenario again = Scenarios.load(dir, ScenarioYaml.write(s));
        assertEquals(Scenario.VoteModel.SPATIAL_LOGIT, again.decision().voteModel());
        assertEquals(0.2, again.decision().logit().valence()[0]);
        assertEquals("A", again.decision().logit().sponsor()[0]);
        assertEquals(10, again.decision().logit().beta());
    }

    @Test
    void unknownItemsSponsorsAndBlocDisciplineAreRefused(@TempDir Path dir) {
        List<String> problems = Scenarios.problems(dir, THREE, "decision.logit.valence.tt=1",
                "decision.logit.sponsors.t=AA", "voting.discipline=bloc", "decision.logit.tau=-1");
        String all = String.join("\n", problems);
        assertTrue(all.contains("decision.logit.valence.tt") && all.contains("did you mean 't'"), all);
        assertTrue(all.contains("decision.logit.sponsors.t") && all.contains("'AA'") && all.contains("did you mean"), all);
        assertTrue(all.contains("decision.vote_model") && all.contains("discipline: bloc"), all);
        assertTrue(all.contains("decision.logit.tau") && all.contains("out of range"), all);
        // An invalid delegation id is reported once, where it is read, not as an internal error here.
        List<String> invalid = Scenarios.problems(dir, THREE.replace("id: C,", "id: C C,"), "decision.logit.sponsors.t=C");
        assertTrue(String.join("\n", invalid).contains("not a valid id"), invalid.toString());
    }
    /** Sessions 70-71 before the cut-off, 73 after it (left out); rcid 5 is unanimous (left out). */
    private static void writeRollCalls(Path dir) {
        Scenarios.write(dir, "rc.csv", """
                rcid,session,date,resolution
                1,70,2015-12-01,A/RES/70/1
                2,70,2015-12-02,A/RES/70/2
                3,71,2016-12-01,A/RES/71/3
                4,73,2018-12-01,A/RES/73/4
                5,71,2016-12-02,A/RES/71/5
                """);
        Scenarios.write(dir, "votes.csv", """
                rcid,iso3,vote
                1,USA,yes
                1,RUS,no
                1,CUB,no
                2,USA,yes
                2,RUS,no
                2,CUB,abstain
                3,USA,no
                3,RUS,yes
                3,CUB,yes
                4,USA,yes
                4,RUS,yes
                4,CUB,no
                5,USA,yes
                5,RUS,yes
                5,CUB,yes
                """);
    }

    private static final String AGREEING = THREE.replace("id: A,", "id: USA,").replace("id: B,", "id: RUS,")
            .replace("id: C,", "id: CUB,").replace("valence: {t: 0.2}}", "valence: {t: 0.2}, gamma: 1.5,"
                    + " sponsors: {t: USA}, affinity: {votes: votes.csv, roll_calls: rc.csv, before_session: 73}}")
            .replace("gamma: 0, ", "");

    /**
     * Sponsor USA, gamma 1.5, affinity from agreement before session 73 (roll calls 1-3): the USA agrees
     * with itself (1), Russia never (0: no against yes twice, yes against no), Cuba on half of roll call 2
     * only (abstain against yes): (0 + 0.5 + 0) / 3 = 1/6. So the USA has Delta 1.7 + 1.5 = 3.2 as a
     * group-sharing sponsor's friend would, Russia -0.7 (no gain although it shares group G with the
     * USA), Cuba -3.1 + 0.25 = -2.85: P(yes) = L(-3.35) = 0.033895, P(no) = L(2.35) = 0.912934. With roll
     * call 4 (session 73) counted, Russia agrees on 1 of 4: Delta -0.7 + 0.375, L(-0.825) = 0.304703.
     */
    @Test
    void affinityFromPastVotingAgreementWeighsGammaByAgreementBeforeTheCutOff(@TempDir Path dir) throws Exception {
        writeRollCalls(dir);
        Scenario s = Scenarios.load(dir, AGREEING);
        Assembly a = new Assembly(s);
        double[] p = new double[3];
        double[][] expected = {{0.937027, 0.024127}, {0.231475, 0.549834}, {0.033895, 0.912934}};
        for (int i = 0; i < 3; i++) {
            SpatialLogitBallot.probabilities(a, s.decision().logit(), i, 0, p, 0);
            assertEquals(expected[i][0], p[0], EPS, s.delegations().get(i).id());
            assertEquals(expected[i][1], p[1], EPS, s.delegations().get(i).id());
        }
        Scenario later = Scenarios.load(dir, AGREEING, "decision.logit.affinity.before_session=74");
        SpatialLogitBallot.probabilities(new Assembly(later), later.decision().logit(), 1, 0, p, 0);
        assertEquals(0.304703, p[0], EPS, "Russia with session 73 counted");
    }

    @Test
    void affinityFromVotesNeedsASponsorWhoVotedAndAReadableFile(@TempDir Path dir) {
        writeRollCalls(dir);
        List<String> group = Scenarios.problems(dir, AGREEING.replace("sponsors: {t: USA}", "sponsors: {t: G}"));
        assertTrue(group.stream().anyMatch(p -> p.contains("decision.logit.sponsors.t") && p.contains("'G' did not")),
                group.toString());
        List<String> misspelt = Scenarios.problems(dir, AGREEING.replace("before_session", "before_sesion"));
        assertTrue(misspelt.stream().anyMatch(p -> p.contains("did you mean 'before_session'")), misspelt.toString());
        Scenarios.write(dir, "votes.csv", "rcid,iso3,vote\n1,USA,yes\n1,RUS,Yes\n");
        List<String> badVote = Scenarios.problems(dir, AGREEING);
        assertTrue(badVote.stream().anyMatch(p -> p.contains("votes.csv") && p.contains(":3") && p.contains("'yes'")),
                badVote.toString());
    }
}
