package org.plenary.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plenary.observe.ActorRecord;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Scenario;

/**
 * Leadership over time, one chart per agenda item (charts/leadership-&lt;item&gt;.png): for each
 * coalition and leader, the share of replications in which that delegation leads that coalition in
 * each round; the scenario's events as labelled markers; and, on a second axis, the realignments
 * per replication (foundings, merges, dissolutions, successions) in each round. Drawn only when
 * coalitions act (model v2).
 */
public final class LeadershipChart {
    /** Coalition events that change who the coalitions are or who leads them. */
    static final Set<String> REALIGNMENTS = Set.of("found", "merge", "dissolve", "succession");
    private static final int MAX_LINES = ChartStyle.PALETTE.length;

    private final Scenario scenario;
    /** Per item: "coalition led by leader" -> replications per round. */
    private final List<Map<String, int[]>> leads = new ArrayList<>();
    private final int[][] realignments;
    private int replications;

    public LeadershipChart(Scenario scenario) {
        this.scenario = scenario;
        for (int m = 0; m < scenario.agenda().size(); m++) {
            leads.add(new LinkedHashMap<>());
        }
        realignments = new int[scenario.agenda().size()][scenario.rounds() + 1];
    }

    /** Takes one replication; records must not be added twice. */
    public void add(ReplicationRecord record) {
        ActorRecord actors = record.actors();
        if (actors == null) {
            return;
        }
        replications++;
        for (ActorRecord.Leader leader : actors.leaders()) {
            int at = leader.coalition().lastIndexOf('@');
            int m = itemIndex(leader.coalition().substring(at + 1));
            String key = leader.coalition().substring(0, at) + " led by " + leader.leader();
            leads.get(m).computeIfAbsent(key, k -> new int[scenario.rounds() + 1])[leader.round()]++;
        }
        for (ActorRecord.Event event : actors.events()) {
            if (REALIGNMENTS.contains(event.type())) {
                realignments[event.item()][event.round()]++;
            }
        }
    }

    private int itemIndex(String id) {
        for (int m = 0; m < scenario.agenda().size(); m++) {
            if (scenario.agenda().get(m).id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown item " + id);
    }

    /** Writes one chart per item; returns the file names. */
    public List<String> write(Path directory) throws IOException {
        List<String> files = new ArrayList<>();
        for (int m = 0; m < scenario.agenda().size(); m++) {
            String file = "leadership-" + scenario.agenda().get(m).id() + ".png";
            ChartStyle.save(chart(m), directory.resolve(file));
            files.add(file);
        }
        return files;
    }

    /** The chart of item m: the most frequent coalition-leader pairs, events and realignments. */
    JFreeChart chart(int m) {
        int rounds = scenario.rounds();
        List<Map.Entry<String, int[]>> pairs = new ArrayList<>(leads.get(m).entrySet());
        pairs.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -peak(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        XYSeriesCollection lines = new XYSeriesCollection();
        for (Map.Entry<String, int[]> pair : pairs.subList(0, Math.min(MAX_LINES, pairs.size()))) {
            XYSeries series = new XYSeries(pair.getKey());
            for (int t = 0; t <= rounds; t++) {
                series.add(t, replications > 0 ? pair.getValue()[t] / (double) replications : 0);
            }
            lines.addSeries(series);
        }
        XYPlot plot = new XYPlot(lines, ChartStyle.roundAxis(rounds),
                ChartStyle.unitAxis("share of replications in which it leads"), new XYStepRenderer());
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            plot.getRenderer().setSeriesPaint(s, ChartStyle.PALETTE[s % ChartStyle.PALETTE.length]);
            // Wider first: lines that coincide (two coalitions both led by the same delegation in every
            // replication) stay visible as nested bands.
            plot.getRenderer().setSeriesStroke(s, new BasicStroke(Math.max(1.5f, 7f - 0.5f * s)));
        }
        XYSeries changes = new XYSeries("realignments per replication (foundings, merges, dissolutions, successions)");
        for (int t = 0; t <= rounds; t++) {
            changes.add(t, replications > 0 ? realignments[m][t] / (double) replications : 0);
        }
        NumberAxis changeAxis = new NumberAxis("realignments per replication");
        plot.setRangeAxis(1, changeAxis);
        plot.setDataset(1, new XYSeriesCollection(changes));
        plot.mapDatasetToRangeAxis(1, 1);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setSeriesPaint(0, new Color(160, 160, 160, 140));
        plot.setRenderer(1, bars);
        Charts.addEventMarkers(plot, scenario);
        Scenario.Item item = scenario.agenda().get(m);
        return ChartStyle.chart("Leadership over time: " + item.title(),
                "coalitions on '" + item.id() + "' and who leads them, over " + replications
                        + " replications; dashed lines: scenario events", plot, true);
    }

    private static int peak(int[] counts) {
        int peak = 0;
        for (int count : counts) {
            peak = Math.max(peak, count);
        }
        return peak;
    }
}
