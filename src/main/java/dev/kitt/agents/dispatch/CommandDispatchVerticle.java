package dev.kitt.agents.dispatch;

import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns the commands outbox: answers {@code kitt.commands.submit} and publishes
 * {@code kitt.commands.update}; filled in by the fleet issue.
 */
public final class CommandDispatchVerticle extends VerticleBase {
    private final ServerContext ctx;

    public CommandDispatchVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }
}
