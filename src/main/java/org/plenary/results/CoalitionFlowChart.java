package org.plenary.results;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.flow.FlowPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.flow.DefaultFlowDataset;
import org.jfree.data.flow.NodeKey;
import org.plenary.scenario.Scenario;

/**
 * How coalitions re-form across the stages of a run (start, each event round, end) in one
 * replication chosen by a stated rule ({@link FlowReplication}). With coalition formation on there
 * is one chart per agenda item, from the start to the item's last open round: a coalition is the
 * model's own (its id, ODD 7.4b), and its label names its leader and the bloc it stands for at
 * each stage ({@link CoalitionNamer#byLeaderAndBloc}). Otherwise a coalition keeps its identity,
 * name and colour from stage to stage when it is the same group of delegations: each coalition is
 * matched to the previous stage's coalition it shares the most members with, provided they share
 * at least half of the smaller one (greedily, largest overlaps first); otherwise it is new, named
 * by a {@link CoalitionNamer} when it first appears.
 */
public final class CoalitionFlowChart {
    static final String UNALIGNED = "unaligned";
    static final String WITHDRAWN = "withdrawn";
    /** A matched coalition shares at least this share of the smaller of the two's members. */
    static final double MATCH = 0.5;
    /**
     * Bands under this share of a column (delegations, or capability) are drawn but not labelled:
     * two such labels side by side would print over each other.
     */
    static final double LABEL_MIN = 0.025;
    private static final Color UNALIGNED_COLOUR = new Color(200, 200, 200);
    private static final Color WITHDRAWN_COLOUR = new Color(60, 60, 60);

    private CoalitionFlowChart() {
    }

    /**
     * A node of the flow: ordered by identity (so a coalition keeps its place), named by its label,
     * which it prints only when {@code labelled}.
     */
    record Node(int order, String label, boolean labelled) implements Comparable<Node> {
        @Override
        public int compareTo(Node other) {
            return Integer.compare(order, other.order);
        }

        @Override
        public String toString() {
            return labelled ? label : "";
        }
    }

    /**
     * Each delegation's identity at each stage (coalition identity >= 0, or UNALIGNED_ID,
     * WITHDRAWN_ID), and each identity's name at each stage where it appears.
     */
    record Identities(int[][] byStage, List<Map<Integer, String>> names) {
        static final int UNALIGNED_ID = -1;
        static final int WITHDRAWN_ID = -2;

        int count() {
            return names.stream().flatMap(n -> n.keySet().stream()).mapToInt(id -> id + 1).max().orElse(0);
        }
    }

    /**
     * Identifies the coalitions across stages, by their own ids when they have them, else by
     * their members, and names them: coalitions with ids at every stage, the others when they first appear.
     */
    static Identities identities(FlowReplication.Stages stages, int delegations, CoalitionNamer namer) {
        int[][] byStage = new int[stages.rounds().size()][delegations];
        List<Map<Integer, String>> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> firstNames = new ArrayList<>();
        List<FlowReplication.Group> previous = List.of();
        int[] previousIds = new int[0];
        for (int s = 0; s < byStage.length; s++) {
            List<FlowReplication.Group> current = stages.coalitions().get(s);
            boolean[] withdrawn = stages.withdrawn().get(s);
            int[] identity = new int[current.size()];
            Arrays.fill(identity, -1);
            if (current.stream().allMatch(g -> g.id() != null)) {
                for (int c = 0; c < current.size(); c++) {
                    String id = current.get(c).id();
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                    identity[c] = ids.indexOf(id);
                }
            } else {
                matchByMembers(current, previous, previousIds, identity);
            }
            Map<Integer, String> stageNames = new HashMap<>();
            for (int c = 0; c < current.size(); c++) {
                String name = namer.name(current.get(c), withdrawn);
                if (current.get(c).id() == null) {
                    if (identity[c] < 0) {
                        identity[c] = firstNames.size();
                        firstNames.add(unique(name, firstNames));
                    }
                    name = firstNames.get(identity[c]);
                }
                stageNames.put(identity[c], name);
            }
            names.add(stageNames);
            Arrays.fill(byStage[s], Identities.UNALIGNED_ID);
            for (int c = 0; c < current.size(); c++) {
                for (int member : current.get(c).members()) {
                    byStage[s][member] = identity[c];
                }
            }
            for (int i = 0; i < delegations; i++) {
                if (withdrawn[i]) {
                    byStage[s][i] = Identities.WITHDRAWN_ID;
                }
            }
            previous = current;
            previousIds = identity;
        }
        return new Identities(byStage, names);
    }

