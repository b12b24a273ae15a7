package dev.kitt.quicktests;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.AgentDirectory;
import dev.kitt.campaigns.plan.AgentInfo;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.plan.Suites;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.logs.LogLine;
import dev.kitt.logs.LogRepository;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.QueryParams;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * /api/v1/quicktests: start one suite or benchmark on one agent (validated: agent known over
 * {@code kitt.agents.get}, engine, suite or benchmark, CPU architecture, timeout_s), list, get,
 * cancel and read its stored logs (source id = the quick test's id, for test and real agents alike:
 * dispatch files a real agent's log frames under the source its run_test payload names).
 */
public final class QuickTestsApi {
    /** A quick test may run this long unless the request says otherwise (timeout_s). */
    public static final long DEFAULT_TIMEOUT_S = 30 * 60;
    private static final long MAX_TIMEOUT_S = 24 * 3600;

    private final Vertx vertx;
    private final QuickTestRepository tests;
    private final LogRepository logs;
    private final AgentDirectory agents;
    private final EngineCatalog catalog;

    public QuickTestsApi(Vertx vertx, Database db) {
        this(vertx, db, EngineCatalog.standard());
    }

    public QuickTestsApi(Vertx vertx, Database db, EngineCatalog catalog) {
        this.vertx = vertx;
        this.tests = new QuickTestRepository(db);
        this.logs = new LogRepository(db);
        this.agents = new AgentDirectory(vertx);
        this.catalog = catalog;
    }

    public void mount(Router api) {
        api.get("/quicktests").handler(this::list);
        api.post("/quicktests").handler(this::create);
        api.get("/quicktests/:id").handler(this::get);
        api.post("/quicktests/:id/cancel").handler(this::cancel);
        api.get("/quicktests/:id/logs").handler(this::logs);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        JsonObject t = validate(body);
        String id = UUID.randomUUID().toString();
        agents.get(t.getString("agent_id")).compose(agent -> {
            checkArch(agent, t.getString("engine"));
            return tests.insert(id, t, System.currentTimeMillis());
        }).compose(v -> submit(id, t)).compose(v -> tests.get(id)).onSuccess(row -> Json.reply(ctx, 201, row))
                .onFailure(err -> ctx.fail(err instanceof SpecException s
                        ? new ApiException("agents_unavailable".equals(s.code()) ? 503 : 400, s.code(), s.getMessage(),
                                "unknown_agent".equals(s.code()) ? "agent_id" : null)
                        : err));
    }

    private static JsonObject validate(JsonObject body) {
        String agent = Json.requiredString(body, "agent_id");
        String model = Json.requiredString(body, "model");
        String engine = Json.requiredString(body, "engine");
        Object suite = body.getValue("suite");
        Object benchmark = body.getValue("benchmark");
        if ((suite == null) == (benchmark == null)) {
            throw new ApiException(400, "invalid_field", "give exactly one of 'suite' (" + String.join(", ", Suites.SUITES)
                    + ") or 'benchmark' (" + String.join(", ", Suites.BENCHMARKS) + ")", suite != null ? "suite" : "benchmark");
        }
        if (suite != null && (!(suite instanceof String s) || !Suites.knownSuite(s))) {
            throw new ApiException(400, "unknown_suite", "unknown suite '" + suite + "' (known: "
                    + String.join(", ", Suites.SUITES) + ")", "suite");
        }
        if (benchmark != null && (!(benchmark instanceof String b) || !Suites.knownBenchmark(b))) {
            throw new ApiException(400, "unknown_benchmark", "unknown benchmark '" + benchmark + "' (known: "
                    + String.join(", ", Suites.BENCHMARKS) + ")", "benchmark");
        }
        Object profile = body.getValue("profile");
        if (profile != null && (!(profile instanceof String p) || p.isBlank())) {
            throw ApiException.invalidField("profile", "field 'profile' must be an engine profile name");
        }
        Object mode = body.getValue("mode");
        if (mode != null && !List.of("docker", "native", "endpoint").contains(mode)) {
            throw ApiException.invalidField("mode", "field 'mode' must be docker, native or endpoint");
        }
        Object endpoint = body.getValue("endpoint");
        if (endpoint != null && (!(endpoint instanceof String url) || !url.matches("https?://.+"))) {
            throw ApiException.invalidField("endpoint", "field 'endpoint' must be the URL of a running engine, "
                    + "such as http://gpu-1:8000");
        }
        if (endpoint != null && mode == null) {
            mode = "endpoint"; // as with kitt run: an endpoint alone means endpoint mode
        }
        if ("endpoint".equals(mode) && endpoint == null) {
            throw ApiException.invalidField("endpoint", "mode 'endpoint' needs field 'endpoint': the URL of the engine "
                    + "already running, such as http://gpu-1:8000");
        }
        Object timeout = body.getValue("timeout_s", DEFAULT_TIMEOUT_S);
        if (!(timeout instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue()) || n.longValue() < 1
                || n.longValue() > MAX_TIMEOUT_S) {
            throw new ApiException(400, "invalid_field", "field 'timeout_s' must be a whole number of seconds from 1 to "
                    + MAX_TIMEOUT_S + " (default " + DEFAULT_TIMEOUT_S + ")");
        }
        return new JsonObject().put("agent_id", agent).put("model", model).put("engine", engine)
                .put("suite", suite).put("benchmark", benchmark).put("profile", profile).put("mode", mode).put("endpoint", endpoint)
                .put("timeout_s", ((Number) timeout).longValue());
    }

    private void checkArch(AgentInfo agent, String engine) {
        if (!catalog.knows(engine)) {
            throw new ApiException(400, "unknown_engine", "unknown engine '" + engine + "' (known: "
                    + String.join(", ", catalog.engines()) + ")", "engine");
        }
        Set<String> archs = catalog.archs(engine);
        if (!archs.isEmpty() && agent.arch() != null && !archs.contains(agent.arch())) {
            throw new ApiException(400, "incompatible_agent", "engine " + engine + " needs a "
                    + String.join(" or ", archs) + " CPU; agent " + agent.id() + " has " + agent.arch(), "engine");
        }
    }

    /** Sends the run_test command; a refusal (agent offline, unknown) fails the test with the reason. */
    private Future<Void> submit(String id, JsonObject t) {
        JsonObject payload = new JsonObject().put("model", t.getString("model")).put("engine", t.getString("engine"))
                .put("profile", t.getString("profile")).put("mode", t.getString("mode"))
                .put("endpoint", t.getString("endpoint")).put("sourceId", id)
                .put("quickTestId", id);
        payload.put(t.getString("suite") != null ? "suite" : "benchmark",
                t.getString("suite") != null ? t.getString("suite") : t.getString("benchmark"));
        // Dispatch enforces the deadline: past it the command is timed_out and the agent told to stop the work.
        JsonObject cmd = new JsonObject().put("agentId", t.getString("agent_id")).put("type", "run_test")
                .put("payload", payload).put("deadlineS", t.getLong("timeout_s"));
        return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT, cmd, new DeliveryOptions().setSendTimeout(30_000))
                .compose(reply -> tests.dispatched(id, reply.body().getString("commandId"), System.currentTimeMillis()))
                .recover(err -> tests.finish(id, "failed", null, "dispatch refused: " + err.getMessage(),
                        System.currentTimeMillis()))
                .mapEmpty();
    }

    private void list(RoutingContext ctx) {
        tests.list(QueryParams.oneOf(ctx, "status", null, QuickTestRepository.STATUSES), ctx.request().getParam("agent_id"),
                        QueryParams.integer(ctx, "page", 1, 1, Integer.MAX_VALUE),
                        QueryParams.integer(ctx, "per_page", 50, 1, 500))
                .onSuccess(page -> Json.ok(ctx, page)).onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        found(ctx.pathParam("id")).onSuccess(t -> Json.ok(ctx, t)).onFailure(ctx::fail);
    }

    private Future<JsonObject> found(String id) {
        return tests.get(id).compose(t -> t == null ? Future.failedFuture(ApiException.notFound("quick test " + id))
                : Future.succeededFuture(t));
    }

    private void cancel(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        found(id).compose(t -> tests.finish(id, "cancelled", null, "cancelled by a user", System.currentTimeMillis())
                .compose(changed -> {
                    if (!changed) {
                        return Future.failedFuture(ApiException.conflict("quick test " + id + " is "
                                + t.getString("status") + ": only a queued, dispatched or running test can be cancelled"));
                    }
                    if (t.getString("command_id") != null) {
                        vertx.eventBus().request(Addresses.COMMANDS_SUBMIT, new JsonObject()
                                .put("agentId", t.getString("agent_id")).put("type", "cancel")
                                .put("payload", new JsonObject().put("commandId", t.getString("command_id"))));
                    }
                    return Future.succeededFuture(new JsonObject().put("id", id).put("status", "cancelled"));
                })).onSuccess(r -> Json.ok(ctx, r)).onFailure(ctx::fail);
    }

    private void logs(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int after = QueryParams.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParams.integer(ctx, "limit", 1000, 1, 10_000);
        found(id).compose(t -> logs.after(id, after, limit))
                .onSuccess(lines -> Json.ok(ctx, new JsonObject().put("sourceId", id)
                        .put("lines", new JsonArray(lines.stream().map(LogLine::toJson).toList()))))
                .onFailure(ctx::fail);
    }
}
