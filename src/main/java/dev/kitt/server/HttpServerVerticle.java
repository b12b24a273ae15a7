package dev.kitt.server;

import dev.kitt.Version;
import dev.kitt.auth.ApiTokensApi;
import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.dispatch.CommandRepository;
import dev.kitt.agents.dispatch.CommandsApi;
import dev.kitt.agents.gateway.AgentGateway;
import dev.kitt.agents.registry.AgentPackageApi;
import dev.kitt.agents.registry.AgentTokenVerifier;
import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.agents.registry.AgentSelfApi;
import dev.kitt.agents.registry.AgentsApi;
import dev.kitt.agents.registry.EnrollmentRepository;
import dev.kitt.auth.AuthApi;
import dev.kitt.auth.BearerAuthHandler;
import dev.kitt.auth.ClusteredLoginLimiter;
import dev.kitt.auth.LoginRateLimiter;
import dev.kitt.auth.RoleGuard;
import dev.kitt.auth.UsersApi;
import dev.kitt.config.SecurityConfig;
import dev.kitt.campaigns.CampaignsApi;
import dev.kitt.quicktests.QuickTestsApi;
import dev.kitt.devon.DevonProxy;
import dev.kitt.devon.DevonStatusApi;
import dev.kitt.events.EventRepository;
import dev.kitt.models.ModelsApi;
import dev.kitt.settings.SettingsApi;
import dev.kitt.settings.SettingsService;
import dev.kitt.store.SettingsRepository;
import io.vertx.core.http.HttpClient;
import dev.kitt.events.EventsApi;
import dev.kitt.logs.LogRepository;
import dev.kitt.logs.LogsApi;
import dev.kitt.logs.sse.SseRequests;
import dev.kitt.results.ResultRepository;
import dev.kitt.results.ResultsApi;
import dev.kitt.server.metrics.MetricsEndpoint;
import dev.kitt.server.openapi.OpenApiDocument;
import dev.kitt.server.tls.ServerTls;
import dev.kitt.server.tls.TlsMaterial;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP edge. Routes, as a table:
 * <pre>
 *   *    /*                                  security headers; CORS only for configured origins
 *   GET  /metrics                            Prometheus; a bearer token when metrics.require_token
 *   GET  /api/v1/health, version, openapi.yaml   public (health names the singletons this node holds)
 *   POST /api/v1/auth/login                  public, rate-limited per username and address
 *   GET  /api/v1/agent/install.sh, agent/package[/sha256], agent/ca.pem   public (the agent installer)
 *   POST /api/v1/agents/enroll               enrollment token in the body
 *   GET  /api/v1/agents/connect              agent token, then WebSocket upgrade (agents.gateway)
 *   *    /api/v1/agents/self/**              an agent token: only its own agent (AgentSelfApi)
 *   *    /api/v1/**                          bearer token (JWT or API token), then RoleGuard
 *                                            (viewer reads, admin writes, agent tokens 403), then
 *                                            each capability's routes (results, agents, commands,
 *                                            quicktests, campaigns, ...)
 *   GET  /api/v1/logs/{sourceId}[/stream]    stored log lines; SSE (token may be ?access_token=)
 *   GET  /api/v1/events[/stream]             domain events; SSE (token may be ?access_token=)
 *   GET|PUT /api/v1/settings                 UI settings (stored value wins over env)
 *   GET  /api/v1/models, /api/v1/devon/status, /api/v1/engines, /api/v1/profiles
 *   *    /devon-app/**                       reverse proxy to Devon, adds its API key (kitt_token cookie)
 *   GET  /webjars/**                         browser libraries from the classpath (immutable)
 *   GET  /*                                  the single-page app (static files, SPA fallback)
 * </pre>
 * Every failure goes through {@link ErrorResponder}, which writes the JSON error body.
 */
