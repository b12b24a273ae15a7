package dev.kitt.server;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.dispatch.CommandDispatchVerticle;
import dev.kitt.agents.dispatch.TestAgentVerticle;
import dev.kitt.agents.heartbeat.AgentSweeper;
import dev.kitt.agents.heartbeat.HeartbeatVerticle;
import dev.kitt.agents.registry.AgentRegistryVerticle;
import dev.kitt.auth.AuthService;
import dev.kitt.bench.BenchmarkVerticle;
import dev.kitt.campaigns.CampaignVerticle;
import dev.kitt.cluster.ClusterBootstrap;
import dev.kitt.cluster.ClusterNodes;
import dev.kitt.cluster.Singleton;
import dev.kitt.config.KittConfig;
import dev.kitt.events.EventsVerticle;
import dev.kitt.logs.LogStreamVerticle;
import dev.kitt.server.metrics.KittMetricsVerticle;
import dev.kitt.server.tls.CaAgreement;
import dev.kitt.quicktests.QuickTestVerticle;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's one bootstrap: creates Vert.x with Micrometer metrics, opens (and migrates) the
 * store, loads auth, then deploys the verticles in order. The HTTP verticle goes last so the
 * port opens only when everything behind it is ready.
 */
public final class KittServer {
    private static final Logger LOG = LoggerFactory.getLogger(KittServer.class);

    private final Vertx vertx;
    private final ServerContext context;
    private final HttpServerVerticle http;
    private final List<Singleton> singletons;
    private final List<String> deployed;

    private KittServer(Vertx vertx, ServerContext context, HttpServerVerticle http, List<Singleton> singletons,
                       List<String> deployed) {
        this.vertx = vertx;
        this.context = context;
        this.http = http;
        this.singletons = singletons;
        this.deployed = deployed;
    }

    public static Future<KittServer> start(KittConfig config) {
        return start(config, FleetOptions.defaults());
    }

    /** With the fleet's intervals and agent package given (tests shrink the intervals). */
    public static Future<KittServer> start(KittConfig config, FleetOptions fleet) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Vert.x keeps one backend per registry name per JVM: a unique name keeps each server's
        // meters in its own registry when several run in one process (cluster tests, the fleet bench).
        // epoll where Linux has it (the jar carries it for x86_64 and aarch64), else the JDK's NIO.
        VertxOptions options = new VertxOptions().setPreferNativeTransport(true).setMetricsOptions(new MicrometerMetricsOptions()
                .setRegistryName("kitt-" + java.util.UUID.randomUUID())
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
        MicrometerMetricsFactory metrics = new MicrometerMetricsFactory(registry);
        // A promise with no context: its listeners must not be scheduled on the event loops that a
        // failed start is about to close.
        Promise<KittServer> started = Promise.promise();
        if (!config.cluster().enabled()) {
            Vertx vertx = Vertx.builder().with(options).withMetrics(metrics).build();
            startOn(vertx, ClusterNodes.single(), config, fleet, registry, started);
        } else {
            // Only here is the cluster package (and with it Hazelcast) loaded.
            ClusterBootstrap.join(config.cluster(), options, metrics)
                    .onSuccess(joined -> startOn(joined.vertx(), joined.nodes(), config, fleet, registry, started))
                    .onFailure(started::fail);
        }
        return started.future();
    }

    private static void startOn(Vertx vertx, ClusterNodes nodes, KittConfig config, FleetOptions fleet,
                                PrometheusMeterRegistry registry, Promise<KittServer> started) {
        CaAgreement.check(vertx, nodes, config)
                .compose(v -> Database.open(vertx, config))
                .compose(db -> AuthService.start(vertx, db, config)
                        .map(auth -> new ServerContext(config, db, auth, registry, nodes)))
                .compose(ctx -> deployAll(vertx, ctx, fleet))
                .onSuccess(started::complete)
                .onFailure(err -> {
                    started.fail(describe(err, config));
                    vertx.close();
                });
    }

