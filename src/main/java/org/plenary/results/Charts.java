package org.plenary.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.flow.FlowPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.flow.DefaultFlowDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.plenary.model.Coalition;
import org.plenary.model.ItemState;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * The PNG charts of a run, drawn headless with JFreeChart from a {@link RunAggregate}: white
 * backgrounds, a colour-blind-friendly palette, axis labels naming each dimension's poles and
 * vertical markers at the scenario's events.
 */
public final class Charts {
    static final Color[] PALETTE = ChartStyle.PALETTE;
    /** Above this many delegations, position charts show bloc means instead of every delegation. */
    static final int MAX_DELEGATION_LINES = 12;
    private static final Font SUBTITLE_FONT = ChartStyle.SUBTITLE_FONT;

    private Charts() {
    }

    /** Writes every chart into {@code directory} and returns the file names in report order. */
    public static List<String> writeAll(RunAggregate aggregate, Path directory) throws IOException {
        Scenario scenario = aggregate.scenario();
        List<String> files = new ArrayList<>();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            String file = "positions-" + scenario.dimensions().get(k).id() + ".png";
            ChartStyle.save(positions(aggregate, k), directory.resolve(file));
            files.add(file);
        }
        for (int m = 0; m < scenario.agenda().size(); m++) {
            String file = "draft-" + scenario.agenda().get(m).id() + ".png";
            ChartStyle.save(draft(aggregate, m), directory.resolve(file));
            files.add(file);
        }
        if (!scenario.agenda().isEmpty()) {
            ChartStyle.save(outcomes(aggregate), directory.resolve("outcomes.png"));
            files.add("outcomes.png");
        }
        ChartStyle.save(coalitions(aggregate), directory.resolve("coalitions.png"));
        files.add("coalitions.png");
        ChartStyle.save(coalitionFlow(aggregate), directory.resolve("coalition-flow.png"));
        files.add("coalition-flow.png");
        return files;
    }


    /** Mean positions on one dimension: per delegation when few, else per bloc plus event actors. */
    static JFreeChart positions(RunAggregate aggregate, int k) {
        Scenario scenario = aggregate.scenario();
        Scenario.Dimension dimension = scenario.dimensions().get(k);
        XYSeriesCollection data = new XYSeriesCollection();
        List<Scenario.Delegation> delegations = scenario.delegations();
        List<String> highlighted = eventActors(scenario);
        if (delegations.size() <= MAX_DELEGATION_LINES) {
            for (int i = 0; i < delegations.size(); i++) {
                data.addSeries(meanSeries(aggregate, delegations.get(i).id(), List.of(i), k));
            }
        } else {
            for (Map.Entry<String, List<Integer>> bloc : blocMembers(scenario).entrySet()) {
                data.addSeries(meanSeries(aggregate, bloc.getKey() + " (mean of " + bloc.getValue().size() + ")",
                        bloc.getValue(), k));
            }
            for (String id : highlighted) {
                data.addSeries(meanSeries(aggregate, id, List.of(indexOf(scenario, id)), k));
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            boolean actor = highlighted.contains(String.valueOf(data.getSeriesKey(s)));
            renderer.setSeriesStroke(s, actor ? new BasicStroke(3f) : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, roundAxis(scenario), ChartStyle.unitAxis(poleLabel(dimension)), renderer);
        addEventMarkers(plot, scenario);
        String subtitle = delegations.size() <= MAX_DELEGATION_LINES
                ? "mean over " + aggregate.replications() + " replications"
                : "bloc means and event actors, mean over " + aggregate.replications() + " replications";
        return ChartStyle.chart("Positions on " + dimension.label(), subtitle, plot, true);
    }

    /** The draft text of one item on each dimension it weights, with 95% band and status quo. */
    static JFreeChart draft(RunAggregate aggregate, int m) {
        Scenario scenario = aggregate.scenario();
        Scenario.Item item = scenario.agenda().get(m);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        List<Integer> dims = new ArrayList<>();
        for (int k = 0; k < scenario.dimensions().size(); k++) {
            if (item.weights()[k] > 0) {
                dims.add(k);
            }
        }
        XYPlot plot = new XYPlot(data, roundAxis(scenario), ChartStyle.unitAxis("position of the draft text (0 = low pole, 1 = high pole)"),
                renderer);
        for (int s = 0; s < dims.size(); s++) {
            int k = dims.get(s);
            Scenario.Dimension dimension = scenario.dimensions().get(k);
            YIntervalSeries series = new YIntervalSeries(dimension.label() + " (" + dimension.low() + " \u2192 "
                    + dimension.high() + ")");
            for (int t = 0; t <= scenario.rounds(); t++) {
                ChartStyle.addInterval(series, t, aggregate.draft(t, m, k));
            }
            data.addSeries(series);
            Color colour = PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesFillPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(2.5f));
            ValueMarker quo = new ValueMarker(item.statusQuo()[k], colour, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            quo.setLabel("status quo: " + dimension.label());
            quo.setLabelFont(SUBTITLE_FONT.deriveFont(11f));
            quo.setLabelPaint(colour.darker());
            quo.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            quo.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(quo);
        }
        renderer.setAlpha(0.2f);
        addEventMarkers(plot, scenario);
        SummaryStatistics decided = aggregate.decisionRound(m);
        String subtitle = "mean draft with 95% band over " + aggregate.replications() + " replications; forum "
                + item.forum() + "; deadline round " + item.deadline()
                + (decided.getN() > 0 ? String.format("; decided on average in round %.1f", decided.getMean()) : "");
        return ChartStyle.chart("Draft text: " + item.title(), subtitle, plot, true);
    }

    /** Share of replications in which each item ended in each state. */
    static JFreeChart outcomes(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ItemState state : ItemState.values()) {
            for (int m = 0; m < scenario.agenda().size(); m++) {
                data.addValue((double) aggregate.finalStateCount(m, state) / aggregate.replications(), state.label(),
                        scenario.agenda().get(m).id());
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        Color[] stateColours = {new Color(170, 170, 170), new Color(0, 158, 115), new Color(0, 114, 178),
            new Color(230, 159, 0), new Color(213, 94, 0)};
        for (int s = 0; s < stateColours.length; s++) {
            renderer.setSeriesPaint(s, stateColours[s]);
        }
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        NumberAxis share = new NumberAxis("share of replications");
        share.setRange(0, 1);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("agenda item"), share, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return ChartStyle.chart("How each item ended", aggregate.replications() + " replications", plot, true);
    }

    /** Coalition count and the largest coalition's capability share over rounds, with 95% bands. */
    static JFreeChart coalitions(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        YIntervalSeries count = new YIntervalSeries("number of coalitions");
        YIntervalSeries share = new YIntervalSeries("largest coalition's capability share");
        for (int t = 0; t <= scenario.rounds(); t++) {
            ChartStyle.addInterval(count, t, aggregate.coalitionCount(t));
            ChartStyle.addInterval(share, t, aggregate.largestShare(t));
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(roundAxis(scenario));
        NumberAxis countAxis = new NumberAxis("coalitions");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setAutoRangeIncludesZero(true);
        combined.add(bandPlot(count, countAxis, PALETTE[0], scenario), 1);
        combined.add(bandPlot(share, ChartStyle.unitAxis("capability share"), PALETTE[1], scenario), 1);
        combined.setGap(12);
        Scenario.Coalitions coalitions = scenario.coalitions();
        String method = coalitions.method() == Scenario.CoalitionMethod.DBSCAN
                ? "DBSCAN clusters of positions (radius " + coalitions.radius()
                : "landscape-theory blocs (" + coalitions.starts() + " starts, bloc bonus " + coalitions.blocBonus();
        return ChartStyle.chart("Coalitions", method + ", at least " + coalitions.minMembers() + " members); mean with 95% band"
                + " over " + aggregate.replications() + " replications", combined, true);
    }

    private static XYPlot bandPlot(YIntervalSeries series, NumberAxis axis, Color colour, Scenario scenario) {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesFillPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), null, axis, renderer);
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(series);
        addEventMarkers(plot, scenario);
        ChartStyle.style(plot);
        return plot;
    }

    /**
     * Delegations moving between coalitions in the first replication, from the start through each
     * event round to the end. Each coalition is named after its largest-capability member.
     */
    static JFreeChart coalitionFlow(RunAggregate aggregate) {
        Scenario scenario = aggregate.scenario();
        ReplicationRecord record = aggregate.firstReplication();
        List<Integer> stages = stageRounds(scenario);
        DefaultFlowDataset<String> data = new DefaultFlowDataset<>();
        String[] previous = nodeNames(scenario, record, stages.get(0));
        for (int s = 1; s < stages.size(); s++) {
            String[] current = nodeNames(scenario, record, stages.get(s));
            Map<String, Double> flows = new TreeMap<>();
            for (int i = 0; i < previous.length; i++) {
                flows.merge(previous[i] + "\u0000" + current[i], 1.0, Double::sum);
            }
            for (Map.Entry<String, Double> flow : flows.entrySet()) {
                String[] ends = flow.getKey().split("\u0000");
                data.setFlow(s - 1, ends[0], ends[1], flow.getValue());
            }
            previous = current;
        }
        FlowPlot plot = new FlowPlot(data);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setNodeColorSwatch(List.of(PALETTE));
        plot.setDefaultNodeLabelFont(SUBTITLE_FONT.deriveFont(12f));
        plot.setNodeWidth(14);
        StringBuilder stagesText = new StringBuilder();
        for (int stage : stages) {
            stagesText.append(stagesText.length() == 0 ? "" : " \u2192 ").append(stageLabel(scenario, stage));
        }
        return ChartStyle.chart("Coalition flow (replication 1)", "stages: " + stagesText + "; band width = number of delegations",
                plot, false);
    }

    /** Round 0, every event round within the run, and the last round. */
    static List<Integer> stageRounds(Scenario scenario) {
        List<Integer> stages = new ArrayList<>(List.of(0));
        scenario.events().stream().map(Scenario.Event::round).filter(r -> r < scenario.rounds()).sorted().distinct()
                .forEach(stages::add);
        stages.add(scenario.rounds());
        return stages;
    }

    private static String stageLabel(Scenario scenario, int round) {
        if (round == 0) {
            return "start";
        }
        if (round == scenario.rounds()) {
            return "end (round " + round + ")";
        }
        return "round " + round;
    }

    /** Each delegation's node at one stage: its coalition, "unaligned" or "withdrawn". */
    private static String[] nodeNames(Scenario scenario, ReplicationRecord record, int round) {
        int n = record.delegations();
        String[] names = new String[n];
        java.util.Arrays.fill(names, "unaligned");
        for (Coalition coalition : record.coalitions(round)) {
            int leader = coalition.members()[0];
            for (int member : coalition.members()) {
                if (scenario.delegations().get(member).capability() > scenario.delegations().get(leader).capability()) {
                    leader = member;
                }
            }
            String name = scenario.delegations().get(leader).id()
                    + (coalition.members().length > 1 ? " +" + (coalition.members().length - 1) : "");
            for (int member : coalition.members()) {
                names[member] = name;
            }
        }
        for (int i = 0; i < n; i++) {
            if (record.status(round, i) == ReplicationRecord.WITHDRAWN) {
                names[i] = "withdrawn";
            }
        }
        return names;
    }

    private static XYSeries meanSeries(RunAggregate aggregate, String key, List<Integer> members, int k) {
        XYSeries series = new XYSeries(key, false, false);
        for (int t = 0; t <= aggregate.scenario().rounds(); t++) {
            double sum = 0;
            for (int i : members) {
                sum += aggregate.meanPosition(t, i, k);
            }
            series.add(t, sum / members.size());
        }
        return series;
    }


    /** Declared blocs with their members, then "no bloc" for delegations in none. */
    static Map<String, List<Integer>> blocMembers(Scenario scenario) {
        Map<String, List<Integer>> blocs = new LinkedHashMap<>();
        List<Integer> none = new ArrayList<>();
        for (Scenario.Bloc bloc : scenario.blocs()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < scenario.delegations().size(); i++) {
                if (scenario.delegations().get(i).groups().contains(bloc.id())) {
                    members.add(i);
                }
            }
            if (!members.isEmpty()) {
                blocs.put(bloc.id(), members);
            }
        }
        for (int i = 0; i < scenario.delegations().size(); i++) {
            List<String> groups = scenario.delegations().get(i).groups();
            if (scenario.blocs().stream().noneMatch(b -> groups.contains(b.id()))) {
                none.add(i);
            }
        }
        if (!none.isEmpty()) {
            blocs.put("no bloc", none);
        }
        return blocs;
    }

    private static List<String> eventActors(Scenario scenario) {
        return scenario.events().stream().map(Scenario.Event::delegation).filter(d -> d != null).distinct().toList();
    }

    private static int indexOf(Scenario scenario, String id) {
        for (int i = 0; i < scenario.delegations().size(); i++) {
            if (scenario.delegations().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static NumberAxis roundAxis(Scenario scenario) {
        return ChartStyle.roundAxis(scenario.rounds());
    }


    static String poleLabel(Scenario.Dimension dimension) {
        return "0 = " + dimension.low() + "   \u2190 " + dimension.label() + " \u2192   1 = " + dimension.high();
    }

    /** A vertical dashed line per event round, labelled with what happens. */
    static void addEventMarkers(XYPlot plot, Scenario scenario) {
        Map<Integer, List<String>> byRound = new TreeMap<>();
        for (Scenario.Event event : scenario.events()) {
            byRound.computeIfAbsent(event.round(), r -> new ArrayList<>()).add(describe(event));
        }
        int index = 0;
        for (Map.Entry<Integer, List<String>> entry : byRound.entrySet()) {
            ValueMarker marker = new ValueMarker(entry.getKey(), new Color(90, 90, 90), new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            marker.setLabel(String.join(", ", entry.getValue()));
            marker.setLabelFont(SUBTITLE_FONT.deriveFont(11f));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            // Stagger labels so that events in nearby rounds do not print over each other.
            marker.setLabelOffset(new RectangleInsets(4 + 16 * (index++ % 4), 4, 4, 4));
            plot.addDomainMarker(marker);
        }
    }

    static String describe(Scenario.Event event) {
        String who = event.delegation() != null ? event.delegation() : event.bloc();
        return switch (event.type()) {
            case WITHDRAW -> who + " withdraws";
            case DISENGAGE -> who + " disengages" + scope(event);
            case REENGAGE -> who + " re-engages" + scope(event);
            case SET -> who + " " + event.attribute() + " = " + Numbers.format(event.value());
            case JOIN -> who + " joins " + event.bloc();
            case LEAVE -> who + " leaves " + event.bloc();
        };
    }

    private static String scope(Scenario.Event event) {
        List<String> parts = new ArrayList<>(event.forums());
        parts.addAll(event.dimensions());
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }


}
