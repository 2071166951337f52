package org.plenary.sensitivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sweep.Sweep;
import org.plenary.sweep.SweepPlan;

/**
 * A sensitivity analysis on disk. Its sample runs as a sweep ({@code sweep/}), so it is parallel,
 * resumable after a kill and seeded per point as every sweep is; with a contrast, the variant
 * runs as a second sweep over the same points ({@code contrast/}): the same point numbers, so the
 * same replication seeds (common random numbers). The indices are computed from the saved sweeps
 * once both are complete; the {@code .incomplete} marker goes when every output is written.
 */
public final class Sensitivity {
    public static final String PLAN = "sensitivity.json";
    public static final String SWEEP = "sweep";
    public static final String CONTRAST = "contrast";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;
    private final SensitivityPlan plan;
    private final Sweep sweep;
    private final Sweep contrast;

    private Sensitivity(Path directory) throws InputException {
        this.directory = directory;
        Path planFile = directory.resolve(PLAN);
        if (!Files.isRegularFile(planFile)) {
            throw new InputException(new Problem(directory.toString(), 0, "", "not a sensitivity directory: "
                    + PLAN + " is missing"));
        }
        try {
            plan = SensitivityPlan.fromJson(JSON.readTree(planFile.toFile()));
        } catch (IOException e) {
            throw new InputException(new Problem(planFile.toString(), 0, "", "cannot read it: " + e.getMessage()));
        }
        sweep = Sweep.open(directory.resolve(SWEEP));
        contrast = plan.contrast().isEmpty() ? null : Sweep.open(directory.resolve(CONTRAST));
    }

