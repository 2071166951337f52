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
import org.plenary.testing.Scenarios;

/**
 * `plenary run` and `validate` with standards bodies (docs/ODD.md 7.13-7.14), as a user runs them, on
 * {@link Scenarios#BODIES}: M moves the item from the ITU to SC 42 in round 1 and SC 42's ballot adopts it in
 * round 2 (3 P-members yes).
 */
class BodiesRunTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = Scenarios.BODIES;

    private static Path only(Path directory) throws Exception {
        try (Stream<Path> runs = Files.list(directory)) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void anItemMovedToIsoIecIsAdoptedByItsBallotAndTheMoveIsInVenuesCsv() throws Exception {
        Path scenario = Scenarios.write(dir, "bodies.yaml", SCENARIO);
        byte[] first = null;
        for (String threads : List.of("1", "2")) {
            Path out = dir.resolve("out" + threads);
            CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--out", out.toString(), "--threads",
                    threads);
            assertEquals(0, run.exitCode(), run.err());
            Path result = only(out.resolve("bodies"));
            List<String> venues = Files.readAllLines(result.resolve("venues.csv"));
            assertEquals(List.of("replication,round,item,from,to,by", "1,1,ai,itu,sc42,M", "2,1,ai,itu,sc42,M",
                    "3,1,ai,itu,sc42,M"), venues);
            List<String> outcomes = Files.readAllLines(result.resolve("outcomes.csv"));
            assertTrue(outcomes.get(1).startsWith("1,ai,vote-adopted,2,"), outcomes.toString());
            // SC 42's ballot, 3 P-members yes: one switching to no makes 1 of 3 votes cast negative, over a quarter.
            assertEquals(List.of("1,2,ai,M,yes,3", "1,2,ai,Y1,yes,3", "1,2,ai,Y2,yes,3"),
                    Files.readAllLines(result.resolve("pivotal.csv")).stream().filter(row -> row.startsWith("1,"))
                            .toList(), "swing voters by SC 42's rule, not the plenary's");
            assertTrue(Files.exists(result.resolve("charts/venues.png")));
            assertTrue(Files.exists(result.resolve("charts/body-outcomes.png")));
            byte[] bytes = Files.readAllBytes(result.resolve("venues.csv"));
            if (first != null) {
                assertArrayEquals(first, bytes, "venues.csv differs between 1 and 2 threads");
            }
            first = bytes;
        }
    }

    private CliTest.Result validate(String text) {
        return CliTest.plenary("validate", Scenarios.write(dir, "bad.yaml", text).toString());
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    /**
     * The final body in outcomes.csv, sweep.csv and `plenary compare`: at cost 0.1 M moves the item to SC 42 in every
     * replication (worth 0.3333 to M), at 0.5 never.
     */
    @Test
    void theBodyAnItemEndedInIsInOutcomesTheSweepAndTheComparison() throws Exception {
        Path scenario = Scenarios.write(dir, "bodies.yaml", SCENARIO);
        for (String cost : List.of("0.1", "0.5")) {
            CliTest.Result run = CliTest.plenary("run", scenario.toString(), "--out", dir.resolve("cost" + cost)
                    .toString(), "--set", "forum_shifting.cost=" + cost);
            assertEquals(0, run.exitCode(), run.err());
        }
        Path moved = only(dir.resolve("cost0.1").resolve("bodies"));
        Path stayed = only(dir.resolve("cost0.5").resolve("bodies"));
        List<String> outcomes = Files.readAllLines(moved.resolve("outcomes.csv"));
        assertEquals("replication,item,state,round,a,body", outcomes.get(0));
        assertTrue(outcomes.stream().skip(1).allMatch(row -> row.endsWith(",sc42")), outcomes.toString());
        assertTrue(Files.readAllLines(stayed.resolve("outcomes.csv")).stream().skip(1)
                .allMatch(row -> row.endsWith(",itu")));

        Path comparison = dir.resolve("comparison");
        CliTest.Result compare = CliTest.plenary("compare", moved.toString(), stayed.toString(), "--out",
                comparison.toString());
        assertEquals(0, compare.exitCode(), compare.err());
        List<String> rows;
        try (Stream<Path> files = Files.walk(comparison)) {
            rows = Files.readAllLines(files.filter(p -> p.endsWith("comparison.csv")).findFirst().orElseThrow());
        }
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("ends in sc42,ai,,") && r.contains(",3,3,1,0,-1,")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("ends in itu,ai,,") && r.contains(",3,3,0,1,1,")),
                rows.toString());

        CliTest.Result sweep = CliTest.plenary("sweep", scenario.toString(), "--param", "forum_shifting.cost=0.1,0.5",
                "--out", dir.resolve("sweep").toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        Path points;
        try (Stream<Path> files = Files.walk(dir.resolve("sweep"))) {
            points = files.filter(p -> p.endsWith("sweep-points.csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(points);
        List<String> header = List.of(lines.get(0).split(","));
        int sc42 = header.indexOf("ai_ends_in_sc42_share_mean");
        int itu = header.indexOf("ai_ends_in_itu_share_mean");
        assertTrue(sc42 > 0 && itu > 0, lines.get(0));
        assertEquals(List.of("1", "0"), List.of(lines.get(1).split(",")[sc42], lines.get(1).split(",")[itu]));
        assertEquals(List.of("0", "1"), List.of(lines.get(2).split(",")[sc42], lines.get(2).split(",")[itu]));
        Path sweepCsv = points.resolveSibling("sweep.csv");
        assertTrue(Files.readAllLines(sweepCsv).get(0).contains("ai.ends_in.itu,ai.ends_in.sc42"));
    }

    @Test
    void anItemInAnUnknownBodyIsRejectedWithFileLineAndField() {
        String bad = SCENARIO.replace("body: itu}", "body: sc24}");
        CliTest.Result result = validate(bad);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("bad.yaml:" + lineOf(bad, "body: sc24") + ": agenda[ai].body: unknown body"
                + " 'sc24'"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void aRoleUnknownToItsProcedureIsRejectedWithFileLineAndField() {
        String bad = SCENARIO.replace("{id: Y1, position: {a: 0.8}, membership: {sc42: P}}",
                "{id: Y1, position: {a: 0.8}, membership: {sc42: member}}");
        CliTest.Result result = validate(bad);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("bad.yaml:" + lineOf(bad, "{id: Y1") + ": delegations[Y1].membership.sc42:"
                + " 'member' is not a role of iso-iec (roles: P, O)"), result.err());
    }

    @Test
    void theTraditionalApprovalProcessOutsideAnItuTBodyIsRejectedWithFileLineAndField() {
        String bad = SCENARIO.replace("body: itu}", "body: itu, approval: tap}");
        CliTest.Result result = validate(bad);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("bad.yaml:" + lineOf(bad, "approval: tap") + ": agenda[ai].approval: 'tap'"
                + " is ITU-T's traditional approval process: the item must sit in an itu-t-aap body (its body is"
                + " 'itu', itu-plenary)"), result.err());
        String unknown = SCENARIO.replace("body: itu}", "body: itu, approval: traditional}");
        CliTest.Result typo = validate(unknown);
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("bad.yaml:" + lineOf(unknown, "approval: traditional") + ": agenda[ai].approval:"
                + " unknown value 'traditional'"), typo.err());
        assertFalse(typo.err().contains("\tat "), typo.err());
        String ituT = SCENARIO.replace("procedure: itu-plenary}", "procedure: itu-t-aap}")
                .replace("itu: member", "itu: member-state").replace("body: itu}", "body: itu, approval: tap}");
        assertEquals(0, validate(ituT).exitCode(), "valid in an itu-t-aap body");
    }

    @Test
    void anIsoBallotWithoutAPMemberIsRejectedWithFileLineAndField() {
        String bad = SCENARIO.replace("sc42: P", "sc42: O").replace("forum_shifting: {model: expected-outcome, cost: 0.1}",
                "").replace("body: itu}", "body: sc42}");
        CliTest.Result result = validate(bad);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("bad.yaml:" + lineOf(bad, "body: sc42}") + ": agenda[ai].body: an ISO/IEC"
                + " ballot in 'sc42' needs P-members"), result.err());
    }

    @Test
    void aMembersFileRowNamingAnUnknownDelegationIsReportedAtItsLine() {
        Scenarios.write(dir, "members.csv", "delegation,role,basis\nY1,P,source\nZZ,P,assumption\n");
        String bad = SCENARIO.replace("{id: sc42, procedure: iso-iec}", "{id: sc42, procedure: iso-iec, members_file:"
                + " members.csv}").replace(", membership: {sc42: P}}", "}");
        CliTest.Result result = validate(bad);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("members.csv:3: delegation: unknown delegation 'ZZ'"), result.err());
    }
}
