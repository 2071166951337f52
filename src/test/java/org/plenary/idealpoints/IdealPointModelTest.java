package org.plenary.idealpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.plenary.scenario.RollCalls;

/** The ordered item-response model: its derivatives, and recovery of the published UNGA ideal points. */
class IdealPointModelTest {

    /** The analytic first and second derivatives of each vote's log-likelihood match central differences. */
    @Test
    void voteDerivativesMatchFiniteDifferences() {
        double h = 1e-5;
        double[] at = new double[6];
        double[] plus = new double[6];
        double[] minus = new double[6];
        for (int vote = 0; vote < 3; vote++) {
            double u1 = 0.7;
            double u2 = -0.4;
            IdealPointModel.voteTerms(vote, u1, u2, at);
            IdealPointModel.voteTerms(vote, u1 + h, u2, plus);
            IdealPointModel.voteTerms(vote, u1 - h, u2, minus);
            assertEquals((plus[0] - minus[0]) / (2 * h), at[1], 1e-7, "dl/du1, vote " + vote);
            assertEquals((plus[1] - minus[1]) / (2 * h), at[3], 1e-7, "d2l/du1^2, vote " + vote);
            assertEquals((plus[2] - minus[2]) / (2 * h), at[4], 1e-7, "d2l/du1du2, vote " + vote);
            IdealPointModel.voteTerms(vote, u1, u2 + h, plus);
            IdealPointModel.voteTerms(vote, u1, u2 - h, minus);
            assertEquals((plus[0] - minus[0]) / (2 * h), at[2], 1e-7, "dl/du2, vote " + vote);
            assertEquals((plus[2] - minus[2]) / (2 * h), at[5], 1e-7, "d2l/du2^2, vote " + vote);
        }
        // The three probabilities add up to one: L(-u1) + (L(u1) - L(u2)) + L(u2).
        double total = 0;
        for (int vote = 0; vote < 3; vote++) {
            IdealPointModel.voteTerms(vote, 0.7, -0.4, at);
            total += Math.exp(at[0]);
        }
        assertEquals(1, total, 1e-12);
    }

    /**
     * Fitted to the 95 roll calls of session 73 (2018-19) alone, the first dimension correlates with
     * Bailey, Strezhnev & Voeten's published session-73 ideal points at r = 0.987 (193 states); the
     * United States is at the positive end, as in the published scale.
     */
    @Test
    void firstDimensionRecoversThePublishedIdealPoints() throws Exception {
        RollCalls votes = RollCalls.read(Path.of("scenarios/data/unga-votes-2015-2019.csv"),
                Path.of("scenarios/data/unga-roll-calls-2015-2019.csv"), Set.of(73));
        assertEquals(95, votes.items().size());
        IdealPointModel.Estimate fit = IdealPointModel.fit(votes, 1, "USA", 5000, 1e-4);
        assertTrue(fit.converged());
        Map<String, Double> published = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("scenarios/data/unga-ideal-points-2015-2018.csv"))) {
            String[] cells = line.split(",");
            if (cells[1].equals("73")) {
                published.put(cells[0], Double.parseDouble(cells[3]));
            }
        }
        List<double[]> pairs = new ArrayList<>();
        int inside = 0;
        for (int i = 0; i < votes.delegations().size(); i++) {
            Double theirs = published.get(votes.delegations().get(i));
            if (theirs != null) {
                pairs.add(new double[] {fit.estimate()[i], theirs});
                inside += fit.low()[i] < fit.estimate()[i] && fit.estimate()[i] < fit.high()[i] ? 1 : 0;
            }
        }
        assertEquals(193, pairs.size());
        assertEquals(193, inside);
        double r = new PearsonsCorrelation().correlation(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
        assertEquals(0.987, r, 0.005, "correlation with the published ideal points");
        int usa = votes.delegations().indexOf("USA");
        int rus = votes.delegations().indexOf("RUS");
        assertTrue(fit.estimate()[usa] > 3 && fit.estimate()[usa] > fit.estimate()[rus]);
    }
}
