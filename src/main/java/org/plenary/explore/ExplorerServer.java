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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The explorer's web server: the page (with the views it first shows written in) and its scripts from
 * the classpath, a JSON API over one {@link ExplorerSession}, a timer that plays rounds, and server-sent
 * events that push each round to every page listening (a page listens only while rounds play). It listens on 127.0.0.1 only. Bad input is answered with the CLI's problems
 * (HTTP 422), refused requests with 403 or 413, and anything unexpected with a message (HTTP 500),
 * all as JSON: no request stops the server. One piece of work runs at a time (a step, a replay after a
 * change, replications): a request arriving meanwhile is answered "busy" (HTTP 429) within a quarter of a
 * second instead of waiting for it, and the play timer skips its round.
 */
public final class ExplorerServer implements AutoCloseable {
    /** Fastest play speed, rounds per second. */
    public static final int MAX_SPEED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEARTBEAT_SECONDS = 10;
    /** The largest request body: the page's requests are a few hundred bytes. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private static final long BUSY_WAIT_MILLISECONDS = 250;
    /** The page, with a place for the views it first shows. */
    private static final String PAGE = pageTemplate();
    private static final String VIEWS_PLACE = "{{views}}";
    /** Taken by whatever works on the session: requests that do not get it are answered "busy". */
    private final java.util.concurrent.Semaphore work = new java.util.concurrent.Semaphore(1, true);

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
            config.http.maxRequestSize = MAX_BODY_BYTES;
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
        // (DNS rebinding), a POST from a page of another origin, or a POST that is not JSON (a plain form
        // on another site) is refused.
        app.before(ctx -> {
            boolean post = ctx.method() == HandlerType.POST;
            String refusal = Requests.refusal(ctx.host(), port(), post ? ctx.header("Origin") : null,
                    post ? ctx.contentType() : Requests.JSON_TYPE);
            if (refusal != null) {
                ctx.status(HttpStatus.FORBIDDEN).json(Requests.problems(refusal));
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/", ctx -> ctx.html(page()));
        app.get("/api/scenario", ctx -> exclusive(ctx, () -> ctx.json(session.describe())));
        app.get("/api/state", ctx -> exclusive(ctx, () -> ctx.json(state())));
        app.post("/api/open", ctx -> exclusive(ctx, () -> {
            pause();
            session.open(intField(body(ctx), "index"));
            changedScenario(ctx);
        }));
        app.post("/api/settings", ctx -> exclusive(ctx, () -> {
            session.apply(Requests.settings(body(ctx)));
            changedScenario(ctx);
        }));
        app.post("/api/step", ctx -> exclusive(ctx, () -> {
            pause();
            session.step();
            changedState(ctx);
        }));
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
        app.post("/api/reset", ctx -> exclusive(ctx, () -> {
            pause();
            session.reset();
            changedState(ctx);
        }));
        app.post("/api/event", ctx -> exclusive(ctx, () -> {
            JsonNode body = body(ctx);
            String type = text(body, "type");
            if (type == null) {
                throw problem("type", "missing (required): one of withdraw, disengage, reengage, salience");
            }
            if (!List.of("withdraw", "disengage", "reengage", "salience").contains(type)) {
                throw problem("type", "must be withdraw, disengage, reengage or salience, got '" + type + "'");
            }
            session.trigger(type.equals("salience") ? "set" : type, text(body, "delegation"), text(body, "forum"),
                    text(body, "dimension"), text(body, "value"), text(body, "body"));
            changedScenario(ctx);
        }));
        app.post("/api/replications", ctx -> exclusive(ctx,
                () -> ctx.json(session.replicate(intField(body(ctx), "replications")))));
        app.get("/api/export", ctx -> exclusive(ctx, () -> {
            ctx.contentType("text/yaml; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + session.scenario().name() + "-explored.yaml\"");
            ctx.result(session.exportYaml());
        }));
        app.sse("/api/stream", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendEvent("state", json(state()));
        });
        app.exception(InputException.class, (e, ctx) -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .json(Map.of("problems", e.problems().stream().map(ExplorerServer::problemView).toList())));
        // Javalin's own refusals (a body over the size limit: 413) in JSON like every other answer.
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(Requests.problems(e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()
                        ? "the request body is larger than " + MAX_BODY_BYTES + " bytes" : e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .json(Map.of("problems", List.of(Map.of("field", "", "message", "internal error: " + e,
                        "text", "internal error: " + e)))));
    }

    /**
     * The page with the scenario and the round shown written in, so that its first paint shows the
     * assembly without waiting for a request (a headless screenshot taken at the load event included).
     * It does not queue for other work: the session's views are read consistently on their own, and
     * replications, the long work, do not hold the session while they run.
     */
    private String page() {
        String views = json(Map.of("scenario", session.describe(), "state", state()));
        // Inside a script element "</script>" would end it: no '<' is left, JSON reads the escape back.
        return PAGE.replace(VIEWS_PLACE, views.replace("<", "\\u003c"));
    }

    private static String pageTemplate() {
        try (InputStream in = ExplorerServer.class.getResourceAsStream("page.html")) {
            if (in == null) {
                throw new IllegalStateException("the explorer's page.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work on the session done by one request at a time; a request arriving meanwhile is told so. */
    private interface Work {
        void run() throws Exception;
    }

    private void exclusive(Context ctx, Work request) throws Exception {
        // A round of play takes milliseconds: wait that long, not for a replay or replications.
        if (!work.tryAcquire(BUSY_WAIT_MILLISECONDS, TimeUnit.MILLISECONDS)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .json(Requests.problems("busy: the explorer is still working on an earlier request; try again"));
            return;
        }
        try {
            request.run();
        } finally {
            work.release();
        }
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
        if (!work.tryAcquire()) {
            return; // a request is working on the session: play this round at the next tick
        }
        try {
            if (!session.step()) {
                pause();
            }
            broadcast("state", state());
        } catch (RuntimeException e) {
            // A failing round stops the play, never the timer thread or the server.
            pause();
            broadcast("failure", Map.of("message", "internal error: " + e));
        } finally {
            work.release();
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
