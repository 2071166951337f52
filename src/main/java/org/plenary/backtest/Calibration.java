package org.plenary.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.plenary.results.Numbers;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;

/**
 * Fits scenario parameters (any --set path, within a range) to observed ballots and tallies by
 * minimising
 * <pre>
 *   objective = log-loss of the observed ballots (BallotScores, pooled over items)
 *             + sum over tallies of -sum_c (t_c / T) ln max(s_c, floor)
 * </pre>
 * where t_c are an observed tally's yes, no and abstain counts and s_c the model's mean shares of
 * those present. Every evaluation runs the scenario with the same seeds (common random numbers), so
 * the objective changes only with the parameters. The optimiser works on the unit cube (each range
 * mapped to [0, 1]), starts at its centre, and draws from a generator seeded with the scenario's
 * seed: same seed, same evaluations, same result, for any thread count. Values are rounded to six
 * decimals before they are evaluated, so a scenario written with the best values reproduces the fit.
 */
public final class Calibration {

    public enum Method { CMAES, NELDER_MEAD }

    /** A parameter to fit: a --set path and its range. */
    public record Parameter(String path, double low, double high) { }

    /** An observed tally of an item's vote. */
    public record Tally(int item, int yes, int no, int abstain) { }

    /** One evaluation of the objective: numbered from 1, the values tried, and the fit. */
    public record Evaluation(int number, double[] values, double objective, double logLoss, double tallyLoss) { }

    public record Result(Evaluation best, List<Evaluation> evaluations) { }

    /** What to fit to and how. */
    public record Fit(ScenarioLoader.Loaded base, List<Parameter> parameters, ObservedVotes votes,
                          List<Tally> tallies, int threads) { }

    private Calibration() {
    }