    /**
     * Writes a new analysis into {@code directory}: the plan, then the sweep of the scenario and,
     * with a contrast, the sweep of the variant; every point of both is validated first.
     */
    public static Sensitivity create(Path directory, ScenarioLoader.Loaded scenario, ScenarioLoader.Loaded variant,
                                     SensitivityPlan plan, List<String> commandLine) throws IOException, InputException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(Sweep.INCOMPLETE), "");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "plenary");
        json.put("scenario_name", scenario.scenario().name());
        json.put("scenario_file", scenario.file().toString());
        json.put("command_line", commandLine);
        json.putAll(plan.toMap());
        JSON.writeValue(directory.resolve(PLAN).toFile(), json);
        SweepPlan points = SweepPlan.scaled(plan.axes(), plan.unitSample(), plan.sobol() ? "saltelli" : "morris");
        Sweep main = Sweep.create(directory.resolve(SWEEP), scenario, points, commandLine);
        if (variant != null) {
            Sweep other = Sweep.create(directory.resolve(CONTRAST), variant, points, commandLine);
            if (!other.outcomeNames().equals(main.outcomeNames())) {
                throw new InputException(new Problem("--contrast " + String.join(" ", plan.contrast()), 0, "",
                        "changes the agenda items or the dimensions they weight, so its outcomes cannot be"
                                + " subtracted from the scenario's"));
            }
        }
        Sensitivity analysis = new Sensitivity(directory);
        analysis.checkOutcomes();
        return analysis;
    }

    public static Sensitivity open(Path directory) throws InputException {
        return new Sensitivity(directory);
    }

    /** The selected outcomes must name outcomes of the scenario. */
    private void checkOutcomes() throws InputException {
        List<String> ids = sweep.outcomeNames().stream().map(Sensitivity::id).toList();
        List<Problem> problems = new ArrayList<>();
        for (String outcome : plan.outcomes()) {
            if (!ids.contains(id(outcome))) {
                problems.add(new Problem("--outcome " + outcome, 0, "",
                        org.plenary.scenario.Suggestions.unknown("outcome", outcome, ids)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** An outcome's name as a single word: the stem of its sweep-points.csv columns. */
    static String id(String name) {
        return name.trim().replace(' ', '_');
    }

    public SensitivityPlan plan() {
        return plan;
    }

    public Path directory() {
        return directory;
    }

    public String scenarioName() {
        return sweep.base().name();
    }

    public int replications() {
        return sweep.base().replications();
    }

    public int points() {
        return sweep.plan().points().size();
    }

    public boolean isComplete() {
        return !Files.exists(directory.resolve(Sweep.INCOMPLETE));
    }

    /** Replications still to run, over both sweeps. */
    public long pendingReplications() {
        long points = sweep.pendingPoints().size() + (contrast == null ? 0 : contrast.pendingPoints().size());
        return points * sweep.base().replications();
    }

    public void runPending(int threads, IntConsumer progress) throws InputException, IOException, InterruptedException {
        sweep.runPending(threads, progress);
        if (contrast != null) {
            contrast.runPending(threads, progress);
        }
    }

    /** Completes both sweeps, computes the indices, writes every output and drops the marker. */
    public SensitivityResult finish() throws IOException {
        sweep.finish(false);
        if (contrast != null) {
            contrast.finish(false);
        }
        SensitivityResult result = analyse();
        SensitivityOutputs.write(this, result);
        Files.deleteIfExists(directory.resolve(Sweep.INCOMPLETE));
        return result;
    }

    /** The indices of every selected outcome, from the finished sweeps. */
    SensitivityResult analyse() throws IOException {
        Map<String, SummaryStatistics[]> main = sweep.summary().outcomes();
        Map<String, SummaryStatistics[]> other = contrast == null ? null : contrast.summary().outcomes();
        double[][] unit = unitAsRun();
        int k = plan.ranges().size();
        List<SensitivityResult.Outcome> outcomes = new ArrayList<>();
        List<SensitivityResult.Skipped> skipped = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, SummaryStatistics[]> entry : main.entrySet()) {
            String id = id(entry.getKey());
            if (!plan.outcomes().isEmpty() && plan.outcomes().stream().map(Sensitivity::id).noneMatch(id::equals)) {
                continue;
            }
            double[] y = means(entry.getValue());
            if (other != null) {
                double[] variant = means(other.get(entry.getKey()));
                for (int p = 0; p < y.length; p++) {
                    y[p] -= variant[p];
                }
            }
            values.put(id, y);
            long undefined = java.util.Arrays.stream(y).filter(Double::isNaN).count();
            double min = java.util.Arrays.stream(y).min().orElse(0);
            double max = java.util.Arrays.stream(y).max().orElse(0);
            if (undefined > 0) {
                skipped.add(new SensitivityResult.Skipped(id, "undefined at " + undefined + " of " + y.length
                        + " points (e.g. no replication decided the item)"));
            } else if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) {
                skipped.add(new SensitivityResult.Skipped(id, "the same at every point ("
                        + org.plenary.results.Numbers.format(min) + "): no variance to apportion"));
            } else if (plan.sobol()) {
                Saltelli.Result full = Saltelli.estimate(y, k, plan.samples(), plan.secondOrder(), plan.bootstrap(),
                        plan.bootstrapSeed());
                if (Double.isNaN(full.firstOrder()[0].value())) {
                    skipped.add(new SensitivityResult.Skipped(id, "the same at every point of the A and B samples"
                            + " (it varies only at a few AB points): no variance to apportion"));
                } else {
                    outcomes.add(new SensitivityResult.Outcome(id, full, null, convergence(y, k)));
                }
            } else {
                outcomes.add(new SensitivityResult.Outcome(id, null,
                        Morris.estimate(unit, y, k, plan.bootstrap(), plan.bootstrapSeed()), List.of()));
            }
        }
        return new SensitivityResult(plan, plan.paths(), unit, sweep.plan().points(), values, outcomes, skipped,
                contrast != null);
    }

    /** Indices from the first n samples for n = N/16, N/8, ... N (at least 8 samples): do they settle? */
    private List<SensitivityResult.Step> convergence(double[] y, int k) {
        List<SensitivityResult.Step> steps = new ArrayList<>();
        for (int n = plan.samples(); n >= 8 && steps.size() < 5; n /= 2) {
            Saltelli.Result result = Saltelli.estimate(y, k, n, false, 0, 0);
            double[] first = new double[k];
            double[] total = new double[k];
            for (int i = 0; i < k; i++) {
                first[i] = result.firstOrder()[i].value();
                total[i] = result.totalOrder()[i].value();
            }
            steps.add(0, new SensitivityResult.Step(n, first, total));
        }
        return steps;
    }

    private static double[] means(SummaryStatistics[] byPoint) {
        double[] means = new double[byPoint.length];
        for (int p = 0; p < byPoint.length; p++) {
            means[p] = byPoint[p].getN() == 0 ? Double.NaN : byPoint[p].getMean();
        }
        return means;
    }

    /** The points in the unit cube as they were run: from the saved values (whole-number axes rounded). */
    private double[][] unitAsRun() {
        List<SweepPlan.Axis> axes = plan.axes();
        List<List<String>> points = sweep.plan().points();
        double[][] unit = new double[points.size()][axes.size()];
        for (int p = 0; p < points.size(); p++) {
            for (int a = 0; a < axes.size(); a++) {
                SweepPlan.Axis axis = axes.get(a);
                unit[p][a] = (Double.parseDouble(points.get(p).get(a)) - axis.low()) / (axis.high() - axis.low());
            }
        }
        return unit;
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
