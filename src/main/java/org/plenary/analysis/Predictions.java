package org.plenary.analysis;

import java.util.ArrayList;
import java.util.List;
import org.plenary.reference.ExpectedUtilityModel;
import org.plenary.reference.Predictors;
import org.plenary.scenario.Scenario;

/**
 * Static forecasts of where a scenario's texts land, one dimension at a time, from each delegation's
 * capability c_i, salience s_ik and ideal position x*_ik, with the reference models of
 * {@code org.plenary.reference}. Events, blocs and the agenda play no part: these are the models
 * researchers compare the assembly's outcomes with.
 */
public final class Predictions {

    /** The predictor: Achen's compromise, the weighted median, or Bueno de Mesquita's expected utility model. */
    public enum Model { COMPROMISE, MEDIAN, EXPECTED_UTILITY }

    /**
     * The forecast on one dimension, on Plenary's [0, 1] scale.
     *
     * @param expectedUtility the expected utility model's run, or null for the other models
     */
    public record Dimension(Scenario.Dimension dimension, double prediction,
                            ExpectedUtilityModel.Result expectedUtility) { }

    private Predictions() {
    }

    /** Ids of the dimensions on which no delegation has both capability and salience: nothing to predict there. */
    public static List<String> dimensionsWithoutWeight(Scenario scenario) {
        List<String> empty = new ArrayList<>();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            int dimension = k;
            if (scenario.delegations().stream().noneMatch(d -> d.capability() * d.salience()[dimension] > 0)) {
                empty.add(scenario.dimensions().get(k).id());
            }
        }
        return empty;
    }

    /**
     * Forecasts every dimension; {@code rounds} and {@code denominator} matter only to the expected
     * utility model. Call {@link #dimensionsWithoutWeight} first: such dimensions cannot be forecast.
     */
    public static List<Dimension> predict(Scenario scenario, Model model, int rounds,
                                          ExpectedUtilityModel.ProbabilityDenominator denominator) {
        List<Scenario.Delegation> delegations = scenario.delegations();
        double[] capability = delegations.stream().mapToDouble(Scenario.Delegation::capability).toArray();
        List<Dimension> forecasts = new ArrayList<>();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            int dimension = k;
            double[] salience = delegations.stream().mapToDouble(d -> d.salience()[dimension]).toArray();
            double[] position = delegations.stream().mapToDouble(d -> d.position()[dimension]).toArray();
            Scenario.Dimension id = scenario.dimensions().get(k);
            forecasts.add(switch (model) {
                case COMPROMISE -> new Dimension(id, Predictors.compromise(capability, salience, position), null);
                case MEDIAN -> new Dimension(id, Predictors.weightedMedian(capability, salience, position), null);
                case EXPECTED_UTILITY -> {
                    ExpectedUtilityModel.Result run = ExpectedUtilityModel.run(capability, salience, position,
                            new ExpectedUtilityModel.Parameters(rounds, 1.0, 1.0, denominator));
                    yield new Dimension(id, run.predictedOutcome(), run);
                }
            });
        }
        return forecasts;
    }
}
