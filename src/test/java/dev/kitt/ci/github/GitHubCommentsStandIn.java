package dev.kitt.ci.github;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GitHub's issue-comments API on 127.0.0.1: a real HTTP server that behaves as GitHub
 * does for the calls KITT makes. It checks the bearer token, the Accept and User-Agent headers, pages
 * with Link headers, records every create and update, and can be told to fail like GitHub does.
 * Routes answer both at the root (github.com) and under /api/v3 (GitHub Enterprise).
 */
public final class GitHubCommentsStandIn {
    public static final String OWNER = "kitt-org";
    public static final String REPO = "kitt";

    /** One request as the stand-in saw it. */
    public record Call(String method, String path, String query, String authorization) {
    }

    /**
     * A scripted error: for the next {@code remaining} requests (all of them when negative).
     * With {@code afterWrite} the write happens first and only the answer is an error, as when
     * GitHub's front end times out on a request its back end completed.
     */
    private record Failure(int status, JsonObject body, AtomicInteger remaining, boolean afterWrite) {
        boolean take() {
            return remaining.get() < 0 || remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private final Vertx vertx;
    private final String token;
    private final List<JsonObject> comments = new CopyOnWriteArrayList<>();
    private final Map<HttpMethod, Failure> failures = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<JsonObject> created = new CopyOnWriteArrayList<>();
    public final List<JsonObject> updated = new CopyOnWriteArrayList<>();
    private volatile int maxPerPage = 100;
    private long nextId = 1000;
    private HttpServer server;

    public GitHubCommentsStandIn(Vertx vertx, String token) {
        this.vertx = vertx;
        this.token = token;
    }

    public Future<Integer> start() {
        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create()).handler(this::record).handler(this::checkHeaders);
        api.get("/repos/:owner/:repo/issues/:number/comments").handler(this::list);
        api.post("/repos/:owner/:repo/issues/:number/comments").handler(this::create);
        api.patch("/repos/:owner/:repo/issues/comments/:id").handler(this::update);
        Router root = Router.router(vertx);
        root.route("/api/v3/*").subRouter(api);
        root.route("/*").subRouter(api);
        server = vertx.createHttpServer().requestHandler(root);
        return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
    }

    public int port() {
        return server.actualPort();
    }

    /** Like GitHub's 100, but smaller so tests reach page 3 with few comments. */
    public GitHubCommentsStandIn maxPerPage(int n) {
        maxPerPage = n;
        return this;
    }

    /** Every request with this method answers {@code status} with GitHub's error body. */
    public GitHubCommentsStandIn failAll(HttpMethod method, int status, JsonObject body) {
        failures.put(method, new Failure(status, body, new AtomicInteger(-1), false));
        return this;
    }

    /** The next {@code count} requests with this method answer {@code status}; later ones succeed. */
    public GitHubCommentsStandIn failFirst(HttpMethod method, int count, int status) {
        failures.put(method, new Failure(status, new JsonObject().put("message", "Server Error"),
                new AtomicInteger(count), false));
        return this;
    }

    /** The next {@code count} writes with this method take effect, but are answered with {@code status}. */
    public GitHubCommentsStandIn failFirstAfterWrite(HttpMethod method, int count, int status) {
        failures.put(method, new Failure(status, new JsonObject().put("message", "Server Error"),
                new AtomicInteger(count), true));
        return this;
    }

    /** Adds an existing comment on the pull request and returns its id. */
    public synchronized long addComment(int pullRequest, String body) {
        long id = nextId++;
        comments.add(comment(id, pullRequest, body));
        return id;
    }