    /** Gives each current coalition the identity of the previous one it mostly continues, largest overlaps first. */
    private static void matchByMembers(List<FlowReplication.Group> current, List<FlowReplication.Group> previous,
                                       int[] previousIds, int[] identity) {
        boolean[] taken = new boolean[previous.size()];
        List<int[]> pairs = new ArrayList<>(); // {overlap, current index, previous index}
        for (int c = 0; c < current.size(); c++) {
            for (int p = 0; p < previous.size(); p++) {
                int[] a = current.get(c).members();
                int[] b = previous.get(p).members();
                int overlap = overlap(a, b);
                if (overlap >= MATCH * Math.min(a.length, b.length) && overlap > 0) {
                    pairs.add(new int[] {overlap, c, p});
                }
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(a -> -a[0]).thenComparingInt(a -> a[1]).thenComparingInt(a -> a[2]));
        for (int[] pair : pairs) {
            if (identity[pair[1]] < 0 && !taken[pair[2]]) {
                identity[pair[1]] = previousIds[pair[2]];
                taken[pair[2]] = true;
            }
        }
    }

    /** The name, or "name #2", "name #3", ... when an earlier coalition took it (not "(2)": read as a count). */
    private static String unique(String name, List<String> names) {
        String candidate = name;
        for (int n = 2; names.contains(candidate); n++) {
            candidate = name + " #" + n;
        }
        return candidate;
    }

    private static int overlap(int[] a, int[] b) {
        int count = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                count++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    /** The file names of the flow charts: one per item with formation on, with "-capability" before ".png" for the other. */
    static String fileName(Scenario scenario, FlowReplication flow, int index, boolean byCapability) {
        String item = flow.perItem() ? "-" + scenario.agenda().get(index).id() : "";
        return "coalition-flow" + item + (byCapability ? "-capability" : "") + ".png";
    }

    /**
     * The chart of one flow (index into {@link FlowReplication#chosen()}, the item with formation
     * on): band width is the number of delegations, or with {@code byCapability} their capability
     * (as declared in the scenario) as a share of the total.
     */
    public static JFreeChart chart(Scenario scenario, FlowReplication flow, int index, CoalitionNamer namer,
                                   boolean byCapability) {
        FlowReplication.Stages stages = flow.chosen().get(index);
        List<Integer> rounds = stages.rounds();
        int n = scenario.delegations().size();
        Identities identities = identities(stages, n, namer);
        double total = scenario.delegations().stream().mapToDouble(Scenario.Delegation::capability).sum();
        DefaultFlowDataset<Node> data = new OrderedFlowDataset();
        List<Map<Integer, Node>> nodes = new ArrayList<>();
        for (int s = 0; s < rounds.size(); s++) {
            Map<Integer, double[]> sizes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                double[] size = sizes.computeIfAbsent(identities.byStage()[s][i], id -> new double[2]);
                size[0]++;
                size[1] += scenario.delegations().get(i).capability() / total;
            }
            Map<Integer, Node> stageNodes = new HashMap<>();
            int stage = s;
            sizes.forEach((id, size) -> {
                double share = byCapability ? size[1] : size[0] / n;
                String amount = byCapability ? String.format(Locale.ROOT, "%.0f%%", 100 * size[1])
                        : String.valueOf((int) size[0]);
                stageNodes.put(id, new Node(order(id, identities), label(id, identities, stage) + ": " + amount,
                        share >= LABEL_MIN));
            });
            nodes.add(stageNodes);
        }
        for (int s = 1; s < rounds.size(); s++) {
            Map<List<Integer>, Double> flows = new TreeMap<>(Comparator.<List<Integer>>comparingInt(k -> k.get(0))
                    .thenComparingInt(k -> k.get(1)));
            for (int i = 0; i < n; i++) {
                double weight = byCapability ? scenario.delegations().get(i).capability() / total : 1;
                flows.merge(List.of(identities.byStage()[s - 1][i], identities.byStage()[s][i]), weight, Double::sum);
            }
            int stage = s - 1;
            Map<Integer, Node> from = nodes.get(s - 1);
            Map<Integer, Node> to = nodes.get(s);
            flows.forEach((ends, weight) -> data.setFlow(stage, from.get(ends.get(0)), to.get(ends.get(1)), weight));
        }
        StagedFlowPlot plot = new StagedFlowPlot(data, headers(scenario, stages));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDefaultNodeLabelFont(ChartStyle.SUBTITLE_FONT.deriveFont(12f));
        plot.setNodeWidth(14);
        plot.setNodeMargin(0.015);
        for (int s = 0; s < rounds.size(); s++) {
            for (Map.Entry<Integer, Node> node : nodes.get(s).entrySet()) {
                plot.setNodeFillColor(new NodeKey<>(s, node.getValue()), colour(node.getKey()));
            }
        }
        String width = (byCapability ? "band width = share of capability (as declared in the scenario)"
                : "band width = number of delegations") + "; bands under " + Numbers.format(100 * LABEL_MIN)
                + "% unlabelled";
        String naming = flow.perItem()
                ? "one colour per coalition; named by its leader, and by its bloc if the bloc supplies most of its"
                        + " members and it holds most of the bloc"
                : "a coalition keeps its name and colour while it holds most of the same delegations; named after its"
                        + " largest blocs when it first appears";
        String subject = flow.perItem() ? " on " + scenario.agenda().get(index).id() : "";
        JFreeChart chart = ChartStyle.chart("How coalitions" + subject + " re-form (replication "
                + stages.replication() + ")", "shown: " + flow.rule(), plot, false);
        for (String line : List.of((flow.perItem() ? scenario.agenda().get(index).title() + "; " : "") + width, naming)) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle(line, ChartStyle.SUBTITLE_FONT.deriveFont(12f)));
        }
        return chart;
    }

    /**
     * "start", "round r: event" for each event round (and "round 1: first choices" in a flow per item),
     * then the end: the last round, or the round the item closed with how it ended.
     */
    private static List<String> headers(Scenario scenario, FlowReplication.Stages stages) {
        List<String> headers = new ArrayList<>();
        Map<Integer, String> events = EventLabels.byRound(scenario);
        List<Integer> rounds = stages.rounds();
        for (int s = 0; s < rounds.size(); s++) {
            int round = rounds.get(s);
            String event = events.get(round);
            if (s == 0) {
                headers.add("start");
            } else if (s < rounds.size() - 1) {
                headers.add("round " + round + ": " + (event != null ? event : "first choices"));
            } else if (stages.ending() != null) {
                headers.add("round " + round + ": " + stages.ending() + (event != null ? "; " + event : ""));
            } else {
                headers.add("end (round " + round + ")");
            }
        }
        return headers;
    }

    private static int order(int id, Identities identities) {
        return id >= 0 ? id : identities.count() + (id == Identities.UNALIGNED_ID ? 0 : 1);
    }

    private static String label(int id, Identities identities, int stage) {
        return id >= 0 ? identities.names().get(stage).get(id) : id == Identities.UNALIGNED_ID ? UNALIGNED : WITHDRAWN;
    }

    private static Color colour(int id) {
        if (id == Identities.UNALIGNED_ID) {
            return UNALIGNED_COLOUR;
        }
        if (id == Identities.WITHDRAWN_ID) {
            return WITHDRAWN_COLOUR;
        }
        return ChartStyle.HUES[id % ChartStyle.HUES.length];
    }

    /** Lists each stage's nodes in identity order, so a coalition keeps its place from stage to stage. */
    static final class OrderedFlowDataset extends DefaultFlowDataset<Node> {
        @Override
        public List<Node> getSources(int stage) {
            return super.getSources(stage).stream().sorted().toList();
        }

        @Override
        public List<Node> getDestinations(int stage) {
            return super.getDestinations(stage).stream().sorted().toList();
        }
    }

    /** A flow plot with a header above each stage's column of nodes. */
    static final class StagedFlowPlot extends FlowPlot {
        private static final int HEADER_HEIGHT = 22;
        private final List<String> headers;

        StagedFlowPlot(DefaultFlowDataset<Node> data, List<String> headers) {
            super(data);
            this.headers = List.copyOf(headers);
        }

        List<String> headers() {
            return headers;
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                         PlotRenderingInfo info) {
            Rectangle2D flows = new Rectangle2D.Double(area.getX(), area.getY() + HEADER_HEIGHT, area.getWidth(),
                    area.getHeight() - HEADER_HEIGHT);
            super.draw(g2, flows, anchor, parentState, info);
            RectangleInsets insets = getInsets();
            double left = area.getX() + insets.getLeft();
            double width = area.getWidth() - insets.getLeft() - insets.getRight();
            int columns = headers.size();
            // FlowPlot's layout: node column c starts at left + c * (node width + stage width).
            double stageWidth = (width - columns * getNodeWidth()) / (columns - 1);
            Font font = ChartStyle.SUBTITLE_FONT.deriveFont(Font.BOLD, 12f);
            g2.setFont(font);
            g2.setPaint(new Color(50, 50, 50));
            FontMetrics metrics = g2.getFontMetrics();
            double y = area.getY() + insets.getTop() + metrics.getAscent();
            for (int c = 0; c < columns; c++) {
                double x = left + c * (getNodeWidth() + stageWidth);
                double room = c == 0 || c == columns - 1 ? stageWidth / 2 : stageWidth;
                String text = fit(headers.get(c), metrics, room);
                double textWidth = metrics.stringWidth(text);
                double textX = c == 0 ? x : c == columns - 1 ? x + getNodeWidth() - textWidth
                        : x + getNodeWidth() / 2 - textWidth / 2;
                g2.drawString(text, (float) textX, (float) y);
            }
        }

        private static String fit(String text, FontMetrics metrics, double room) {
            if (metrics.stringWidth(text) <= room) {
                return text;
            }
            String shorter = text;
            while (shorter.length() > 1 && metrics.stringWidth(shorter + "\u2026") > room) {
                shorter = shorter.substring(0, shorter.length() - 1);
            }
            return shorter + "\u2026";
        }
    }

    /** The node labels at each stage, top to bottom (printed or not), for tests. */
    static List<List<String>> labels(JFreeChart chart) {
        return nodes(chart).stream().map(stage -> stage.stream().map(Node::label).toList()).toList();
    }

    /** The nodes at each stage, top to bottom. */
    static List<List<Node>> nodes(JFreeChart chart) {
        FlowPlot plot = (FlowPlot) chart.getPlot();
        List<List<Node>> nodes = new ArrayList<>();
        for (int s = 0; s <= plot.getDataset().getStageCount(); s++) {
            List<?> stageNodes = s < plot.getDataset().getStageCount() ? plot.getDataset().getSources(s)
                    : plot.getDataset().getDestinations(s - 1);
            nodes.add(stageNodes.stream().map(Node.class::cast).toList());
        }
        return nodes;
    }

    /** Identity name to its colour, for tests. */
    static Map<String, Color> colours(JFreeChart chart) {
        FlowPlot plot = (FlowPlot) chart.getPlot();
        Map<String, Color> colours = new LinkedHashMap<>();
        for (Object key : plot.getDataset().getAllNodes()) {
            NodeKey<?> node = (NodeKey<?>) key;
            colours.put(node.getStage() + ":" + ((Node) node.getNode()).label(), plot.getNodeFillColor(node));
        }
        return colours;
    }
}
