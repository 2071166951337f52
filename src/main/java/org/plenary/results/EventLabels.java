package org.plenary.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.plenary.scenario.Scenario;

/**
 * What a scenario's events do, one short label per round for chart markers and stage headers:
 * role changes (withdraw, disengage, re-engage, join, leave) first and by name, and many changes
 * of the same attribute summarised ("41 CEPT salience.human_rights = 0.95") so that a label stays
 * short when dozens of events share a round.
 */
public final class EventLabels {
    /** From this many events of one kind in a round on, they are counted rather than listed. */
    static final int SUMMARISE_FROM = 3;
    /** Labels longer than this end with "+N more" rather than run off the chart. */
    static final int MAX_LENGTH = 70;
    /**
     * The delegation the flagship scenarios ask about (does the assembly still agree without the
     * US?): drawn on every position chart, with or without events, so that a baseline and its
     * variants show the same lines.
     */
    public static final String FOCUS = "USA";

    private EventLabels() {
    }

    /** One label per event round, in round order. */
    public static Map<Integer, String> byRound(Scenario scenario) {
        Map<Integer, List<Scenario.Event>> rounds = new TreeMap<>();
        for (Scenario.Event event : scenario.events()) {
            rounds.computeIfAbsent(event.round(), r -> new ArrayList<>()).add(event);
        }
        Map<Integer, String> labels = new LinkedHashMap<>();
        rounds.forEach((round, events) -> labels.put(round, label(scenario, events)));
        return labels;
    }

    /** The events of one round as a short label. */
    static String label(Scenario scenario, List<Scenario.Event> events) {
        Map<String, List<Scenario.Event>> kinds = new LinkedHashMap<>();
        events.stream().sorted(Comparator.comparingInt(e -> e.type().ordinal()))
                .forEach(e -> kinds.computeIfAbsent(kind(e), k -> new ArrayList<>()).add(e));
        // Role changes first, then summaries of many events, then single attribute changes.
        List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<Scenario.Event> kind : kinds.values()) {
            boolean role = kind.get(0).type() != Scenario.EventType.SET;
            if (kind.size() >= SUMMARISE_FROM && kind.get(0).delegation() != null) {
                parts.get(role ? 0 : 1).add(summary(scenario, kind));
            } else {
                kind.forEach(e -> parts.get(role ? 0 : 2).add(describe(e)));
            }
        }
        return join(parts.stream().flatMap(List::stream).toList());
    }

    private static String join(List<String> parts) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String next = (i == 0 ? "" : "; ") + parts.get(i);
            int left = parts.size() - i;
            if (i > 0 && label.length() + next.length() > MAX_LENGTH) {
                return label + "; +" + left + " more";
            }
            label.append(next);
        }
        return label.toString();
    }

    /** Events of one kind: same type, and for set the same attribute. */
    private static String kind(Scenario.Event event) {
        return event.type() + (event.attribute() != null ? " " + event.attribute() : "")
                + (event.delegation() == null ? " " + event.bloc() : "");
    }

    private static String summary(Scenario scenario, List<Scenario.Event> kind) {
        Set<String> who = kind.stream().map(Scenario.Event::delegation).collect(Collectors.toSet());
        String group = commonBloc(scenario, who);
        String subject = kind.size() + " " + (group != null ? group + " " : "");
        Scenario.Event first = kind.get(0);
        boolean sameValue = kind.stream().allMatch(e -> e.value() == first.value());
        return switch (first.type()) {
            case WITHDRAW -> subject + "delegations withdraw";
            case DISENGAGE -> subject + "delegations disengage";
            case REENGAGE -> subject + "delegations re-engage";
            case SET -> subject + first.attribute() + (sameValue ? " = " + Numbers.format(first.value()) : " changes");
            case JOIN -> subject + "delegations join " + first.bloc();
            case LEAVE -> subject + "delegations leave " + first.bloc();
        };
    }

    /** The first declared bloc every one of these delegations belongs to, or null. */
    private static String commonBloc(Scenario scenario, Set<String> delegations) {
        for (Scenario.Bloc bloc : scenario.blocs()) {
            boolean all = scenario.delegations().stream().filter(d -> delegations.contains(d.id()))
                    .allMatch(d -> d.groups().contains(bloc.id()));
            if (all) {
                return bloc.id();
            }
        }
        return null;
    }

    /** One event in words. */
    public static String describe(Scenario.Event event) {
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

    /**
     * Delegations whose role changes (withdraw, disengage, re-engage), in order of first event,
     * plus the {@linkplain #FOCUS focus delegation} when the scenario has it.
     */
    public static List<String> roleActors(Scenario scenario) {
        List<String> actors = new ArrayList<>();
        if (scenario.delegations().stream().anyMatch(d -> d.id().equals(FOCUS))) {
            actors.add(FOCUS);
        }
        scenario.events().stream().filter(e -> e.delegation() != null)
                .filter(e -> e.type() == Scenario.EventType.WITHDRAW || e.type() == Scenario.EventType.DISENGAGE
                        || e.type() == Scenario.EventType.REENGAGE)
                .map(Scenario.Event::delegation).filter(d -> !actors.contains(d)).forEach(actors::add);
        return actors;
    }

    /**
     * A vertical dashed line per event round, labelled with what happens; labels are staggered
     * so that events in nearby rounds do not print over each other.
     */
    public static void addMarkers(XYPlot plot, Map<Integer, String> labels) {
        int index = 0;
        for (Map.Entry<Integer, String> entry : labels.entrySet()) {
            ValueMarker marker = new ValueMarker(entry.getKey(), new Color(90, 90, 90), new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            marker.setLabel(entry.getValue());
            marker.setLabelFont(ChartStyle.SUBTITLE_FONT.deriveFont(11f));
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4 + 16 * (index++ % 4), 4, 4, 4));
            plot.addDomainMarker(marker);
        }
    }

    /** The round a delegation withdraws in, or -1 when it never does. */
    public static int withdrawalRound(Scenario scenario, String delegation) {
        return scenario.events().stream()
                .filter(e -> e.type() == Scenario.EventType.WITHDRAW && delegation.equals(e.delegation()))
                .mapToInt(Scenario.Event::round).min().orElse(-1);
    }
}
