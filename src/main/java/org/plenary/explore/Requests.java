package org.plenary.explore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/** What the explorer accepts from a request, before any of it reaches the session. */
final class Requests {
    static final String JSON_TYPE = "application/json";

    private Requests() {
    }

    /**
     * Why a request is refused, or null. The Host must be this server's loopback address (against DNS
     * rebinding); a request that changes something must come from a page of this server, if from a page
     * at all (browsers send Origin with every POST; a script on this machine may send none), and must
     * be JSON exactly, so a plain form on another site cannot drive it.
     *
     * @param origin      the Origin header of a state-changing request, null otherwise or when absent
     * @param contentType the Content-Type of a state-changing request, {@link #JSON_TYPE} for others
     */
    static String refusal(String host, int port, String origin, String contentType) {
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            return "requests must be addressed to 127.0.0.1:" + port + ", not " + host;
        }
        if (origin != null && !origin.equals("http://" + host)) {
            return "requests that change the explorer must come from its own page (http://" + host + "), not from "
                    + origin;
        }
        if (!isJson(contentType)) {
            return "requests that change the explorer must send JSON (Content-Type: application/json)";
        }
        return null;
    }

    /** application/json, with at most a UTF-8 charset parameter: not application/jsonp or text/plain. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase(JSON_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "").equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The form's changed settings, path to value as typed after {@code --set path=}: a list or mapping
     * is passed on as its JSON text, which the CLI reads as YAML and refuses with its own message,
     * rather than as the empty text that would reset the setting to its default.
     */
    static Map<String, String> settings(JsonNode body) throws InputException {
        JsonNode changes = body.path("settings");
        if (!changes.isObject()) {
            throw new InputException(new Problem("request", 0, "settings", "expected an object of path: value pairs"));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        changes.fields().forEachRemaining(field -> settings.put(field.getKey(),
                field.getValue().isContainerNode() ? field.getValue().toString() : field.getValue().asText()));
        return settings;
    }

    /** A refusal in the form of every other answer: a list of problems the page shows. */
    static Map<String, Object> problems(String message) {
        return Map.of("problems", List.of(Map.of("field", "", "message", message, "text", message)));
    }
}