    private static Future<KittServer> deployAll(Vertx vertx, ServerContext ctx, FleetOptions fleet) {
        Singleton sweeper = new Singleton("agent-sweeper", () -> new AgentSweeper(ctx, fleet));
        Singleton testAgents = new Singleton("test-agents", () -> new TestAgentVerticle(ctx));
        Singleton campaigns = new Singleton("campaigns", () -> new CampaignVerticle(ctx));
        // Read by the health route on an event loop while start-up may still add the sweeper.
        List<Singleton> singletons = new CopyOnWriteArrayList<>(List.of(testAgents, campaigns));
        HttpServerVerticle http = new HttpServerVerticle(ctx, fleet, () -> held(singletons));
        List<String> deployed = new ArrayList<>();
        // Whatever answers a request is deployed before whatever may send it on start-up: the
        // fleet resumes test-agent work (and the demo submits its run) through kitt.bench.start.
        return deploy(vertx, deployed, new KittMetricsVerticle(ctx))
                .compose(id -> deploy(vertx, deployed, new LogStreamVerticle(ctx)))
                .compose(id -> deploy(vertx, deployed, new EventsVerticle(ctx)))
                .compose(id -> fleet.builtInBenchmarks() ? deploy(vertx, deployed, new BenchmarkVerticle(ctx))
                        : Future.succeededFuture("stand-in"))
                .compose(id -> !fleet.builtInFleet() ? Future.succeededFuture("stand-ins")
                        : deploy(vertx, deployed, new AgentRegistryVerticle(ctx))
                        .compose(x -> deploy(vertx, deployed, new HeartbeatVerticle(ctx, fleet)))
                        .compose(x -> !ctx.cluster().clustered() ? Future.succeededFuture("single node")
                                : deploy(vertx, deployed, sweeper).onSuccess(d -> singletons.add(sweeper)))
                        .compose(x -> deploy(vertx, deployed, testAgents))
                        .compose(x -> deploy(vertx, deployed, new CommandDispatchVerticle(ctx, fleet))))
                .compose(id -> deploy(vertx, deployed, new QuickTestVerticle(ctx)))
                // Singletons: one node of a cluster runs each; a single server takes its local lock at once.
                .compose(id -> deploy(vertx, deployed, campaigns))
                .compose(id -> deploy(vertx, deployed, http))
                .map(id -> {
                    if (!vertx.isNativeTransportEnabled()) {
                        LOG.info("epoll transport unavailable, using NIO: {}", String.valueOf(vertx.unavailableNativeTransportCause()));
                    }
                    LOG.info("KITT listening on {}://{}:{} ({} store, {} transport{})", http.tlsEngine() == null ? "http" : "https",
                            ctx.config().host(), http.actualPort(), ctx.db().dialect().label(),
                            vertx.isNativeTransportEnabled() ? "epoll" : "NIO",
                            http.tlsEngine() == null ? "" : ", TLS through " + http.tlsEngine().name().toLowerCase()
                                    + ", CA SHA-256 " + http.tlsFiles().fingerprint());
                    return new KittServer(vertx, ctx, http, singletons, deployed);
                });
    }

    /** Deploys a verticle of the server itself and records its id: what {@link #stop} undeploys. */
    private static Future<String> deploy(Vertx vertx, List<String> deployed, io.vertx.core.Deployable verticle) {
        return vertx.deployVerticle(verticle).onSuccess(deployed::add);
    }

    private static Throwable describe(Throwable err, KittConfig config) {
        if (err instanceof java.net.BindException) {
            return new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + err.getMessage(), err);
        }
        return err;
    }

    public int port() {
        return http.actualPort();
    }

    /** The HTTP verticle: its TLS engine and files, and its routes (for the OpenAPI check). */
    public HttpServerVerticle http() {
        return http;
    }

    /** The singletons (campaign executor, test agents, agent sweeper) this node runs now. */
    public List<String> singletonsHeld() {
        return held(singletons);
    }

    private static List<String> held(List<Singleton> singletons) {
        return singletons.stream().filter(Singleton::holding).map(Singleton::name).sorted().toList();
    }

    public Vertx vertx() {
        return vertx;
    }

    public ServerContext context() {
        return context;
    }

    /**
     * Graceful stop: undeploying lets the HTTP verticle finish in-flight requests within the
     * grace period; then the store drains and closes, and only then Vert.x (see {@link Database#close}).
     */
    public Future<Void> stop() {
        // Completed only after the log line, on a promise with no context, so a caller waiting
        // on it (the shutdown hook) cannot let the JVM halt before "stopped" is written.
        Promise<Void> stopped = Promise.promise();
        // The server's own verticles only: each undeploys what it deployed itself (a singleton's duty).
        Future.join(deployed.stream().map(vertx::undeploy).toList())
                .eventually(() -> context.db().close())
                .eventually(vertx::close).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("KITT stopped with an error: {}", ar.cause().getMessage());
            } else {
                LOG.info("KITT stopped");
            }
            stopped.complete();
        });
        return stopped.future();
    }
}