public final class HttpServerVerticle extends VerticleBase {
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/health", "/api/v1/version", "/api/v1/auth/login",
            "/api/v1/openapi.yaml", "/api/v1/agent/install.sh", "/api/v1/agent/package",
            "/api/v1/agent/package/sha256", "/api/v1/agent/ca.pem");
    /** Non-read requests a viewer may still make: they change nothing. */
    static final Set<String> VIEWER_WRITES = Set.of("POST /api/v1/results/compare", "POST /api/v1/users/me/password");
    /** The only paths an agent token reaches (a trailing "/" makes a prefix). */
    static final Set<String> AGENT_PATHS = Set.of("/api/v1/agents/connect");

    private final ServerContext ctx;
    private final FleetOptions fleet;
    private final Supplier<List<String>> singletonsHeld;
    private HttpServer server;
    private Router root;
    private Router api;
    private ServerTls.Engine tlsEngine;
    private TlsMaterial.Prepared tlsFiles;

    public HttpServerVerticle(ServerContext ctx) {
        this(ctx, FleetOptions.defaults());
    }

    public HttpServerVerticle(ServerContext ctx, FleetOptions fleet) {
        this(ctx, fleet, List::of);
    }

    /** {@code singletonsHeld}: the singletons this node runs now, as health reports them. */
    public HttpServerVerticle(ServerContext ctx, FleetOptions fleet, Supplier<List<String>> singletonsHeld) {
        this.ctx = ctx;
        this.fleet = fleet;
        this.singletonsHeld = singletonsHeld;
    }

    @Override
    public Future<?> start() {
        SecurityConfig sec = ctx.config().security();
        root = Router.router(vertx);
        api = Router.router(vertx);

        SecurityHeaders headers = new SecurityHeaders(!ctx.config().insecure());
        root.route().handler(headers::handle);
        if (!sec.corsOrigins().isEmpty()) {
            root.route().handler(CorsHandler.create().addOrigins(sec.corsOrigins())
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                            HttpMethod.DELETE))
                    .allowedHeaders(Set.of("Authorization", "Content-Type")).maxAgeSeconds(600));
        }

        api.route().handler(JsonOnly::check);
        api.route().handler(BodyHandler.create(false).setBodyLimit(ctx.config().bodyLimitBytes()));
        // singletons: which cluster-wide duties this node holds, so an operator (and a test) can see them move.
        api.get("/health").handler(rc -> Json.ok(rc, new JsonObject().put("status", "ok")
                .put("database", ctx.db().dialect().label()).put("singletons", new JsonArray(singletonsHeld.get()))));
        api.get("/version").handler(rc -> Json.ok(rc, new JsonObject().put("version", Version.current())
                .put("protocol", Integer.parseInt(Version.PROTOCOL))));
        OpenApiDocument.mount(api);
        new AuthApi(ctx.auth(), ctx.cluster().clustered()
                ? new ClusteredLoginLimiter(vertx, sec.loginMaxFailures(), sec.loginWindowSeconds(), System::currentTimeMillis)
                : new LoginRateLimiter(sec.loginMaxFailures(), sec.loginWindowSeconds(), System::currentTimeMillis)).mount(api);
        AgentRepository agents = new AgentRepository(ctx.db());
        ctx.auth().addVerifier(new AgentTokenVerifier(agents));
        EnrollmentRepository enrollment = new EnrollmentRepository(ctx.db(), agents);
        new AgentPackageApi(vertx, fleet.packageJar(), () -> tlsFiles).mount(api);
        // Agents' mutual TLS needs TLS: over --insecure there is no certificate to present.
        boolean agentMtls = sec.agentMtls() && !ctx.config().insecure();
        new AgentSelfApi(vertx, agents, enrollment, ctx.config().certsDir(), agentMtls, () -> tlsFiles).mount(api);

        api.route().handler(SseRequests.queryTokenForStreams());
        api.route().handler(new BearerAuthHandler(ctx.auth(), PUBLIC_PATHS));
        api.route().handler(new RoleGuard(PUBLIC_PATHS, VIEWER_WRITES, AGENT_PATHS));
        new UsersApi(ctx.auth()).mount(api);
        new ApiTokensApi(ctx.auth().apiTokens()).mount(api);
        new ResultsApi(new ResultRepository(ctx.db())).mount(api);
        new AgentsApi(vertx, agents, enrollment, () -> tlsFiles == null || !tlsFiles.generated() ? null : tlsFiles.fingerprint()).mount(api);
        new CommandsApi(vertx, new CommandRepository(ctx.db())).mount(api);
        new QuickTestsApi(vertx, ctx.db()).mount(api);
        new CampaignsApi(vertx, ctx.db()).mount(api);
        new LogsApi(vertx, new LogRepository(ctx.db()), SseRequests.keepAliveMs()).mount(api);
        new EventsApi(vertx, new EventRepository(ctx.db()), SseRequests.keepAliveMs()).mount(api);
        SettingsService settings = new SettingsService(new SettingsRepository(ctx.db()), System.getenv(),
                ctx.config().home());
        new SettingsApi(settings).mount(api);
        new ModelsApi(vertx, settings).mount(api);
        new dev.kitt.engines.EnginesApi(vertx, ctx.config().home()).mount(api);
        HttpClient outbound = vertx.createHttpClient();
        new DevonStatusApi(outbound, settings).mount(api);

        api.route().failureHandler(ErrorResponder::handle);

        // The agent socket: token checked before the upgrade, outside the JSON body handling of /api/v1.
        root.get("/api/v1/agents/connect").handler(new AgentGateway(vertx, agents, fleet, agentMtls, ctx.cluster().nodeId()));
        MetricsEndpoint.mount(vertx, root, ctx);
        root.route("/api/v1/*").subRouter(api);
        new DevonProxy(outbound, settings, ctx.auth()).mount(root);
        root.route(DevonProxy.PREFIX + "/*").failureHandler(ErrorResponder::handle);
        WebApp.mount(vertx, root, ctx.config());
        for (int status : new int[]{400, 401, 403, 404, 405, 413, 415, 500}) {
            root.errorHandler(status, ErrorResponder.forStatus(status));
        }

        HttpServerOptions options = new HttpServerOptions()
                .setHost(ctx.config().host())
                .setPort(ctx.config().port())
                .setCompressionSupported(true)
                // Room above the protocol's own limit, so an oversize frame gets an error frame,
                // not a dropped link.
                .setMaxWebSocketMessageSize(fleet.maxFrameBytes() * 4)
                .setMaxWebSocketFrameSize(fleet.maxFrameBytes() * 4);
        Future<Void> tls = ctx.config().insecure() ? Future.succeededFuture()
                // Off the event loop: key generation, file reads, and loading the OpenSSL native
                // library (the first isAvailable() check extracts and links it, which takes seconds).
                : vertx.executeBlocking(() -> {
                    tlsFiles = TlsMaterial.prepare(ctx.config());
                    tlsEngine = ServerTls.configure(options, tlsFiles, sec);
                    return null;
                });
        // The served index.html's import map is allowed by hash; read before the port opens.
        Future<Void> index = vertx.fileSystem().readFile(ctx.config().webroot().resolve("index.html").toString())
                .onSuccess(buf -> headers.allowImportMapOf(buf.toString()))
                .<Void>mapEmpty().recover(err -> Future.succeededFuture());
        return index.compose(v -> tls).compose(v -> {
            server = vertx.createHttpServer(options);
            return server.requestHandler(root).listen();
        });
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

    /** The TLS engine serving connections, or null over plain HTTP (--insecure). */
    public ServerTls.Engine tlsEngine() {
        return tlsEngine;
    }

    /** The certificate files in use, or null over plain HTTP. */
    public TlsMaterial.Prepared tlsFiles() {
        return tlsFiles;
    }

    /** Every concrete route as "METHOD /path" (API paths with their /api/v1 prefix): what the OpenAPI test checks. */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        collect(api, "/api/v1", out);
        return out;
    }

    /**
     * The root router's prefix routes ("/devon-app/*", the API mount, static files) as
     * "METHOD /path/*" ("*" for any method): what {@link #routes()} leaves out, so the access
     * control test can insist each one is known and checked.
     */
    public java.util.SortedSet<String> prefixRoutes() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Route r : root.getRoutes()) {
            if (r.getPath() != null && !r.isExactPath()) {
                String methods = r.methods() == null ? "*" : r.methods().stream().map(HttpMethod::name).sorted()
                        .collect(java.util.stream.Collectors.joining(","));
                out.add(methods + " " + r.getPath() + "*");
            }
        }
        return out;
    }

    private static void collect(Router router, String prefix, List<String> out) {
        for (Route r : router.getRoutes()) {
            String path = r.getPath();
            if (path == null) {
                continue;
            }
            // Prefix routes ("/*", sub-router mounts, the SPA) and method-less middleware are not
            // endpoints; "/users/:id" counts although Vert.x compiles it to a regex.
            boolean rawRegex = r.isRegexPath() && !path.contains(":");
            if (!r.isExactPath() || rawRegex || r.methods() == null) {
                continue;
            }
            for (HttpMethod m : r.methods()) {
                out.add(m.name() + " " + prefix + path);
            }
        }
    }
}
