package org.plenary.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.scenario.Scenario;
import org.plenary.sim.Experiment;
import org.plenary.testing.Scenarios;

/** One coalition flow per item with coalition formation on: what each draws, and how coalitions are named. */
class CoalitionFlowPerItemTest {
    @TempDir
    Path dir;

    /**
     * Item m weighs dimension a, item n dimension b. No blocs: on m, A and B (a 0.1, 0.15) found one
     * coalition and C and D (0.9, 0.95) another; on n, A and C (b 0.1, 0.15) and B and D (0.9, 0.95).
     * E (0.5, 0.5) is beyond reach of everyone and stands alone, with 0.01 of capability. D and E
     * withdraw in round 2, so the coalition D was in dissolves (fewer than 2 members); m closes by
     * vote at its deadline, round 3, n at round 5.
     */
    private static final String TWO_ITEMS = """
            name: two-items
            rounds: 6
            replications: 2
            dimensions: [{id: a}, {id: b}]
            influence: {model: none, anchor: 0, noise: 0}
            delegation_defaults: {salience: 1, capability: 1}
            delegations:
              - {id: A, position: {a: 0.1, b: 0.1}}
              - {id: B, position: {a: 0.15, b: 0.9}}
              - {id: C, position: {a: 0.9, b: 0.15}}
              - {id: D, position: {a: 0.95, b: 0.95}}
              - {id: E, position: {a: 0.5, b: 0.5}, capability: 0.01}
            agenda:
              - {id: m, weights: {a: 1}, status_quo: {a: 0.5}, deadline: 3}
              - {id: n, weights: {b: 1}, status_quo: {b: 0.5}, deadline: 5}
            decision: {rule: vote}
            coalition_formation: {model: alliance, reach: 0.3}
            events:
              - {round: 2, type: withdraw, delegation: D}
              - {round: 2, type: withdraw, delegation: E}
            """;

    private RunAggregate run(Scenario scenario) throws InterruptedException {
        RunAggregate aggregate = new RunAggregate(scenario);
        Experiment.run(scenario, 0, 2, aggregate::add);
        return aggregate;
    }

    private static List<String> sorted(List<String> labels) {
        return labels.stream().sorted().toList();
    }

    @Test
    void eachItemHasItsOwnFlowFromTheSeedsToItsLastOpenRound() throws Exception {
        Scenario scenario = Scenarios.load(dir, TWO_ITEMS);
        RunAggregate aggregate = run(scenario);
        FlowReplication flow = aggregate.flowReplication();
        assertTrue(flow.perItem());
        assertEquals(2, flow.chosen().size(), "one flow per item");
        assertEquals(List.of(0, 1, 2, 3), flow.chosen().get(0).rounds(), "m: seeds, first choices, event, closed in 3");
        assertEquals(List.of(0, 1, 2, 5), flow.chosen().get(1).rounds(), "n closes in round 5");

        JFreeChart m = CoalitionFlowChart.chart(scenario, flow, 0, CoalitionNamer.byLeaderAndBloc(scenario), false);
        JFreeChart n = CoalitionFlowChart.chart(scenario, flow, 1, CoalitionNamer.byLeaderAndBloc(scenario), false);
        assertTrue(m.getTitle().getText().startsWith("How coalitions on m re-form"), m.getTitle().getText());
        assertTrue(n.getTitle().getText().startsWith("How coalitions on n re-form"), n.getTitle().getText());
        assertEquals(List.of("start", "round 1: first choices", "round 2: D withdraws; E withdraws",
                "round 3: vote-adopted"), ((CoalitionFlowChart.StagedFlowPlot) m.getPlot()).headers());
        assertEquals("round 5: vote-adopted", ((CoalitionFlowChart.StagedFlowPlot) n.getPlot()).headers().get(3));

        List<List<String>> onM = CoalitionFlowChart.labels(m);
        List<List<String>> onN = CoalitionFlowChart.labels(n);
        assertEquals(List.of("unaligned: 5"), onM.get(0), "no bloc seeds a coalition");
        // Equal claims: the leader is the member whose id comes first (ODD 7.4b).
        assertEquals(List.of("led by A: 2", "led by C: 2", "unaligned: 1"), sorted(onM.get(1)));
        assertEquals(List.of("led by A: 2", "led by B: 2", "unaligned: 1"), sorted(onN.get(1)),
                "n's coalitions are not m's");
        assertEquals(List.of("led by A: 2", "unaligned: 1", "withdrawn: 2"), sorted(onM.get(3)),
                "C is alone once D has withdrawn; the last column is m's last open round, not the run's end");
        assertEquals(List.of("led by A: 2", "unaligned: 1", "withdrawn: 2"), sorted(onN.get(3)));
        assertNotEquals(onM, onN);
    }

