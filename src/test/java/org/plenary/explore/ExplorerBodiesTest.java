package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.model.Ballot;
import org.plenary.observe.ReplicationRecord;
import org.plenary.scenario.Overrides;
import org.plenary.scenario.Scenario;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;
import picocli.CommandLine;

/**
 * The explorer's views of standards bodies (issue 21), over real HTTP: each item's body and its moves as
 * venues.csv records them, each delegation's role per body, the figures of each body's own rule, and a
 * withdrawal from, and return to, one body only. A scenario without bodies gets none of these fields.
 */
class ExplorerBodiesTest {
    static final Path SEOUL = Path.of("scenarios/seoul-statement.yaml");

    @TempDir
    Path dir;

    private ExplorerServer server;
    private ExplorerHttp http;

    private void open(Path scenario) throws Exception {
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(scenario)), 2), 0);
        http = new ExplorerHttp(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode playToEnd() throws Exception {
        JsonNode state = http.ok(http.get("/api/state"));
        while (!state.get("finished").asBoolean()) {
            state = http.ok(http.post("/api/step", ""));
        }
        return state;
    }

    @Test
    void aScenarioWithoutBodiesHasNoBodyFields() throws Exception {
        open(ExplorerServerTest.SMALL);
        JsonNode scenario = http.ok(http.get("/api/scenario"));
        assertFalse(scenario.has("bodies"));
        assertFalse(scenario.has("forumShifting"));
        assertFalse(scenario.get("items").get(0).has("body"));
        assertFalse(scenario.get("delegations").get(0).has("membership"));
        JsonNode state = http.ok(http.post("/api/step", ""));
        assertFalse(state.has("moves"));
        assertFalse(state.get("delegations").get(0).has("roles"));
        assertFalse(state.get("items").get(0).has("body"));
        assertEquals("itu-plenary", state.get("items").get(0).get("rule").get("procedure").asText());
    }

    @Test
    void aVoteWithoutQuorumShowsThoseWhoWerePresentAndTheQuorum() throws Exception {
        open(ExplorerServerTest.SMALL);
        // Every item to a vote at its deadline, everyone accredited needed; China stays away from the plenary.
        http.ok(http.post("/api/settings", "{\"settings\": {\"decision.rule\": \"vote\", \"decision.quorum\": \"1\"}}"));
        http.ok(http.post("/api/event", "{\"type\": \"disengage\", \"delegation\": \"CHN\", \"forum\": \"plenary\"}"));
        JsonNode items = playToEnd().get("items");
        // 29 delegations, the USA withdrawn (the scenario's own event) before the first vote: 28 accredited.
        JsonNode plenary = items.get(1).get("rule");
        assertEquals("no-quorum", items.get(1).get("state").asText());
        assertEquals(28, plenary.get("accredited").asInt());
        assertEquals(28, plenary.get("quorum").asInt(), "quorum 1 x 28 accredited");
        assertEquals(27, plenary.get("present").asInt(), "China is absent from the plenary");
        assertEquals(27, plenary.get("yes").asInt() + plenary.get("no").asInt() + plenary.get("abstain").asInt());
        JsonNode adHoc = items.get(0).get("rule");
        assertEquals("vote-adopted", items.get(0).get("state").asText());
        assertEquals(28, adHoc.get("present").asInt(), "China attends the ad-hoc group");
    }

    @Test
    void itemsCarryTheirBodyAndEveryMoveAsVenuesCsvRecordsIt() throws Exception {
        open(SEOUL);
        JsonNode scenario = http.ok(http.get("/api/scenario"));
        List<String> bodies = new ArrayList<>();
        scenario.get("bodies").forEach(b -> bodies.add(b.get("id").asText() + ":" + b.get("procedure").asText()));
        assertEquals(List.of("itu-t:itu-t-aap", "sc42:iso-iec", "ietf:ietf"), bodies);
        assertEquals("expected-outcome", scenario.get("forumShifting").get("model").asText());
        List<String> itemBodies = new ArrayList<>();
        scenario.get("items").forEach(item -> itemBodies.add(item.get("body").asText()));
        assertEquals(List.of("itu-t", "sc42", "ietf"), itemBodies);
        JsonNode germany = delegation(scenario, "DEU");
        assertEquals("P", germany.get("membership").get("sc42").asText(), "data/sc42-members.csv: DEU,P");
        assertEquals("participant", germany.get("membership").get("ietf").asText());

        JsonNode state = playToEnd();
        JsonNode moves = state.get("moves");
        assertFalse(moves.isEmpty(), "replication 1 of seoul-statement moves an item");
        Path results = dir.resolve("results");
        run("run", SEOUL.toString(), "--replications", "1", "--out", results.toString());
        List<String> venues = ExplorerHttp.runFile(results, "venues.csv");
        List<String> shown = new ArrayList<>();
        for (JsonNode move : moves) {
            shown.add(String.join(",", "1", move.get("round").asText(), move.get("item").asText(),
                    move.get("from").asText(), move.get("to").asText(), move.get("by").asText()));
        }
        assertEquals(venues.subList(1, venues.size()), shown);
        // In the round it moves, an item was debated in its old body: no figures of the new body's rule yet.
        JsonNode first = moves.get(0);
        int movedItem = itemBodies.size();
        while (!scenario.get("items").get(--movedItem).get("id").asText().equals(first.get("item").asText())) { }
        http.ok(http.post("/api/reset", ""));
        JsonNode moved = null;
        for (int round = 1; round <= first.get("round").asInt(); round++) {
            moved = http.ok(http.post("/api/step", "")).get("items").get(movedItem);
        }
        assertEquals(first.get("round").asInt(), moved.get("rule").get("arrived").asInt());
        assertEquals(new java.util.TreeSet<>(List.of("arrived", "procedure")), new java.util.TreeSet<>(fieldNames(moved.get("rule"))));
        assertEquals(first.get("to").asText(), moved.get("body").asText());
        state = playToEnd();
        // Each item sits, at the end, in the body its last move took it to (else its first).
        for (int m = 0; m < 3; m++) {
            String item = scenario.get("items").get(m).get("id").asText();
            String body = itemBodies.get(m);
            for (JsonNode move : moves) {
                if (move.get("item").asText().equals(item)) {
                    body = move.get("to").asText();
                }
            }
            assertEquals(body, state.get("items").get(m).get("body").asText());
        }
    }

    @Test
    void anIsoBallotShowsTheDirectivesTwoCounts() throws Exception {
        open(SEOUL);
        // At the highest cost no item moves: the SC 42 item goes to its ballot.
        String cost = "forum_shifting.cost";
        http.ok(http.post("/api/settings", "{\"settings\": {\"" + cost + "\": \"1\"}}"));
        JsonNode item = playToEnd().get("items").get(1);
        assertEquals("sc42", item.get("body").asText());
        JsonNode rule = item.get("rule");
        assertEquals("iso-iec", rule.get("procedure").asText());

        // The same ballots counted here, from plenary run's record of replication 1 and the declared roles.
        Scenario scenario = ScenarioLoader.load(SEOUL, List.of(Overrides.Assignment.parse(cost + "=1"))).scenario();
        ReplicationRecord record = Experiment.replicate(scenario, 0, 1);
        int[] counts = new int[4]; // P yes, P no, all yes, all no
        for (int i = 0; i < scenario.delegations().size(); i++) {
            String role = scenario.bodies().roles().getOrDefault(scenario.delegations().get(i).id(), Map.of()).get("sc42");
            Ballot ballot = record.ballot(1, i);
            if (role == null || ballot == null || ballot == Ballot.ABSTAIN || ballot == Ballot.ABSENT) {
                continue;
            }
            int no = ballot == Ballot.NO ? 1 : 0;
            if (role.equals("P")) {
                counts[no]++;
            }
            counts[2 + no]++;
        }
        assertEquals(counts[0], rule.get("pYes").asInt());
        assertEquals(counts[1], rule.get("pNo").asInt());
        assertEquals(counts[2], rule.get("yes").asInt());
        assertEquals(counts[3], rule.get("no").asInt());
        assertTrue(counts[2] > counts[0], "O-members' votes count among all votes cast");
        assertEquals((double) counts[0] / (counts[0] + counts[1]), rule.get("pInFavour").asDouble(), 1e-12);
        assertEquals((double) counts[3] / (counts[2] + counts[3]), rule.get("negative").asDouble(), 1e-12);
        boolean approved = rule.get("pInFavour").asDouble() >= 2.0 / 3 && rule.get("negative").asDouble() <= 0.25;
        assertEquals(approved ? "vote-adopted" : "vote-rejected", item.get("state").asText());
    }

    @Test
    void aDelegationLeavesOneBodyAndStaysInTheOthers() throws Exception {
        open(SEOUL);
        for (int round = 1; round <= 3; round++) {
            http.ok(http.post("/api/step", ""));
        }
        int usa = ExplorerServerTest.indexOf(http.ok(http.get("/api/scenario")), "USA");
        JsonNode state = http.ok(http.post("/api/event",
                "{\"type\": \"withdraw\", \"delegation\": \"USA\", \"body\": \"sc42\"}")).get("state");
        assertEquals(3, state.get("round").asInt());
        JsonNode roles = state.get("delegations").get(usa).get("roles");
        assertEquals("member-state", roles.get(0).asText());
        assertTrue(roles.get(1).isNull(), "no longer a member of sc42");
        assertEquals("participant", roles.get(2).asText());
        assertEquals("active", state.get("delegations").get(usa).get("status").asText());

        assertRefused(http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"USA\", \"body\": \"sc42\"}"),
                "body", "USA is not a member of sc42 now");
        JsonNode back = http.ok(http.post("/api/event",
                "{\"type\": \"reengage\", \"delegation\": \"USA\", \"body\": \"sc42\"}")).get("state");
        assertEquals("P", back.get("delegations").get(usa).get("roles").get(1).asText());
        assertRefused(http.post("/api/event", "{\"type\": \"reengage\", \"delegation\": \"USA\", \"body\": \"sc42\"}"),
                "body", "USA is a member of sc42 already");
        assertRefused(http.post("/api/event", "{\"type\": \"reengage\", \"delegation\": \"AFG\", \"body\": \"sc42\"}"),
                "body", "AFG is not a member of sc42 in the scenario");
        assertRefused(http.post("/api/event", "{\"type\": \"disengage\", \"delegation\": \"USA\", \"body\": \"sc42\","
                + " \"forum\": \"plenary\"}"), "body", "");
        assertRefused(http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"USA\", \"body\": \"jtc9\"}"),
                "body", "unknown body 'jtc9'");

        // The scenario's own withdrawal from itu-t (round 8) is from one body: the USA can still leave them all.
        for (int round = 4; round <= 9; round++) {
            http.ok(http.post("/api/step", ""));
        }
        assertTrue(http.ok(http.get("/api/state")).get("delegations").get(usa).get("roles").get(0).isNull());
        JsonNode gone = http.ok(http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"USA\"}"));
        assertEquals("withdrawn", gone.get("state").get("delegations").get(usa).get("status").asText());
        // The export keeps the bodies, the memberships and the events in one body: plenary run replays them.
        Path exported = dir.resolve("explored.yaml");
        java.nio.file.Files.writeString(exported, http.get("/api/export").body());
        Scenario original = ScenarioLoader.load(SEOUL, List.of()).scenario();
        Scenario again = ScenarioLoader.load(exported, List.of()).scenario();
        assertEquals(original.bodies(), again.bodies());
        assertEquals(List.of("itu-t", "sc42", "sc42"), again.events().stream().map(Scenario.Event::body)
                .filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void aBodyOnAScenarioWithoutBodiesIsRefused() throws Exception {
        open(ExplorerServerTest.SMALL);
        assertRefused(http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"USA\", \"body\": \"sc42\"}"),
                "body", "the scenario declares none");
    }

    private static void assertRefused(ExplorerHttp.Reply reply, String field, String message) throws Exception {
        assertEquals(422, reply.status(), reply.body());
        JsonNode problems = reply.json().get("problems");
        boolean found = false;
        for (JsonNode problem : problems) {
            found |= problem.get("field").asText().endsWith(field) && problem.get("message").asText().contains(message);
        }
        assertTrue(found, "expected a problem with " + field + " saying '" + message + "', got " + problems);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode delegation(JsonNode scenario, String id) {
        return scenario.get("delegations").get(ExplorerServerTest.indexOf(scenario, id));
    }

    private static void run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute(args), err::toString);
    }

    @Test
    void noBodyRoleIsShownForANonMember() throws Exception {
        open(SEOUL);
        JsonNode scenario = http.ok(http.get("/api/scenario"));
        int afghanistan = ExplorerServerTest.indexOf(scenario, "AFG");
        assertNull(delegation(scenario, "AFG").get("membership").get("sc42"));
        assertTrue(http.ok(http.get("/api/state")).get("delegations").get(afghanistan).get("roles").get(1).isNull());
    }
}
