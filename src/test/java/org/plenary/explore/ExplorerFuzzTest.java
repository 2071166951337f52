package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the explorer's API (issue 24): every endpoint with malformed and hostile bodies,
 * odd content types and foreign origins. No answer is a 500, every refusal is JSON with problems, and
 * the server keeps serving.
 */
class ExplorerFuzzTest {
    private static final long SEED = 24L;
    private static final int REQUESTS = 400;
    private static final List<String> ENDPOINTS = List.of("GET /api/scenario", "GET /api/state", "GET /api/export",
            "POST /api/open", "POST /api/settings", "POST /api/step", "POST /api/play", "POST /api/pause",
            "POST /api/reset", "POST /api/event", "POST /api/replications", "POST /api/nothing", "GET /api/nothing");
    private static final List<String> KEYS = List.of("index", "settings", "speed", "type", "delegation", "forum",
            "dimension", "value", "body", "replications", "", "__proto__");
    private static final List<String> PATHS = List.of("rounds", "seed", "chair.accommodation", "decision.rule",
            "decision.majority", "influence.model", "delegations.USA.capability", "delegations.USA.position.sovereignty",
            "blocs.CEPT.cohesion", "events.0.round", "agenda", "delegations", "dimensions.0.id", "name", "nope.nope",
            "delegations.XYZ.capability", "", ".", "a..b", "forum_shifting.cost", "forum_shifting.model",
            "bodies.1.procedure", "agenda.ai-hr-by-design.approval", "delegations.USA.membership.sc42");
    private static final List<String> SCALARS = List.of("0", "1", "-1", "2", "0.5", "1e308", "-1e308", "1e999",
            "99999999999999999999", "\"NaN\"", "\"Infinity\"", "\".nan\"", "null", "true", "false", "\"\"", "\"USA\"",
            "\"XYZ\"", "\"withdraw\"", "\"disengage\"", "\"reengage\"", "\"salience\"", "\"plenary\"", "\"ad-hoc\"",
            "\"sovereignty\"", "\"vote\"", "\"sc42\"", "\"itu-t\"", "\"ietf\"", "\"tap\"", "\"P\"", "\"O\"", "\"../../pom.xml\"", "\"\\u0000\"", "\"a\\nb: c\"", "\"{x: [1\"",
            "\"*alias\"", "\"&anchor x\"", "\"!!java.lang.Runtime\"", "3", "5000", "5001", "2001", "-2147483648");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
            "application/jsonp", "multipart/form-data");

    private ExplorerServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void noRequestIsAnsweredWithAnInternalError() throws Exception {
        fuzz(List.of(ExplorerServerTest.SMALL), SEED, REQUESTS);
    }

    /** The same on a scenario with standards bodies (issue 21): events with a body, roles, forum-shifting settings. */
    @Test
    void noRequestOnAScenarioWithBodiesIsAnsweredWithAnInternalError() throws Exception {
        fuzz(List.of(ExplorerBodiesTest.SEOUL, ExplorerServerTest.SMALL), SEED + 1, REQUESTS / 2);
    }

    private void fuzz(List<java.nio.file.Path> scenarios, long seed, int requests) throws Exception {
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(scenarios), 2), 0);
        Random random = new Random(seed);
        int refused = 0;
        for (int i = 0; i < requests; i++) {
            String[] endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size())).split(" ");
            byte[] body = body(random);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + endpoint[1]));
            if (endpoint[0].equals("POST")) {
                request.header("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (random.nextInt(8) == 0) {
                    request.header("Origin", random.nextBoolean() ? "http://evil.example" : "null");
                }
            }
            HttpResponse<String> reply = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String label = endpoint[0] + " " + endpoint[1] + " " + new String(body, StandardCharsets.UTF_8);
            assertTrue(reply.statusCode() < 500, label + " -> " + reply.statusCode() + " " + reply.body());
            if (reply.statusCode() >= 400 && endpoint[1].startsWith("/api/") && !endpoint[1].equals("/api/nothing")) {
                refused++;
                JsonNode problems = ExplorerHttp.JSON.readTree(reply.body()).get("problems");
                assertTrue(problems != null && problems.size() > 0 && !problems.get(0).get("text").asText().isBlank(),
                        label + " -> " + reply.body());
            }
        }
        assertTrue(refused > requests / 4, "most hostile requests are refused: " + refused);
        ExplorerHttp http = new ExplorerHttp(server);
        http.post("/api/pause", "");
        assertEquals(200, http.get("/api/state").status(), "still serving");
        assertEquals(200, http.post("/api/step", "").status(), "still stepping");
    }

    /** A JSON object of random keys and values, or something that is not one. */
    private static byte[] body(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return new byte[0];
            case 1:
                return "{not json".getBytes(StandardCharsets.UTF_8);
            case 2:
                return new byte[] {'{', '"', 'a', (byte) 0xff, '"', ':', '1', '}'};
            case 3:
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 4:
                return SCALARS.get(random.nextInt(SCALARS.size())).getBytes(StandardCharsets.UTF_8);
            default:
                return object(random, 0).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int f = 0; f < fields; f++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            json.append(f == 0 ? "" : ",").append('"').append(key).append("\":");
            json.append(key.equals("settings") ? settings(random, depth) : value(random, depth));
        }
        return json.append('}').toString();
    }

    private static String settings(Random random, int depth) {
        if (random.nextInt(5) == 0) {
            return value(random, depth);
        }
        StringBuilder json = new StringBuilder("{");
        int fields = 1 + random.nextInt(3);
        for (int f = 0; f < fields; f++) {
            json.append(f == 0 ? "" : ",").append('"').append(PATHS.get(random.nextInt(PATHS.size()))).append("\":")
                    .append(value(random, depth));
        }
        return json.append('}').toString();
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 1 : 6);
        return switch (kind) {
            case 4 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            case 5 -> object(random, depth + 1);
            default -> SCALARS.get(random.nextInt(SCALARS.size()));
        };
    }
}
