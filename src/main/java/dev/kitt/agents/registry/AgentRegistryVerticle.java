package dev.kitt.agents.registry;

import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Owns the agents, agent_settings and enrollment_tokens tables. Publishes
 * {@code kitt.agents.connected} / {@code .disconnected}; filled in by the fleet issue.
 */
public final class AgentRegistryVerticle extends VerticleBase {
    private final ServerContext ctx;

    public AgentRegistryVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }
}
