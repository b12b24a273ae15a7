package dev.kitt.server;

import dev.kitt.Version;
import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.dispatch.CommandRepository;
import dev.kitt.agents.dispatch.CommandsApi;
import dev.kitt.agents.gateway.AgentGateway;
import dev.kitt.agents.registry.AgentPackageApi;
import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.agents.registry.AgentSelfApi;
import dev.kitt.agents.registry.AgentsApi;
import dev.kitt.agents.registry.EnrollmentRepository;
import dev.kitt.auth.AuthApi;
import dev.kitt.auth.BearerAuthHandler;
import dev.kitt.results.ResultRepository;
import dev.kitt.results.ResultsApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge. Routes, as a table:
 * <pre>
 *   GET  /api/v1/health, /api/v1/version     public
 *   POST /api/v1/auth/login                  public
 *   GET  /api/v1/agent/install.sh, /agent/package, /agent/package/sha256   public
 *   POST /api/v1/agents/enroll               enrollment token in the body
 *   GET  /api/v1/agents/connect              agent token, then WebSocket upgrade (agents.gateway)
 *   *    /api/v1/** with an agent token      only its own agent (AgentSelfApi), else 403
 *   GET  /metrics                            public (Prometheus)
 *   *    /api/v1/**                          bearer token, then the capability's routes
 *   GET  /*                                  the single-page app (static files, SPA fallback)
 * </pre>
 * Every failure goes through {@link ErrorResponder}, which writes the JSON error body.
 */
public final class HttpServerVerticle extends VerticleBase {
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/health", "/api/v1/version", "/api/v1/auth/login");

    private final ServerContext ctx;
    private final FleetOptions fleet;
    private HttpServer server;

    public HttpServerVerticle(ServerContext ctx) {
        this(ctx, FleetOptions.defaults());
    }

    public HttpServerVerticle(ServerContext ctx, FleetOptions fleet) {
        this.ctx = ctx;
        this.fleet = fleet;
    }

    @Override
    public Future<?> start() {
        Router root = Router.router(vertx);
        Router api = Router.router(vertx);

        api.route().handler(JsonOnly::check);
        api.route().handler(BodyHandler.create(false).setBodyLimit(ctx.config().bodyLimitBytes()));
        api.get("/health").handler(rc -> Json.ok(rc, new JsonObject().put("status", "ok")
                .put("database", ctx.db().dialect().label())));
        api.get("/version").handler(rc -> Json.ok(rc, new JsonObject().put("version", Version.current())
                .put("protocol", Integer.parseInt(Version.PROTOCOL))));
        new AuthApi(ctx.auth()).mount(api);
        AgentRepository agents = new AgentRepository(ctx.db());
        EnrollmentRepository enrollment = new EnrollmentRepository(ctx.db(), agents);
        new AgentPackageApi(vertx, fleet.packageJar()).mount(api);
        new AgentSelfApi(agents, enrollment).mount(api);

        api.route().handler(new BearerAuthHandler(ctx.auth(), PUBLIC_PATHS));
        new ResultsApi(new ResultRepository(ctx.db())).mount(api);
        new AgentsApi(vertx, agents, enrollment).mount(api);
        new CommandsApi(vertx, new CommandRepository(ctx.db())).mount(api);

        api.route().failureHandler(ErrorResponder::handle);

        // The agent socket: token checked before the upgrade, outside the JSON body handling of /api/v1.
        root.get("/api/v1/agents/connect").handler(new AgentGateway(vertx, agents, fleet));
        root.get("/metrics").handler(PrometheusScrapingHandler.create(ctx.metrics()));
        root.route("/api/v1/*").subRouter(api);
        WebApp.mount(vertx, root, ctx.config());
        for (int status : new int[]{400, 404, 405, 413, 415, 500}) {
            root.errorHandler(status, ErrorResponder.forStatus(status));
        }

        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(ctx.config().host())
                .setPort(ctx.config().port())
                .setCompressionSupported(true)
                // Room above the protocol's own limit, so an oversize frame gets an error frame, not a dropped link.
                .setMaxWebSocketMessageSize(fleet.maxFrameBytes() * 4)
                .setMaxWebSocketFrameSize(fleet.maxFrameBytes() * 4));
        return server.requestHandler(root).listen();
    }

    /** Stops accepting connections and lets in-flight requests finish within the grace period. */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture()
                : server.shutdown(ctx.config().shutdownGraceSeconds(), TimeUnit.SECONDS);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
