package dev.kitt.agents.heartbeat;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.gateway.AgentHolders;
import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Tracks agent liveness from {@code kitt.agents.connected / .heartbeat / .disconnected}: online or
 * busy while heartbeats arrive, stale after {@code staleAfterMissed} missed intervals, offline
 * after {@code offlineAfterMissed} or when the socket closes. Publishes every change on
 * {@code kitt.agents.status} and stores the latest heartbeat in batches.
 */
public final class HeartbeatVerticle extends VerticleBase {
    private final ServerContext ctx;
    private final FleetOptions timings;
    private final Map<String, Liveness> live = new HashMap<>();
    private HeartbeatStore store;
    private AgentHolders holders;

    public HeartbeatVerticle(ServerContext ctx) {
        this(ctx, FleetOptions.defaults());
    }

    public HeartbeatVerticle(ServerContext ctx, FleetOptions timings) {
        this.ctx = ctx;
        this.timings = timings;
    }

    /** What this node knows about one connected agent. */
    static final class Liveness {
        long session;
        long lastSeen;
        long intervalMs;
        String status;
    }

    @Override
    public Future<?> start() {
        store = new HeartbeatStore(ctx.db());
        for (String status : new String[]{"online", "busy", "stale"}) {
            Gauge.builder("kitt_agents", live, m -> m.values().stream().filter(l -> status.equals(l.status)).count())
                    .tag("status", status).description("connected agents by status on this node").register(ctx.metrics());
        }
        holders = new AgentHolders(vertx);
        var bus = vertx.eventBus();
        // Each node follows the sockets it holds: heartbeats and closes are its own (local) facts;
        // a connection elsewhere only tells it to forget an agent that moved away.
        bus.<JsonObject>consumer(Addresses.AGENTS_CONNECTED, m -> {
            if (ownFact(m.body())) {
                onConnected(m.body());
            } else {
                live.remove(m.body().getString("agentId"));
            }
        });
        bus.<JsonObject>localConsumer(Addresses.AGENTS_HEARTBEAT, m -> onHeartbeat(m.body()));
        bus.<JsonObject>localConsumer(Addresses.AGENTS_DISCONNECTED, m -> onDisconnected(m.body()));
        vertx.setPeriodic(timings.sweepMs(), t -> sweep());
        vertx.setPeriodic(Math.max(100, Math.min(1000, timings.sweepMs())), t -> store.flush());
        // Sockets do not survive a restart: every real agent starts offline until it says hello again.
        // Not in a cluster: the other nodes' agents are connected; the agent sweeper handles the rest.
        return ctx.cluster().clustered() ? Future.succeededFuture() : store.markAllRealAgentsOffline();
    }

    private boolean ownFact(JsonObject m) {
        String node = m.getString("node");
        return node == null || node.equals(ctx.cluster().nodeId());
    }

    private void onConnected(JsonObject m) {
        Liveness l = live.computeIfAbsent(m.getString("agentId"), k -> new Liveness());
        l.session = m.getLong("session", 0L);
        l.lastSeen = System.currentTimeMillis();
        l.intervalMs = m.getLong("heartbeatMs", 10_000L);
        change(m.getString("agentId"), l, "online");
    }

    private void onHeartbeat(JsonObject m) {
        String id = m.getString("agentId");
        Liveness l = live.get(id);
        if (l == null || l.session != m.getLong("session", 0L)) {
            return;
        }
        l.lastSeen = System.currentTimeMillis();
        change(id, l, "busy".equals(m.getString("status")) ? "busy" : "online");
        JsonObject figures = m.copy();
        figures.remove("type");
        figures.remove("session");
        store.remember(id, l.lastSeen, figures);
    }

    private void onDisconnected(JsonObject m) {
        String id = m.getString("agentId");
        Liveness l = live.get(id);
        if (l != null && l.session == m.getLong("session", 0L)) {
            live.remove(id);
            // Offline only if no other node took the agent over in the meantime.
            holders.holder(id).onComplete(ar -> {
                String holder = ar.succeeded() ? ar.result() : null;
                if (!live.containsKey(id) && (holder == null || holder.equals(ctx.cluster().nodeId()))) {
                    change(id, l, "offline");
                }
            });
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (Iterator<Map.Entry<String, Liveness>> it = live.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Liveness> e = it.next();
            Liveness l = e.getValue();
            long silent = now - l.lastSeen;
            if (silent > l.intervalMs * timings.offlineAfterMissed()) {
                it.remove();
                change(e.getKey(), l, "offline");
            } else if (silent > l.intervalMs * timings.staleAfterMissed()) {
                change(e.getKey(), l, "stale");
            }
        }
    }

    private void change(String agentId, Liveness l, String status) {
        String old = l.status;
        if (status.equals(old)) {
            return;
        }
        l.status = status;
        store.setStatus(agentId, status);
        vertx.eventBus().publish(Addresses.AGENTS_STATUS, new JsonObject().put("agentId", agentId)
                .put("old", old == null ? "offline" : old).put("new", status).put("at", System.currentTimeMillis()));
    }
}