    public List<JsonObject> comments(int pullRequest) {
        return comments.stream().filter(c -> c.getInteger("issue") == pullRequest).toList();
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void record(RoutingContext ctx) {
        HttpServerRequest r = ctx.request();
        calls.add(new Call(r.method().name(), r.path(), r.query() == null ? "" : r.query(), r.getHeader("Authorization")));
        ctx.next();
    }

    private void checkHeaders(RoutingContext ctx) {
        HttpServerRequest r = ctx.request();
        if (!("Bearer " + token).equals(r.getHeader("Authorization"))) {
            error(ctx, 401, new JsonObject().put("message", "Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest"));
        } else if (r.getHeader("User-Agent") == null || r.getHeader("User-Agent").isBlank()) {
            error(ctx, 403, new JsonObject().put("message", "Request forbidden: please send a User-Agent header"));
        } else if (!"application/vnd.github+json".equals(r.getHeader("Accept"))) {
            error(ctx, 415, new JsonObject().put("message", "stand-in expects Accept: application/vnd.github+json"));
        } else {
            // The repository is checked by each route, where its path parameters are known.
            ctx.next();
        }
    }

    private boolean refused(RoutingContext ctx) {
        if (!OWNER.equals(ctx.pathParam("owner")) || !REPO.equals(ctx.pathParam("repo"))) {
            error(ctx, 404, new JsonObject().put("message", "Not Found")
                    .put("documentation_url", "https://docs.github.com/rest/issues/comments"));
            return true;
        }
        Failure f = failures.get(ctx.request().method());
        if (f != null && !f.afterWrite() && f.take()) {
            error(ctx, f.status(), f.body());
            return true;
        }
        return false;
    }

    /** Answers a completed write: normally with the comment, or with a scripted after-write error. */
    private void answerWrite(RoutingContext ctx, int status, JsonObject comment) {
        Failure f = failures.get(ctx.request().method());
        if (f != null && f.afterWrite() && f.take()) {
            error(ctx, f.status(), f.body());
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(comment.encode());
    }

    private void list(RoutingContext ctx) {
        if (refused(ctx)) {
            return;
        }
        int pr = Integer.parseInt(ctx.pathParam("number"));
        int perPage = Math.min(maxPerPage, intParam(ctx, "per_page", 30));
        int page = intParam(ctx, "page", 1);
        List<JsonObject> all = comments(pr);
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        List<JsonObject> slice = all.subList(Math.min(all.size(), (page - 1) * perPage), Math.min(all.size(), page * perPage));
        List<String> links = new ArrayList<>();
        String base = "http://127.0.0.1:" + port() + ctx.request().path() + "?per_page=" + perPage + "&page=";
        if (page < lastPage) {
            links.add("<" + base + (page + 1) + ">; rel=\"next\"");
            links.add("<" + base + lastPage + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + base + 1 + ">; rel=\"first\"");
            links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            ctx.response().putHeader("Link", String.join(", ", links));
        }
        JsonArray body = new JsonArray();
        slice.forEach(c -> body.add(c.copy()));
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    private void create(RoutingContext ctx) {
        if (refused(ctx)) {
            return;
        }
        String body = validBody(ctx);
        if (body == null) {
            return;
        }
        long id = addComment(Integer.parseInt(ctx.pathParam("number")), body);
        JsonObject c = find(id);
        created.add(c.copy());
        answerWrite(ctx, 201, c);
    }

    private void update(RoutingContext ctx) {
        if (refused(ctx)) {
            return;
        }
        long id = Long.parseLong(ctx.pathParam("id"));
        JsonObject c = find(id);
        if (c == null) {
            error(ctx, 404, new JsonObject().put("message", "Not Found"));
            return;
        }
        String body = validBody(ctx);
        if (body == null) {
            return;
        }
        c.put("body", body);
        updated.add(c.copy());
        answerWrite(ctx, 200, c);
    }

    private String validBody(RoutingContext ctx) {
        JsonObject json = ctx.body().asJsonObject();
        if (json == null || !(json.getValue("body") instanceof String body)) {
            error(ctx, 422, new JsonObject().put("message", "Invalid request.\n\n\"body\" wasn't supplied."));
            return null;
        }
        if (body.length() > 65_536) {
            error(ctx, 422, new JsonObject().put("message", "Validation Failed").put("errors", new JsonArray()
                    .add(new JsonObject().put("resource", "IssueComment").put("field", "body")
                            .put("message", "body is too long (maximum is 65536 characters)"))));
            return null;
        }
        return body;
    }

    private JsonObject find(long id) {
        return comments.stream().filter(c -> c.getLong("id") == id).findFirst().orElse(null);
    }

    private static JsonObject comment(long id, int pr, String body) {
        return new JsonObject().put("id", id).put("issue", pr).put("body", body)
                .put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + pr + "#issuecomment-" + id)
                .put("user", new JsonObject().put("login", "kitt-bot"));
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.request().getParam(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static void error(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
