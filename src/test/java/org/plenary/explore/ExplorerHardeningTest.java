package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the explorer once mishandled (issue 24): each is refused in JSON and changes nothing. */
class ExplorerHardeningTest {
    private ExplorerServer server;
    private ExplorerHttp http;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL)), 2), 0);
        http = new ExplorerHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String contentType, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String firstProblem(String body) throws Exception {
        return ExplorerHttp.JSON.readTree(body).get("problems").get(0).get("text").asText();
    }

    @Test
    void anEventWithoutTypeIsRefusedAndNothingIsTriggered() throws Exception {
        ExplorerHttp.Reply reply = http.post("/api/event", "{\"delegation\": \"USA\"}");
        assertEquals(422, reply.status(), reply.body());
        assertEquals("request: type: missing (required): one of withdraw, disengage, reengage, salience",
                firstProblem(reply.body()));
        assertEquals(0, http.ok(http.get("/api/scenario")).get("events").size());
    }

    @Test
    void aListOrMappingAsASettingGetsTheCliMessageAndChangesNothing() throws Exception {
        JsonNode before = http.ok(http.get("/api/scenario")).get("fields");
        ExplorerHttp.Reply list = http.post("/api/settings", "{\"settings\": {\"chair.accommodation\": [0.1]}}");
        assertEquals(422, list.status(), list.body());
        assertEquals("--set chair.accommodation=[0.1]: chair.accommodation: must be a number, got a list",
                firstProblem(list.body()));
        ExplorerHttp.Reply mapping = http.post("/api/settings", "{\"settings\": {\"chair.accommodation\": {\"a\": 1}}}");
        assertEquals(422, mapping.status(), mapping.body());
        assertEquals("--set chair.accommodation={\"a\":1}: chair.accommodation: must be a number, got a mapping",
                firstProblem(mapping.body()));
        JsonNode scenario = http.ok(http.get("/api/scenario"));
        assertEquals(0, scenario.get("settings").size());
        assertEquals(before, scenario.get("fields"), "no value was reset");
    }

    @Test
    void changesFromAnotherOriginAreRefused() throws Exception {
        String self = "http://127.0.0.1:" + server.port();
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:"
                + server.port())) {
            HttpResponse<String> reply = post("/api/step", "application/json", origin, "");
            assertEquals(403, reply.statusCode(), origin);
            assertTrue(firstProblem(reply.body()).contains("must come from its own page"), reply.body());
        }
        assertEquals(0, http.ok(http.get("/api/state")).get("round").asInt(), "no refused step was played");
        assertEquals(200, post("/api/step", "application/json", self, "").statusCode(), "the explorer's own page");
        assertEquals(200, post("/api/step", "application/json", null, "").statusCode(), "a script on this machine");
    }

    @Test
    void onlyJsonItselfIsAccepted() throws Exception {
        for (String type : List.of("application/jsonp", "application/json-patch+json", "text/plain",
                "application/json; charset=latin1")) {
            HttpResponse<String> reply = post("/api/step", type, null, "");
            assertEquals(403, reply.statusCode(), type);
            assertTrue(firstProblem(reply.body()).contains("Content-Type: application/json"), reply.body());
        }
        assertEquals(200, post("/api/step", "application/json; charset=UTF-8", null, "").statusCode());
    }

    @Test
    void handTriggeredEventsAreCappedPerReplication() throws Exception {
        String event = "{\"type\": \"salience\", \"delegation\": \"USA\", \"dimension\": \"sovereignty\", \"value\": 0.5}";
        for (int i = 0; i < ExplorerSession.MAX_HAND_EVENTS; i++) {
            http.ok(http.post("/api/event", event));
        }
        ExplorerHttp.Reply refused = http.post("/api/event", event);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(firstProblem(refused.body()).contains("at most " + ExplorerSession.MAX_HAND_EVENTS + " events"),
                refused.body());
        assertEquals(ExplorerSession.MAX_HAND_EVENTS, http.ok(http.get("/api/scenario")).get("events").size());
    }

    @Test
    void aRequestArrivingDuringLongWorkIsAnsweredBusyRatherThanKeptWaiting() throws Exception {
        CompletableFuture<ExplorerHttp.Reply> replications = CompletableFuture.supplyAsync(() -> {
            try {
                return http.post("/api/replications", "{\"replications\": 1000}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100); // the replications first
        List<Integer> statuses = new ArrayList<>();
        String busy = null;
        long slowestBusy = 0;
        ExplorerHttp.Reply page = null;
        long pageMillis = 0;
        while (!replications.isDone()) {
            long sent = System.nanoTime();
            ExplorerHttp.Reply step = http.post("/api/step", "");
            statuses.add(step.status());
            if (step.status() == 429) {
                busy = firstProblem(step.body());
                slowestBusy = Math.max(slowestBusy, (System.nanoTime() - sent) / 1_000_000);
                if (page == null) {
                    long asked = System.nanoTime();
                    page = http.get("/");
                    pageMillis = (System.nanoTime() - asked) / 1_000_000;
                }
            }
            Thread.sleep(5);
        }
        assertEquals(200, replications.get().status());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429), statuses.toString());
        assertTrue(statuses.contains(429), "a step sent while replications run is told the explorer is busy: "
                + statuses);
        assertTrue(busy.startsWith("busy"), busy);
        assertEquals(200, page.status(), "the page is served meanwhile, with the views it first shows");
        JsonNode views = ExplorerHttp.initialViews(page.body());
        assertTrue(views.get("state").has("round"), views.toString());
        assertEquals("small-assembly", views.get("scenario").get("name").asText());
        assertTrue(slowestBusy < 2000, "answered in " + slowestBusy + " ms, not after the replications");
        assertTrue(pageMillis < 2000, "the page served in " + pageMillis + " ms, not after the replications");
    }

    @Test
    void anOversizedBodyIsRefusedInJson() throws Exception {
        HttpResponse<String> reply = post("/api/settings", "application/json", null,
                "{\"settings\": {\"description\": \"" + "x".repeat((int) ExplorerServer.MAX_BODY_BYTES) + "\"}}");
        assertEquals(413, reply.statusCode());
        assertTrue(firstProblem(reply.body()).contains("larger than"), reply.body());
    }
}
