package dev.kitt.agents.heartbeat;

import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Tracks agent liveness from {@code kitt.agents.heartbeat} and publishes
 * {@code kitt.agents.status} changes; filled in by the fleet issue.
 */
public final class HeartbeatVerticle extends VerticleBase {
    private final ServerContext ctx;

    public HeartbeatVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }
}
