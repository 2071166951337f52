package org.plenary.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A small HTTP client for the explorer's API in tests, and the files a run writes. */
final class ExplorerHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    ExplorerHttp(ExplorerServer server) {
        base = "http://127.0.0.1:" + server.port();
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    JsonNode ok(Reply reply) throws IOException {
        if (reply.status() != 200) {
            throw new AssertionError("expected 200, got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** The views the server wrote into the page (the JSON inside its initial-views script), checked to hold no '<'. */
    static JsonNode initialViews(String page) throws IOException {
        String open = "<script id=\"initial-views\" type=\"application/json\">";
        int start = page.indexOf(open);
        if (start < 0) {
            throw new AssertionError("no initial views in the page:\n" + page);
        }
        String written = page.substring(start + open.length(), page.indexOf("</script>", start));
        if (written.contains("<")) {
            throw new AssertionError("a '<' in the views could end their script: " + written);
        }
        return JSON.readTree(written);
    }

    /** The rows of one CSV file of the only run under a results folder (header first). */
    static List<String> runFile(Path results, String name) throws IOException {
        try (Stream<Path> files = Files.walk(results)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + name + " under " + results + ", found " + found);
            }
            return Files.readAllLines(found.get(0));
        }
    }
}
