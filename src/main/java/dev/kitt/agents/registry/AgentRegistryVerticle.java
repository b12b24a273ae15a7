package dev.kitt.agents.registry;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Owns the agents, agent_settings and enrollment_tokens tables. Answers {@code kitt.agents.get}
 * {agentId} with the agent record (404 when unknown), so other verticles (campaigns, quick tests)
 * never read this verticle's tables.
 */
public final class AgentRegistryVerticle extends VerticleBase {
    private final ServerContext ctx;

    public AgentRegistryVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AgentRepository agents = new AgentRepository(ctx.db());
        return vertx.eventBus().<JsonObject>localConsumer(Addresses.AGENTS_GET, msg -> {
            String id = msg.body().getString("agentId");
            agents.get(id).onSuccess(agent -> {
                if (agent == null || agent.getValue("revoked_at") != null) {
                    msg.fail(404, "agent " + id + " not found");
                } else {
                    msg.reply(agent);
                }
            }).onFailure(err -> msg.fail(500, err.getMessage()));
        }).completion();
    }
}
