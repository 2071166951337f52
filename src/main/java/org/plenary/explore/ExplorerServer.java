package org.plenary.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.plenary.scenario.InputException;
import org.plenary.scenario.Problem;

/**
 * The explorer's web server: the page and its scripts from the classpath, a JSON API over one
 * {@link ExplorerSession}, a timer that plays rounds, and server-sent events that push each round
 * to every open page. It listens on 127.0.0.1 only. Bad input is answered with the CLI's problems
 * (HTTP 422) and anything unexpected with a message (HTTP 500): no request stops the server.
 */
public final class ExplorerServer implements AutoCloseable {
    /** Fastest play speed, rounds per second. */
    public static final int MAX_SPEED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEARTBEAT_SECONDS = 10;

    private final ExplorerSession session;
    private final Javalin app;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plenary-explore-play");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> playing;
    private int speed = 5;

    private ExplorerServer(ExplorerSession session) {
        this.session = session;
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/plenary/explore/web";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    /** Starts a server on 127.0.0.1 at a port (0: any free port). */
    public static ExplorerServer start(ExplorerSession session, int port) {
        ExplorerServer server = new ExplorerServer(session);
        server.app.start("127.0.0.1", port);
        // A comment now and then keeps idle event streams from being closed as idle connections.
        server.timer.scheduleAtFixedRate(server::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        return server;
    }

    private void heartbeat() {
        eachOpenClient(client -> client.sendComment("keep-alive"));
    }

    /** Sends to every page still listening and forgets those that left. */
    private void eachOpenClient(java.util.function.Consumer<SseClient> send) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                send.accept(client);
            }
        }
    }

    public int port() {
        return app.port();
    }

    public String address() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.forEach(SseClient::close);
        app.stop();
    }

    private void routes() {
        // Only this machine's pages may drive the server: a Host other than the loopback address
        // (DNS rebinding) or a POST that is not JSON (a plain form on another site) is refused.
        app.before(ctx -> {
            String refusal = refusal(ctx.host(), ctx.method() == HandlerType.POST ? ctx.contentType() : "application/json");
            if (refusal != null) {
                ctx.status(HttpStatus.FORBIDDEN).json(Map.of("problems", List.of(Map.of("field", "",
                        "message", refusal, "text", refusal))));
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/api/scenario", ctx -> ctx.json(session.describe()));
        app.get("/api/state", ctx -> ctx.json(state()));
        app.post("/api/open", ctx -> {
            pause();
            session.open(intField(body(ctx), "index"));
            changedScenario(ctx);
        });
        app.post("/api/settings", ctx -> {
            JsonNode changes = body(ctx).path("settings");
            if (!changes.isObject()) {
                throw problem("settings", "expected an object of path: value pairs");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            changes.fields().forEachRemaining(field -> settings.put(field.getKey(), field.getValue().asText()));
            session.apply(settings);
            changedScenario(ctx);
        });
        app.post("/api/step", ctx -> {
            pause();
            session.step();
            changedState(ctx);
        });
        app.post("/api/play", ctx -> {
            JsonNode body = body(ctx);
            if (body.has("speed")) {
                int requested = intField(body, "speed");
                if (requested < 1 || requested > MAX_SPEED) {
                    throw problem("speed", "must be 1 to " + MAX_SPEED + " rounds a second, got " + requested);
                }
                speed = requested;
            }
            play();
            changedState(ctx);
        });
        app.post("/api/pause", ctx -> {
            pause();
            changedState(ctx);
        });
        app.post("/api/reset", ctx -> {
            pause();
            session.reset();
            changedState(ctx);
        });
        app.post("/api/event", ctx -> {
            JsonNode body = body(ctx);
            String type = text(body, "type");
            if (!List.of("withdraw", "disengage", "reengage", "salience").contains(type)) {
                throw problem("type", "must be withdraw, disengage, reengage or salience, got '" + type + "'");
            }
            session.trigger(type.equals("salience") ? "set" : type, text(body, "delegation"), text(body, "forum"),
                    text(body, "dimension"), text(body, "value"));
            changedScenario(ctx);
        });
        app.post("/api/replications", ctx -> ctx.json(session.replicate(intField(body(ctx), "replications"))));
        app.get("/api/export", ctx -> {
            ctx.contentType("text/yaml; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + session.scenario().name() + "-explored.yaml\"");
            ctx.result(session.exportYaml());
        });
        app.sse("/api/stream", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendEvent("state", json(state()));
        });
        app.exception(InputException.class, (e, ctx) -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .json(Map.of("problems", e.problems().stream().map(ExplorerServer::problemView).toList())));
        app.exception(Exception.class, (e, ctx) -> ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .json(Map.of("problems", List.of(Map.of("field", "", "message", "internal error: " + e,
                        "text", "internal error: " + e)))));
    }

    /** Why a request is refused, or null: see {@link #routes()}. */
    private String refusal(String host, String contentType) {
        if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
            return "requests must be addressed to 127.0.0.1:" + port() + ", not " + host;
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "requests that change the explorer must send JSON (Content-Type: application/json)";
        }
        return null;
    }

    /** A problem for the page: the CLI's whole message, and the field and --set path it concerns. */
    static Map<String, Object> problemView(Problem problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        String source = problem.source();
        view.put("path", source.startsWith("--set ") && source.contains("=")
                ? source.substring("--set ".length(), source.indexOf('=')) : null);
        view.put("source", source);
        view.put("field", problem.field());
        view.put("message", problem.message());
        view.put("text", problem.toString());
        return view;
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>(session.snapshot());
        synchronized (this) {
            state.put("playing", playing != null);
            state.put("speed", speed);
        }
        return state;
    }

    private synchronized void play() {
        if (playing != null) {
            playing.cancel(false);
        }
        playing = timer.scheduleAtFixedRate(this::tick, 0, 1000 / speed, TimeUnit.MILLISECONDS);
    }

    private synchronized void pause() {
        if (playing != null) {
            playing.cancel(false);
            playing = null;
        }
    }

    private void tick() {
        try {
            if (!session.step()) {
                pause();
            }
            broadcast("state", state());
        } catch (RuntimeException e) {
            // A failing round stops the play, never the timer thread or the server.
            pause();
            broadcast("failure", Map.of("message", "internal error: " + e));
        }
    }

    private void changedState(Context ctx) {
        Map<String, Object> state = state();
        broadcast("state", state);
        ctx.json(state);
    }

    private void changedScenario(Context ctx) {
        Map<String, Object> both = Map.of("scenario", session.describe(), "state", state());
        broadcast("scenario", both);
        ctx.json(both);
    }

    private void broadcast(String event, Object data) {
        String text = json(data);
        eachOpenClient(client -> client.sendEvent(event, text));
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("views are maps, lists and numbers", e);
        }
    }

    private static JsonNode body(Context ctx) throws InputException {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw problem("", "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw problem("", "the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static int intField(JsonNode body, String field) throws InputException {
        JsonNode value = body.get(field);
        if (value == null || !(value.canConvertToInt() && value.isIntegralNumber()
                || value.isTextual() && value.asText().trim().matches("-?\\d{1,9}"))) {
            throw problem(field, "expected a whole number, got " + (value == null ? "nothing" : value.toString()));
        }
        return value.isTextual() ? Integer.parseInt(value.asText().trim()) : value.asInt();
    }

    private static InputException problem(String field, String message) {
        return new InputException(new Problem("request", 0, field, message));
    }
}
