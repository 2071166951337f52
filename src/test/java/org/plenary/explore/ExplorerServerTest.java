package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.cli.Main;
import org.plenary.observe.ReplicationRecord;
import org.plenary.results.Numbers;
import org.plenary.scenario.ScenarioLoader;
import org.plenary.sim.Experiment;
import picocli.CommandLine;

/** The explorer's JSON endpoints, over real HTTP to a server on 127.0.0.1. */
class ExplorerServerTest {
    static final Path SMALL = Path.of("scenarios/small-assembly.yaml");

    @TempDir
    Path dir;

    private ExplorerServer server;
    private ExplorerHttp http;

    @BeforeEach
    void start() throws Exception {
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(SMALL)), 2), 0);
        http = new ExplorerHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void steppedRoundsAreReplicationOneOfPlenaryRun() throws Exception {
        JsonNode state = null;
        for (int round = 1; round <= 10; round++) {
            state = http.ok(http.post("/api/step", ""));
        }
        assertEquals(10, state.get("round").asInt());
        ReplicationRecord expected = Experiment.replicate(ScenarioLoader.load(SMALL, List.of()).scenario(), 0, 1);
        for (int i = 0; i < expected.delegations(); i++) {
            for (int k = 0; k < expected.dimensions(); k++) {
                assertEquals(expected.position(10, i, k),
                        state.get("delegations").get(i).get("position").get(k).asDouble(), 0.0);
            }
        }
        for (int m = 0; m < expected.items(); m++) {
            assertEquals(expected.itemState(10, m).label(), state.get("items").get(m).get("state").asText());
        }
        assertEquals(expected.coalitions(10).size(), state.get("coalitions").size());
        assertEquals(11, state.get("flow").size(), "one column of the coalition flow per round 0..10");
    }

    @Test
    void handEventsShowAtOnceAndTheExportReproducesTheRunExactly() throws Exception {
        for (int round = 1; round <= 3; round++) {
            http.ok(http.post("/api/step", ""));
        }
        JsonNode before = http.ok(http.get("/api/state"));
        int china = indexOf(http.ok(http.get("/api/scenario")), "CHN");
        assertEquals("active", before.get("delegations").get(china).get("status").asText());

        JsonNode after = http.ok(http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"CHN\"}"));
        assertEquals(3, after.get("state").get("round").asInt(), "the replay returns to the round shown");
        assertEquals("withdrawn", after.get("state").get("delegations").get(china).get("status").asText());
        JsonNode event = after.get("scenario").get("events").get(0);
        assertEquals(3, event.get("round").asInt(), "an event triggered at round 3 is a scenario event at round 3");
        http.ok(http.post("/api/event", "{\"type\": \"salience\", \"delegation\": \"RUS\","
                + " \"dimension\": \"sovereignty\", \"value\": \"0.2\"}"));
        http.ok(http.post("/api/settings", "{\"settings\": {\"chair.accommodation\": \"0.3\"}}"));
        JsonNode end = play(60);
        assertTrue(end.get("finished").asBoolean());

        Path exported = dir.resolve("explored.yaml");
        Files.writeString(exported, http.get("/api/export").body());
        Path results = dir.resolve("results");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("run", exported.toString(), "--replications", "1", "--out", results.toString()),
                err::toString);
        List<String> outcomes = ExplorerHttp.runFile(results, "outcomes.csv");
        assertEquals("replication,item,state,round,mandate_scope,human_rights,sovereignty", outcomes.get(0));
        JsonNode items = end.get("items");
        for (int m = 0; m < items.size(); m++) {
            String[] row = outcomes.get(1 + m).split(",", -1);
            JsonNode item = items.get(m);
            assertEquals(item.get("state").asText(), row[2]);
            assertEquals(item.get("decidedRound").isNull() ? "" : item.get("decidedRound").asText(), row[3]);
            for (int k = 0; k < 3; k++) {
                assertEquals(Numbers.format(item.get("textInForce").get(k).asDouble()), row[4 + k]);
            }
        }
        // And every position of every round matches, not only the outcomes.
        ReplicationRecord rerun = Experiment.replicate(ScenarioLoader.load(exported, List.of()).scenario(), 0, 1);
        JsonNode last = end.get("delegations");
        for (int i = 0; i < rerun.delegations(); i++) {
            assertEquals(rerun.position(60, i, 2), last.get(i).get("position").get(2).asDouble(), 0.0);
        }
        assertEquals(ReplicationRecord.WITHDRAWN, rerun.status(3, china));
    }

    @Test
    void invalidSettingsGetTheCliMessagesAndChangeNothing() throws Exception {
        ExplorerHttp.Reply reply = http.post("/api/settings",
                "{\"settings\": {\"decision.majority\": \"2\", \"delegations.USA.capability\": \"-1\"}}");
        assertEquals(422, reply.status());
        JsonNode problems = reply.json().get("problems");
        assertEquals(2, problems.size());
        String cliErrors = cliValidate("--set", "decision.majority=2", "--set", "delegations.USA.capability=-1");
        for (JsonNode problem : problems) {
            assertTrue(cliErrors.contains("error: " + problem.get("text").asText() + "\n"),
                    problem + " not in the CLI's errors:\n" + cliErrors);
        }
        assertEquals(java.util.Set.of("decision.majority", "delegations.USA.capability"),
                java.util.Set.of(problems.get(0).get("path").asText(), problems.get(1).get("path").asText()),
                "each problem names the field it is shown beside");
        JsonNode scenario = http.ok(http.get("/api/scenario"));
        assertEquals(0, scenario.get("settings").size(), "a rejected change leaves the settings as they were");
        JsonNode majority = field(scenario, "decision.majority");
        assertEquals(0.5, majority.get("min").asDouble());
        assertEquals(1.0, majority.get("max").asDouble());
    }

    @Test
    void badRequestsAreAnsweredAndTheServerStaysUp() throws Exception {
        assertEquals(422, http.post("/api/settings", "{not json").status());
        assertEquals(422, http.post("/api/settings", "[1, 2]").status());
        assertEquals(422, http.post("/api/open", "{\"index\": 99}").status());
        assertEquals(422, http.post("/api/open", "{\"index\": \"../../pom.xml\"}").status());
        assertEquals(422, http.post("/api/event", "{\"type\": \"explode\", \"delegation\": \"USA\"}").status());
        ExplorerHttp.Reply unknown = http.post("/api/event", "{\"type\": \"withdraw\", \"delegation\": \"XYZ\"}");
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("unknown delegation 'XYZ'"), unknown.body());
        ExplorerHttp.Reply salience = http.post("/api/event",
                "{\"type\": \"salience\", \"delegation\": \"USA\", \"dimension\": \"sovereignty\", \"value\": \"NaN\"}");
        assertEquals(422, salience.status(), salience.body());
        assertEquals(422, http.post("/api/play", "{\"speed\": 0}").status());
        assertEquals(422, http.post("/api/replications", "{\"replications\": \"many\"}").status());
        ExplorerHttp.Reply zero = http.post("/api/replications", "{\"replications\": 0}");
        assertEquals(422, zero.status());
        assertTrue(zero.body().contains("--replications 0"), zero.body());
        assertEquals(422, http.post("/api/settings", "{\"settings\": {\"rounds\": \"1000000\"}}").status());
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/org/plenary/cli/Main.class",
                "/scenarios/small-assembly.yaml", "/api/../../pom.xml")) {
            ExplorerHttp.Reply reply = http.get(path);
            assertNotEquals(200, reply.status(), path);
            assertFalse(reply.body().contains("<artifactId>"), path);
        }
        HttpClient client = HttpClient.newHttpClient();
        String step = "http://127.0.0.1:" + server.port() + "/api/step";
        assertEquals(403, client.send(HttpRequest.newBuilder(URI.create(step)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "a form posted by another site");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /api/step HTTP/1.1\r\nHost: attacker.example\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 403 Forbidden", status, "a page on another name for this address");
        }
        assertEquals(0, http.ok(http.get("/api/state")).get("round").asInt(), "still serving, nothing changed");
        assertTrue(http.get("/").body().contains("Plenary explorer"));
    }

    @Test
    void thePageCarriesTheViewsItFirstShowsWithNoWayOutOfItsScript() throws Exception {
        Path hostile = dir.resolve("hostile.yaml");
        String description = "ends the script early</script><script>alert(1)</script>";
        Files.writeString(hostile, Files.readString(SMALL).replaceFirst("(?m)^description: .*$",
                "description: \"" + description + "\""));
        server.close();
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(hostile)), 2), 0);
        http = new ExplorerHttp(server);
        for (int round = 1; round <= 3; round++) {
            http.ok(http.post("/api/step", ""));
        }
        JsonNode views = ExplorerHttp.initialViews(http.get("/").body());
        assertEquals(description, views.get("scenario").get("description").asText());
        assertEquals(http.ok(http.get("/api/scenario")), views.get("scenario"));
        assertEquals(3, views.get("state").get("round").asInt());
        assertEquals(http.ok(http.get("/api/state")), views.get("state"));
    }

    @Test
    void replicationsAreSummarisedAsPlenaryRunDoes() throws Exception {
        JsonNode summary = http.ok(http.post("/api/replications", "{\"replications\": 4}"));
        assertEquals(4, summary.get("replications").asInt());
        JsonNode states = summary.get("items").get("res-hr-standards").get("states");
        double total = 0;
        for (JsonNode state : states) {
            total += state.get("share").asDouble();
        }
        assertEquals(1.0, total, 1e-9);
    }

    @Test
    void playPushesRoundsOverServerSentEvents() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/stream")).header("Accept", "text/event-stream")
                .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            http.ok(http.post("/api/play", "{\"speed\": 50}"));
            int highest = 0;
            long deadline = System.currentTimeMillis() + 20_000;
            while (highest < 5 && System.currentTimeMillis() < deadline) {
                String line = lines.readLine();
                if (line != null && line.startsWith("data: {\"round\"")) {
                    highest = Math.max(highest, ExplorerHttp.JSON.readTree(line.substring(6)).get("round").asInt());
                }
            }
            http.ok(http.post("/api/pause", ""));
            assertTrue(highest >= 5, "rounds pushed while playing: up to " + highest);
        }
        JsonNode paused = http.ok(http.get("/api/state"));
        assertFalse(paused.get("playing").asBoolean());
        int round = paused.get("round").asInt();
        Thread.sleep(150);
        assertEquals(round, http.ok(http.get("/api/state")).get("round").asInt(), "paused means no more rounds");
        JsonNode reset = http.ok(http.post("/api/reset", ""));
        assertEquals(0, reset.get("round").asInt());
    }

    private JsonNode play(int rounds) throws Exception {
        JsonNode state = http.ok(http.get("/api/state"));
        while (!state.get("finished").asBoolean() && state.get("round").asInt() < rounds) {
            state = http.ok(http.post("/api/step", ""));
        }
        return state;
    }

    /** The index of a delegation in the scenario view's list. */
    static int indexOf(JsonNode scenario, String id) {
        JsonNode delegations = scenario.get("delegations");
        for (int i = 0; i < delegations.size(); i++) {
            if (delegations.get(i).get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no delegation " + id);
    }

    private static JsonNode field(JsonNode scenario, String path) {
        for (JsonNode field : scenario.get("fields")) {
            if (field.get("path").asText().equals(path)) {
                return field;
            }
        }
        throw new AssertionError("no field " + path);
    }

    private static String cliValidate(String... sets) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        String[] args = new String[sets.length + 2];
        args[0] = "validate";
        args[1] = SMALL.toString();
        System.arraycopy(sets, 0, args, 2, sets.length);
        assertEquals(2, cli.execute(args));
        return err.toString().replace("\r\n", "\n");
    }
}
