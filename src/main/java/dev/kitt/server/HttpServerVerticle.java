package dev.kitt.server;

import dev.kitt.Version;
import dev.kitt.auth.AuthApi;
import dev.kitt.auth.BearerAuthHandler;
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
 *   GET  /metrics                            public (Prometheus)
 *   *    /api/v1/**                          bearer token, then the capability's routes
 *   GET  /api/v1/logs/{sourceId}[/stream]    stored log lines; SSE (token may be ?access_token=)
 *   GET  /api/v1/events[/stream]             domain events; SSE (token may be ?access_token=)
 *   GET|PUT /api/v1/settings                 UI settings (stored value wins over env)
 *   GET  /api/v1/models, /api/v1/devon/status
 *   *    /devon-app/**                       reverse proxy to Devon, adds its API key (kitt_token cookie)
 *   GET  /webjars/**                         browser libraries from the classpath (immutable)
 *   GET  /*                                  the single-page app (static files, SPA fallback)
 * </pre>
 * Every failure goes through {@link ErrorResponder}, which writes the JSON error body.
 */
public final class HttpServerVerticle extends VerticleBase {
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/health", "/api/v1/version", "/api/v1/auth/login");

    private final ServerContext ctx;
    private HttpServer server;

    public HttpServerVerticle(ServerContext ctx) {
        this.ctx = ctx;
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

        api.route().handler(SseRequests.queryTokenForStreams());
        api.route().handler(new BearerAuthHandler(ctx.auth(), PUBLIC_PATHS));
        new ResultsApi(new ResultRepository(ctx.db())).mount(api);
        new LogsApi(vertx, new LogRepository(ctx.db()), SseRequests.keepAliveMs()).mount(api);
        new EventsApi(vertx, new EventRepository(ctx.db()), SseRequests.keepAliveMs()).mount(api);
        SettingsService settings = new SettingsService(new SettingsRepository(ctx.db()), System.getenv(),
                ctx.config().home());
        new SettingsApi(settings).mount(api);
        new ModelsApi(vertx, settings).mount(api);
        HttpClient outbound = vertx.createHttpClient();
        new DevonStatusApi(outbound, settings).mount(api);

        api.route().failureHandler(ErrorResponder::handle);

        root.get("/metrics").handler(PrometheusScrapingHandler.create(ctx.metrics()));
        root.route("/api/v1/*").subRouter(api);
        new DevonProxy(outbound, settings, ctx.auth()).mount(root);
        root.route(DevonProxy.PREFIX + "/*").failureHandler(ErrorResponder::handle);
        WebApp.mount(vertx, root, ctx.config());
        for (int status : new int[]{400, 404, 405, 413, 415, 500}) {
            root.errorHandler(status, ErrorResponder.forStatus(status));
        }

        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(ctx.config().host())
                .setPort(ctx.config().port())
                .setCompressionSupported(true));
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