    @Test
    void bandsTooThinToLabelAreDrawnUnlabelled() throws Exception {
        Scenario scenario = Scenarios.load(dir, TWO_ITEMS);
        FlowReplication flow = run(scenario).flowReplication();
        CoalitionNamer namer = CoalitionNamer.byLeaderAndBloc(scenario);
        JFreeChart capability = CoalitionFlowChart.chart(scenario, flow, 0, namer, true);
        // Round 1: E alone is the unaligned band, 0.01 of 4.01 capability, under the 2.5% that gets a label.
        CoalitionFlowChart.Node alone = CoalitionFlowChart.nodes(capability).get(1).stream()
                .filter(node -> node.label().startsWith("unaligned")).findFirst().orElseThrow();
        assertEquals("unaligned: 0%", alone.label());
        assertEquals("", alone.toString(), "not printed");
        CoalitionFlowChart.Node coalition = CoalitionFlowChart.nodes(capability).get(1).get(0);
        assertEquals(coalition.label(), coalition.toString(), "printed: " + coalition.label());
        JFreeChart count = CoalitionFlowChart.chart(scenario, flow, 0, namer, false);
        assertTrue(CoalitionFlowChart.nodes(count).get(1).stream().allMatch(node -> node.toString().equals(node.label())),
                "one delegation of five is a fifth of the column: every band is labelled");
    }

    @Test
    void everyItemGetsItsChartFilesAndNoAssemblyWideFlow() throws Exception {
        Scenario scenario = Scenarios.load(dir, TWO_ITEMS);
        Path charts = Files.createDirectories(dir.resolve("charts"));
        ChartBatch batch = new ChartBatch();
        Charts.addAll(run(scenario), batch);
        List<String> files = batch.draw(charts, 2);
        for (String file : List.of("coalition-flow-m.png", "coalition-flow-m-capability.png", "coalition-flow-n.png",
                "coalition-flow-n-capability.png")) {
            assertTrue(files.contains(file) && Files.isRegularFile(charts.resolve(file)), file);
        }
        assertFalse(files.contains("coalition-flow.png"), "one coalition per delegation and item: no assembly-wide flow");
    }

    /** Five APT members P1..P5 and one RCC member R. */
    private static final String BLOCS = """
            name: blocs
            rounds: 1
            dimensions: [{id: a}]
            delegation_defaults: {salience: 1, capability: 1}
            delegations:
              - {id: P1, groups: [APT], position: {a: 0.5}}
              - {id: P2, groups: [APT], position: {a: 0.5}}
              - {id: P3, groups: [APT], position: {a: 0.5}}
              - {id: P4, groups: [APT], position: {a: 0.5}}
              - {id: P5, groups: [APT], position: {a: 0.5}}
              - {id: R, groups: [RCC], position: {a: 0.5}}
            blocs: [{id: APT, cohesion: 0.5}, {id: RCC, cohesion: 0.5}]
            """;

    @Test
    void aBlocNamesACoalitionOnlyWhenItSuppliesMostOfItAndTheCoalitionHoldsMostOfTheBloc() throws Exception {
        Scenario scenario = Scenarios.load(dir, BLOCS);
        CoalitionNamer namer = CoalitionNamer.byLeaderAndBloc(scenario);
        boolean[] none = new boolean[6];
        // Two of five APT members with R: APT is two thirds of the coalition, but the coalition holds 2 of 5 APT members.
        assertNull(CoalitionNamer.standsFor(scenario, new int[] {0, 1, 5}, none));
        assertEquals("led by P1", namer.name(new FlowReplication.Group(new int[] {0, 1, 5}, "F1@x", "P1"), none));
        // Three of five: most of the coalition and most of the bloc.
        assertEquals("APT, led by P1", namer.name(new FlowReplication.Group(new int[] {0, 1, 2, 5}, "F1@x", "P1"), none));
        // Half the coalition is not most of it.
        assertNull(CoalitionNamer.standsFor(scenario, new int[] {0, 5}, none));
        // Once P4 and P5 have withdrawn, two of the three APT members left are most of the bloc.
        boolean[] withdrawn = {false, false, false, true, true, false};
        assertEquals("APT", CoalitionNamer.standsFor(scenario, new int[] {0, 1, 5}, withdrawn));
        assertEquals("no bloc", namer.name(new FlowReplication.Group(new int[] {0, 5}, "F1@x", null), none));
    }
}
