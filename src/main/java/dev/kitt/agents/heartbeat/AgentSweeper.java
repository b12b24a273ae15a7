package dev.kitt.agents.heartbeat;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.gateway.AgentHolders;
import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster mode's agent sweeper, run on one node at a time: a node that dies takes its sockets
 * with it but cannot say so, so this drops the holder claims of nodes no longer in the cluster
 * and marks offline every real agent that the store shows connected but no live node holds.
 * Agents that reconnect elsewhere are claimed by their new node first and are left alone.
 */
public final class AgentSweeper extends VerticleBase {
    private final ServerContext ctx;
    private final FleetOptions timings;
    private AgentHolders holders;
    private boolean sweeping;

    public AgentSweeper(ServerContext ctx, FleetOptions timings) {
        this.ctx = ctx;
        this.timings = timings;
    }

    @Override
    public Future<?> start() {
        holders = new AgentHolders(vertx);
        vertx.setPeriodic(Math.max(500, timings.sweepMs()), t -> {
            if (!sweeping) {
                sweeping = true;
                sweep().onComplete(ar -> sweeping = false);
            }
        });
        return sweep();
    }

    /** The store is read before the claims, so an agent connecting meanwhile is seen as held. */
    Future<Void> sweep() {
        return ctx.db().query("SELECT id, status FROM agents WHERE is_test = 0 AND status <> 'offline'")
                .compose(rows -> holders.all().map(claims -> {
                    Map<String, String> shown = new HashMap<>();
                    for (Row r : rows) {
                        shown.put(r.getString("id"), r.getString("status"));
                    }
                    List<String> members = ctx.cluster().nodes();
                    claims.forEach((agentId, node) -> {
                        if (!members.contains(node)) {
                            holders.release(agentId, node);
                        }
                    });
                    shown.forEach((agentId, status) -> {
                        String node = claims.get(agentId);
                        if (node == null || !members.contains(node)) {
                            markOffline(agentId, status);
                        }
                    });
                    return null;
                }));
    }

    private void markOffline(String agentId, String old) {
        ctx.db().query("UPDATE agents SET status = 'offline' WHERE id = ? AND status = ?", agentId, old)
                .onSuccess(r -> {
                    if (r.rowCount() > 0) {
                        vertx.eventBus().publish(Addresses.AGENTS_STATUS, new JsonObject().put("agentId", agentId)
                                .put("old", old).put("new", "offline").put("at", System.currentTimeMillis()));
                    }
                });
    }
}
