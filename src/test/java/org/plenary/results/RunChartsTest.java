package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;

/** What the run charts draw: event labels and actors, the coalition flow, outcome and vote charts. */
class RunChartsTest {

    private static Scenario load(String file, String... sets) throws Exception {
        List<Overrides.Assignment> assignments = new ArrayList<>();
        for (String set : sets) {
            assignments.add(Overrides.Assignment.parse(set));
        }
        return ScenarioLoader.load(Path.of(file), assignments).scenario();
    }

    private static RunAggregate run(Scenario scenario) throws InterruptedException {
        RunAggregate aggregate = new RunAggregate(scenario);
        Experiment.run(scenario, 0, 2, aggregate::add);
        return aggregate;
    }

    private static String subtitle(JFreeChart chart, int index) {
        return chart.getSubtitles().stream().filter(TextTitle.class::isInstance).map(t -> ((TextTitle) t).getText())
                .toList().get(index);
    }

    @Test
    void manyEventsInOneRoundAreSummarisedInAShortLabel() throws Exception {
        Scenario europe = load("scenarios/europe-coordinates.yaml");
        long atTen = europe.events().stream().filter(e -> e.round() == 10).count();
        assertTrue(atTen > 40, "the scenario's 41 salience changes and more at round 10");
        String label = EventLabels.byRound(europe).get(10);
        assertTrue(label.startsWith("USA withdraws"), label);
        assertTrue(label.contains("41 CEPT salience.human_rights = 0.95"), label);
        assertTrue(label.length() <= EventLabels.MAX_LENGTH + 12, label);
    }

    @Test
    void positionChartsDrawBlocsAndTheFocusDelegationOnlyEndingAtItsWithdrawal() throws Exception {
        Scenario europe = load("scenarios/europe-coordinates.yaml", "replications=2", "rounds=14");
        assertEquals(List.of("USA"), EventLabels.roleActors(europe), "salience changes do not make actors");
        Scenario baseline = load("scenarios/itu-baseline.yaml");
        assertEquals(List.of("USA"), EventLabels.roleActors(baseline), "the US is drawn without events too");

        JFreeChart chart = Charts.positions(run(europe), 1);
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        int blocs = BlocRoster.blocs(europe).size();
        assertEquals(blocs + 1, data.getSeriesCount(), "bloc means plus the US, not ~50 event actors");
        XYSeries usa = data.getSeries(data.getSeriesCount() - 1);
        assertEquals("USA (until it withdraws)", usa.getKey());
        assertEquals(10, usa.getMaxX(), "the line ends at the withdrawal");
        assertEquals(14, data.getSeries(0).getMaxX(), "bloc lines run to the end");
        List<String> markers = new ArrayList<>();
        for (Object marker : chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            markers.add(((Marker) marker).getLabel());
        }
        assertEquals(2, markers.size(), "one marker per event round: " + markers);
        assertTrue(markers.get(1).length() < 90, markers.get(1));
    }

    private static List<FlowReplication.Group> groups(int[]... members) {
        return java.util.Arrays.stream(members).map(FlowReplication.Group::new).toList();
    }

    @Test
    void identitiesFollowTheMembersAcrossStages() {
        FlowReplication.Stages stages = new FlowReplication.Stages(3, List.of(0, 5, 9),
                List.of(groups(new int[] {0, 1, 2}, new int[] {3, 4}),
                        groups(new int[] {3, 4, 5}, new int[] {0, 1}),
                        groups(new int[] {0, 1, 3, 4, 5})),
                List.of(new boolean[7], new boolean[7], new boolean[] {false, false, true, false, false, false, false}),
                null);
        CoalitionFlowChart.Identities identities = CoalitionFlowChart.identities(stages, 7,
                (coalition, withdrawn) -> "of " + coalition.members()[0]);
        assertEquals(Map.of(0, "of 0", 1, "of 3"), identities.names().get(0));
        assertEquals(Map.of(0, "of 0", 1, "of 3"), identities.names().get(1),
                "no new identity, and no new name, when coalitions keep members");
        int[][] byStage = identities.byStage();
        assertEquals(0, byStage[1][0], "{0,1} is still the coalition of {0,1,2}");
        assertEquals(1, byStage[1][5], "{3,4,5} is still the coalition of {3,4}");
        assertEquals(CoalitionFlowChart.Identities.UNALIGNED_ID, byStage[1][2]);
        assertEquals(1, byStage[2][0], "a merger keeps the identity of the larger overlap");
        assertEquals(CoalitionFlowChart.Identities.WITHDRAWN_ID, byStage[2][2]);
        assertEquals(CoalitionFlowChart.Identities.UNALIGNED_ID, byStage[2][6]);
    }

