package dev.kitt.engines.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The simulated engine, embeddable: {@code new SimEngine().start(vertx, options)} deploys it on its
 * own event-loop context (so its timers never share a thread with the caller's client) and
 * completes with the bound port. {@code kitt engine-sim}, the server's test agents and the tests
 * all use this class.
 */
public final class SimEngine {
    private SimTruth truth;
    private String deploymentId;
    private Vertx vertx;
    private int port;

    public Future<Integer> start(Vertx vertx, SimOptions options) {
        this.vertx = vertx;
        this.truth = new SimTruth(options.truthCapacity());
        SimVerticle verticle = new SimVerticle(options, truth);
        return vertx.deployVerticle(verticle).map(id -> {
            deploymentId = id;
            port = verticle.server.actualPort();
            return port;
        });
    }

    public Future<Void> stop() {
        if (deploymentId == null) {
            return Future.succeededFuture();
        }
        String id = deploymentId;
        deploymentId = null;
        return vertx.undeploy(id);
    }

    public int port() {
        return port;
    }

    /** The true send time of every token written, by response id (X-Request-Id). */
    public SimTruth truth() {
        return truth;
    }

    private static final class SimVerticle extends VerticleBase {
        private final SimOptions options;
        private final SimTruth truth;
        private HttpServer server;

        SimVerticle(SimOptions options, SimTruth truth) {
            this.options = options;
            this.truth = truth;
        }

        @Override
        public Future<?> start() {
            SimScheduler scheduler = new SimScheduler(vertx, options.profile(), options.seed());
            SimRoutes routes = new SimRoutes(scheduler, truth, options.profile());
            server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setAcceptBacklog(16_384));
            return server.requestHandler(routes.router(vertx)).listen(options.port(), options.host());
        }
    }
}
