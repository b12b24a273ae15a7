package dev.kitt.server;

import dev.kitt.agents.dispatch.CommandDispatchVerticle;
import dev.kitt.agents.heartbeat.HeartbeatVerticle;
import dev.kitt.agents.registry.AgentRegistryVerticle;
import dev.kitt.auth.AuthService;
import dev.kitt.bench.BenchmarkVerticle;
import dev.kitt.campaigns.CampaignVerticle;
import dev.kitt.config.KittConfig;
import dev.kitt.events.EventsVerticle;
import dev.kitt.logs.LogStreamVerticle;
import dev.kitt.store.Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one bootstrap: creates Vert.x with Micrometer metrics, opens (and migrates) the
 * store, loads auth, then deploys the verticles in order. The HTTP verticle goes last so the
 * port opens only when everything behind it is ready.
 */
public final class KittServer {
    private static final Logger LOG = LoggerFactory.getLogger(KittServer.class);

    private final Vertx vertx;
    private final ServerContext context;
    private final int port;

    private KittServer(Vertx vertx, ServerContext context, int port) {
        this.vertx = vertx;
        this.context = context;
        this.port = port;
    }

    public static Future<KittServer> start(KittConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                        .setEnabled(true)
                        .setJvmMetricsEnabled(true)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        // A promise with no context: its listeners must not be scheduled on the event loops that a
        // failed start is about to close.
        Promise<KittServer> started = Promise.promise();
        Database.open(vertx, config)
                .compose(db -> AuthService.start(vertx, db, config)
                        .map(auth -> new ServerContext(config, db, auth, registry)))
                .compose(ctx -> deployAll(vertx, ctx))
                .onSuccess(started::complete)
                .onFailure(err -> {
                    started.fail(describe(err, config));
                    vertx.close();
                });
        return started.future();
    }

    private static Future<KittServer> deployAll(Vertx vertx, ServerContext ctx) {
        HttpServerVerticle http = new HttpServerVerticle(ctx);
        return vertx.deployVerticle(new AgentRegistryVerticle(ctx))
                .compose(id -> vertx.deployVerticle(new HeartbeatVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(new CommandDispatchVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(new LogStreamVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(new EventsVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(new BenchmarkVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(new CampaignVerticle(ctx)))
                .compose(id -> vertx.deployVerticle(http))
                .map(id -> {
                    LOG.info("KITT listening on {}:{} ({} store)", ctx.config().host(), http.actualPort(),
                            ctx.db().dialect().label());
                    return new KittServer(vertx, ctx, http.actualPort());
                });
    }

    private static Throwable describe(Throwable err, KittConfig config) {
        if (err instanceof java.net.BindException) {
            return new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + err.getMessage(), err);
        }
        return err;
    }

    public int port() {
        return port;
    }

    public Vertx vertx() {
        return vertx;
    }

    public ServerContext context() {
        return context;
    }

    /**
     * Graceful stop: undeploying lets the HTTP verticle finish in-flight requests within the
     * grace period; then the store closes.
     */
    public Future<Void> stop() {
        return vertx.close().onComplete(ar -> LOG.info("KITT stopped"));
    }
}