    @Test
    void flowChartKeepsColoursNamesByBlocsAndHeadsEachStage() throws Exception {
        Scenario small = load("scenarios/small-assembly.yaml", "replications=3");
        RunAggregate aggregate = run(small);
        FlowReplication flow = aggregate.flowReplication();
        assertFalse(flow.perItem(), "without coalition formation, one flow of the assembly's coalitions");
        assertEquals(1, flow.chosen().size());
        assertEquals("coalition-flow.png", CoalitionFlowChart.fileName(small, flow, 0, false));
        JFreeChart chart = CoalitionFlowChart.chart(small, flow, 0, CoalitionNamer.byBlocs(small), false);
        CoalitionFlowChart.StagedFlowPlot plot = (CoalitionFlowChart.StagedFlowPlot) chart.getPlot();
        List<String> headers = plot.headers();
        assertEquals(flow.chosen().get(0).rounds().size(), headers.size());
        assertEquals("start", headers.get(0));
        assertEquals("end (round 60)", headers.get(headers.size() - 1));
        assertTrue(headers.stream().anyMatch(h -> h.contains("USA withdraws")), headers.toString());
        assertTrue(chart.getTitle().getText().contains("replication " + flow.chosen().get(0).replication()));
        assertTrue(subtitle(chart, 0).contains("the first with the most common outcome"), subtitle(chart, 0));
        Map<String, Color> colours = CoalitionFlowChart.colours(chart);
        List<List<String>> labels = CoalitionFlowChart.labels(chart);
        assertTrue(labels.get(labels.size() - 1).contains("withdrawn: 1"), labels.toString());
        // the same coalition name has the same colour at every stage, and no name carries a number in brackets
        Map<String, Color> byName = new java.util.HashMap<>();
        colours.forEach((key, colour) -> {
            String name = key.substring(key.indexOf(':') + 1).replaceAll(": \\d+$", "");
            assertFalse(name.matches(".*\\(\\d+\\).*"), "a bracketed number reads as a count: " + name);
            Color seen = byName.putIfAbsent(name, colour);
            assertTrue(seen == null || seen.equals(colour), name + " changes colour");
        });
        for (String name : byName.keySet()) {
            assertFalse(name.matches("[A-Z]{3} \\+\\d+"), "named by blocs, not 'JPN +121': " + name);
        }
        JFreeChart capability = CoalitionFlowChart.chart(small, flow, 0, CoalitionNamer.byBlocs(small), true);
        assertTrue(subtitle(capability, 1).contains("capability"));
        assertTrue(CoalitionFlowChart.labels(capability).get(0).stream().allMatch(l -> l.endsWith("%")));
    }

    @Test
    void blocNamesCoverMostMembers() throws Exception {
        Scenario small = load("scenarios/small-assembly.yaml");
        CoalitionNamer namer = CoalitionNamer.byBlocs(small);
        int[] all = new int[small.delegations().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        String name = namer.name(new FlowReplication.Group(all), new boolean[all.length]);
        assertTrue(name.contains(" + "), "a mixed assembly is named by several blocs: " + name);
    }

    @Test
    void outcomesOnTheBottomAxisAndVoteTalliesWhereItemsWentToAVote() throws Exception {
        Scenario contested = load("scenarios/small-assembly.yaml", "replications=2",
                "delegation_defaults.objection_threshold=0", "rounds=42");
        RunAggregate aggregate = run(contested);
        CategoryPlot outcomes = Charts.outcomes(aggregate).getCategoryPlot();
        assertEquals(AxisLocation.BOTTOM_OR_RIGHT, outcomes.getRangeAxisLocation());
        JFreeChart votes = Charts.votes(aggregate);
        assertNotNull(votes);
        CategoryPlot plot = votes.getCategoryPlot();
        assertEquals(List.of("yes", "no", "abstain"), plot.getDataset().getRowKeys());
        assertTrue(plot.getDataset().getColumnKeys().contains("res-hr-standards"));
        double total = 0;
        for (int row = 0; row < 3; row++) {
            total += plot.getDataset().getValue(row, plot.getDataset().getColumnIndex("res-hr-standards")).doubleValue();
        }
        assertTrue(total > 20 && total <= contested.delegations().size(), "a tally of delegations: " + total);
        assertTrue(subtitle(votes, 0).contains("res-hr-standards " + Charts.voteTally(aggregate, 0)));
        Scenario consensual = load("scenarios/small-assembly.yaml", "replications=1", "rounds=5");
        assertNull(Charts.votes(run(consensual)), "no vote, no vote chart");
    }

    @Test
    void draftChartsNameTheStatusQuoInTheSubtitleNotOnTheLine() throws Exception {
        Scenario small = load("scenarios/small-assembly.yaml", "replications=1", "rounds=5");
        JFreeChart draft = Charts.draft(run(small), 0);
        XYPlot plot = draft.getXYPlot();
        for (Object marker : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            assertNull(((ValueMarker) marker).getLabel());
        }
        assertTrue(subtitle(draft, 0).contains("status quo (") && subtitle(draft, 0).contains("human rights 0.2"), subtitle(draft, 0));
        assertNotEquals(0, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    }
}