    /** The assignments that set each parameter to its value (rounded as evaluated). */
    public static List<Overrides.Assignment> assignments(List<Parameter> parameters, double[] values) {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            assignments.add(Overrides.Assignment.option("--param", parameters.get(p).path(), Numbers.format(values[p])));
        }
        return assignments;
    }

    /**
     * Checks that each parameter's path exists and that both ends of its range are valid values there
     * (exit 2 otherwise, with the scenario's own message, e.g. "must be in [0, 1]").
     */
    public static void checkRanges(ScenarioLoader.Loaded base, List<Parameter> parameters) throws InputException {
        List<Problem> problems = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (!(parameter.low() < parameter.high())) {
                problems.add(new Problem("--param " + parameter.path(), 0, "",
                        "the range must have low < high, got " + Numbers.format(parameter.low()) + ":"
                                + Numbers.format(parameter.high())));
                continue;
            }
            for (double end : new double[] {parameter.low(), parameter.high()}) {
                try {
                    ScenarioLoader.derive(base, List.of(Overrides.Assignment.option("--param", parameter.path(),
                            Numbers.format(end))));
                } catch (InputException e) {
                    for (Problem problem : e.problems()) {
                        problems.add(new Problem("--param " + parameter.path() + "="
                                + Numbers.format(parameter.low()) + ":" + Numbers.format(parameter.high()), 0,
                                problem.field(), "the range leaves the key's domain: " + problem.message()));
                    }
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** The fit of the scenario with the given values: evaluation number 0 is the scenario as given. */
    public static Evaluation evaluate(Fit fit, double[] values, int number) throws InputException,
            InterruptedException {
        Scenario scenario = values == null ? fit.base().scenario()
                : ScenarioLoader.derive(fit.base(), assignments(fit.parameters(), values)).scenario();
        BallotForecast forecast = BallotForecast.run(scenario, fit.threads());
        double logLoss = fit.votes() == null ? 0 : ballotLogLoss(fit.votes(), forecast);
        double tallyLoss = 0;
        for (Tally tally : fit.tallies()) {
            tallyLoss += tallyLoss(tally, forecast.tallyShares(tally.item()));
        }
        return new Evaluation(number, values, logLoss + tallyLoss, logLoss, tallyLoss);
    }

    /** Pooled log-loss of the observed ballots under the forecast. */
    public static double ballotLogLoss(ObservedVotes votes, BallotForecast forecast) {
        double sum = 0;
        for (ObservedVotes.Entry entry : votes.entries()) {
            double p = forecast.probabilities(entry.item(), entry.delegation())[entry.vote().ordinal()];
            sum -= Math.log(Math.max(p, BallotScores.FLOOR));
        }
        return sum / votes.entries().size();
    }

    /** Cross-entropy of an observed tally against the model's mean shares (NaN shares: never voted). */
    public static double tallyLoss(Tally tally, double[] shares) {
        int[] counts = {tally.yes(), tally.no(), tally.abstain()};
        double total = tally.yes() + tally.no() + tally.abstain();
        double loss = 0;
        for (int c = 0; c < 3; c++) {
            double share = Double.isNaN(shares[c]) ? 0 : shares[c];
            loss -= counts[c] / total * Math.log(Math.max(share, BallotScores.FLOOR));
        }
        return loss;
    }

    /**
     * Minimises the objective within {@code budget} evaluations; {@code afterEach} sees every
     * evaluation (for a progress bar).
     */
    public static Result run(Fit fit, Method method, int budget, long seed,
                             java.util.function.Consumer<Evaluation> afterEach) throws InputException,
            InterruptedException {
        int dimensions = fit.parameters().size();
        List<Evaluation> evaluations = new ArrayList<>();
        double[] centre = new double[dimensions];
        Arrays.fill(centre, 0.5);
        ObjectiveFunction objective = new ObjectiveFunction(unit -> {
            double[] clamped = new double[dimensions];
            double outside = 0;
            for (int p = 0; p < dimensions; p++) {
                clamped[p] = Math.min(1, Math.max(0, unit[p]));
                outside += Math.abs(unit[p] - clamped[p]);
            }
            Evaluation evaluation;
            try {
                evaluation = evaluate(fit, values(fit.parameters(), clamped), evaluations.size() + 1);
            } catch (InputException | InterruptedException e) {
                throw new EvaluationFailed(e);
            }
            evaluations.add(evaluation);
            afterEach.accept(evaluation);
            // Nelder-Mead has no bounds: outside the cube it sees the edge's fit, made worse with distance.
            return evaluation.objective() + outside;
        });
        try {
            if (method == Method.CMAES) {
                double[] sigma = new double[dimensions];
                Arrays.fill(sigma, 0.3);
                int population = 4 + (int) Math.floor(3 * Math.log(dimensions));
                new CMAESOptimizer(budget, 0, true, 0, 0, new MersenneTwister(seed), false, null)
                        .optimize(new MaxEval(budget), objective, GoalType.MINIMIZE, new InitialGuess(centre),
                                new SimpleBounds(new double[dimensions], filled(dimensions, 1)),
                                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
            } else {
                new SimplexOptimizer(1e-6, 1e-9).optimize(new MaxEval(budget), objective, GoalType.MINIMIZE,
                        new InitialGuess(centre), new NelderMeadSimplex(filled(dimensions, 0.25)));
            }
        } catch (TooManyEvaluationsException e) {
            // the budget is spent: the best evaluation so far is the answer
        } catch (EvaluationFailed e) {
            if (e.getCause() instanceof InputException input) {
                throw input;
            }
            throw (InterruptedException) e.getCause();
        }
        Evaluation best = evaluations.get(0);
        for (Evaluation evaluation : evaluations) {
            if (evaluation.objective() < best.objective()) {
                best = evaluation;
            }
        }
        return new Result(best, List.copyOf(evaluations));
    }

    /** Unit-cube coordinates to parameter values, rounded to the six decimals a scenario file keeps. */
    static double[] values(List<Parameter> parameters, double[] unit) {
        double[] values = new double[unit.length];
        for (int p = 0; p < unit.length; p++) {
            Parameter parameter = parameters.get(p);
            values[p] = Numbers.round(parameter.low() + unit[p] * (parameter.high() - parameter.low()));
        }
        return values;
    }

    private static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }

    /** Carries a checked failure out of the optimiser's callback. */
    private static final class EvaluationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailed(Exception cause) {
            super(cause);
        }
    }
}
