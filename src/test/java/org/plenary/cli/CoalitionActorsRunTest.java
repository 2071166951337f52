package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run with coalitions as actors and agenda-setting: the new tables, their columns, the same bytes at any thread count. */
class CoalitionActorsRunTest {
    private static final List<String> TABLES = List.of("leaders.csv", "proposals.csv", "coalition-events.csv",
            "coalitions.csv", "items.csv", "outcomes.csv", "leaders-at-events.csv");

    @TempDir
    Path dir;

    private Path run(String label, String... extra) throws Exception {
        Path out = dir.resolve(label);
        List<String> args = new java.util.ArrayList<>(List.of("run", "scenarios/small-assembly.yaml", "--out",
                out.toString(), "--replications", "2", "--rounds", "12"));
        args.addAll(List.of(extra));
        CliTest.Result result = CliTest.plenary(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        try (Stream<Path> runs = Files.list(out.resolve("small-assembly"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static final String[] V2 = {"--set", "coalition_formation.model=alliance", "--set",
        "agenda_setting.model=tabling", "--set", "agenda.res-hr-standards.sponsor=EU",
        "--set", "blocs.CITEL.leaders=[USA, CAN]"};

    @Test
    void theNewTablesHaveTheirContractColumnsAndTheSameBytesAtAnyThreadCount() throws Exception {
        String[] one = Stream.concat(Stream.of(V2), Stream.of("--threads", "1")).toArray(String[]::new);
        String[] two = Stream.concat(Stream.of(V2), Stream.of("--threads", "2")).toArray(String[]::new);
        Path first = run("one", one);
        Path second = run("two", two);
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(first.resolve(table)), Files.readAllBytes(second.resolve(table)), table);
        }
        List<String> leaders = Files.readAllLines(first.resolve("leaders.csv"));
        assertEquals("replication,round,group,leader", leaders.get(0));
        assertTrue(leaders.contains("1,0,CITEL@res-hr-standards,USA"), "the declared leader leads from round 0");
        List<String> proposals = Files.readAllLines(first.resolve("proposals.csv"));
        assertEquals("replication,round,item,sponsor,mandate_scope,human_rights,sovereignty", proposals.get(0));
        // EU's members all joined the stronger CEPT coalition, which then holds the EU's pen (ODD 7.6b).
        assertTrue(proposals.get(1).startsWith("1,1,res-hr-standards,CEPT@res-hr-standards,"), proposals.get(1));
        assertEquals("replication,round,item,event,coalition,delegation,other",
                Files.readAllLines(first.resolve("coalition-events.csv")).get(0));
        List<String> coalitions = Files.readAllLines(first.resolve("coalitions.csv"));
        assertTrue(coalitions.get(0).startsWith("replication,round,coalition,size,capability_share,members,"));
        assertTrue(coalitions.stream().skip(1).allMatch(row -> row.split(",")[2].contains("@")),
                "formed coalitions carry their own ids");
    }

    @Test
    void withTheMechanismsOffThereAreNoNewTablesAndCoalitionsAreTheDetectedClusters() throws Exception {
        Path v1 = run("v1");
        for (String table : List.of("leaders.csv", "proposals.csv", "coalition-events.csv", "leaders-at-events.csv")) {
            assertFalse(Files.exists(v1.resolve(table)), table);
        }
        assertTrue(Files.readAllLines(v1.resolve("coalitions.csv")).get(1).split(",")[2].matches("C\\d+"));
    }

    @Test
    void theRunPrintsAndReportsWhoLeadsBeforeAndAfterEachEvent() throws Exception {
        Path scenario = org.plenary.testing.Scenarios.write(dir, "succession.yaml",
                org.plenary.testing.Scenarios.SUCCESSION);
        Path out = dir.resolve("succession");
        CliTest.Result result = CliTest.plenary("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("who leads, before and after each event"), result.out());
        assertTrue(result.out().contains("m, round 2: A withdraws"), result.out());
        assertTrue(result.out().matches("(?s).*\\n\\s+X\\s+A 100%\\s+->\\s+B 100%\\n.*"), result.out());
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("succession"))) {
            run = runs.findFirst().orElseThrow();
        }
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Who leads, before and after each event"));
        assertTrue(report.matches("(?s).*<td>X</td>\\s*<td>A 100%</td>\\s*<td>B 100%</td>.*"), "the table row in the report");
        assertEquals("item,round,event,coalition,when,leader,replications,share,item_open",
                Files.readAllLines(run.resolve("leaders-at-events.csv")).get(0));
        assertTrue(Files.isRegularFile(run.resolve("charts/coalition-flow-m.png")));
    }
}
