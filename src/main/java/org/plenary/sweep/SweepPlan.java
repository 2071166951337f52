package org.plenary.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.util.MathArrays;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Seeds;

/**
 * The points of a sweep: each a value for every swept parameter path. Built as a full factorial
 * grid over listed values, a Latin hypercube sample or a Sobol sequence over ranges. The plan is
 * saved with the sweep, so any point can be re-run alone and an interrupted sweep resumed.
 *
 * @param paths  the swept parameter paths, as for --set
 * @param points one list of values (as text, in path order) per point
 * @param design how the points were chosen: grid, lhs or sobol
 */
public record SweepPlan(List<String> paths, List<List<String>> points, String design) {

    /** A parameter path and its values (grid) or range (samples). */
    public record Axis(String path, List<String> values, double low, double high, boolean integer) { }

    /** Full factorial grid, first axis varying slowest. */
    public static SweepPlan grid(List<Axis> axes) {
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (Axis axis : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> point : points) {
                for (String value : axis.values()) {
                    List<String> extended = new ArrayList<>(point);
                    extended.add(value);
                    next.add(List.copyOf(extended));
                }
            }
            points = next;
        }
        return new SweepPlan(axes.stream().map(Axis::path).toList(), List.copyOf(points), "grid");
    }

    /**
     * A Latin hypercube sample (McKay, Beckman &amp; Conover 1979): each range cut into K equal
     * strata, one point per stratum in every dimension, strata paired by seeded permutations.
     */
    public static SweepPlan latinHypercube(List<Axis> axes, int count, long masterSeed) {
        MersenneTwister random = new MersenneTwister(Seeds.forReplication(masterSeed, -1, 0));
        double[][] unit = new double[count][axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            int[] strata = MathArrays.natural(count);
            MathArrays.shuffle(strata, random);
            for (int i = 0; i < count; i++) {
                unit[i][a] = (strata[i] + random.nextDouble()) / count;
            }
        }
        return scaled(axes, unit, "lhs");
    }

    /** The first K points of the Sobol sequence (Joe &amp; Kuo directions, Commons Math), after the origin. */
    public static SweepPlan sobol(List<Axis> axes, int count) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(axes.size());
        generator.nextVector(); // the origin: a corner of the box, not informative
        double[][] unit = new double[count][];
        for (int i = 0; i < count; i++) {
            unit[i] = generator.nextVector();
        }
        return scaled(axes, unit, "sobol");
    }

    /**
     * Points given in the unit cube, scaled to the axes' ranges (whole numbers for integer axes): any
     * design computed elsewhere, e.g. a sensitivity analysis's sample, run as a sweep.
     */
    public static SweepPlan scaled(List<Axis> axes, double[][] unit, String design) {
        List<List<String>> points = new ArrayList<>();
        for (double[] u : unit) {
            List<String> point = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                Axis axis = axes.get(a);
                double value = axis.low() + u[a] * (axis.high() - axis.low());
                point.add(axis.integer() ? Long.toString(Math.round(value))
                        : BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN)
                                .stripTrailingZeros().toPlainString());
            }
            points.add(List.copyOf(point));
        }
        return new SweepPlan(axes.stream().map(Axis::path).toList(), List.copyOf(points), design);
    }

    /** Axes from the scenario's own sweep: block. */
    public static List<Axis> fromScenario(Scenario scenario) {
        List<Axis> axes = new ArrayList<>();
        for (Scenario.SweepAxis axis : scenario.sweep()) {
            axes.add(new Axis(axis.path(), axis.values(), Double.NaN, Double.NaN, false));
        }
        return axes;
    }

    /** Parses --param path=v1,v2,... */
    public static Axis parseValues(String text) throws InputException {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new InputException(new Problem("--param " + text, 0, "", "expected path=v1,v2,..., e.g. --param"
                    + " influence.rate=0.1,0.2,0.3"));
        }
        List<String> values = new ArrayList<>();
        for (String value : text.substring(equals + 1).split(",")) {
            values.add(value.trim());
        }
        return new Axis(text.substring(0, equals).trim(), List.copyOf(values), Double.NaN, Double.NaN, false);
    }

    /** Parses --range path=lo:hi, or path=lo:hi:int for whole-number parameters such as rounds. */
    public static Axis parseRange(String text) throws InputException {
        int equals = text.indexOf('=');
        String[] bounds = equals > 0 ? text.substring(equals + 1).split(":") : new String[0];
        Problem problem = new Problem("--range " + text, 0, "", "expected path=low:high (or path=low:high:int)"
                + " with low < high, e.g. --range influence.rate=0.05:0.5 or --range rounds=20:80:int");
        boolean integer = bounds.length == 3 && bounds[2].trim().equals("int");
        if (bounds.length != 2 && !integer) {
            throw new InputException(problem);
        }
        try {
            double low = Double.parseDouble(bounds[0]);
            double high = Double.parseDouble(bounds[1]);
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new InputException(problem);
            }
            return new Axis(text.substring(0, equals).trim(), List.of(), low, high, integer);
        } catch (NumberFormatException e) {
            throw new InputException(problem);
        }
    }

    /** The --set assignments of one point. */
    public List<String> assignments(int point) {
        List<String> assignments = new ArrayList<>();
        for (int a = 0; a < paths.size(); a++) {
            assignments.add(paths.get(a) + "=" + points.get(point).get(a));
        }
        return assignments;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("design", design);
        map.put("paths", paths);
        map.put("points", points);
        return map;
    }
}
