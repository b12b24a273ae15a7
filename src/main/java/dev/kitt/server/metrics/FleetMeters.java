package dev.kitt.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Agents by status, connected sockets and heartbeat age, from the fleet's published facts.
 * Touched only from the metrics verticle's event loop; gauges read the maps from the scrape
 * thread, hence the concurrent maps.
 */
final class FleetMeters {
    private static final Set<String> GONE = Set.of("deleted", "removed", "revoked");

    private final MeterRegistry registry;
    private final LongSupplier clock;
    private final Map<String, String> statusByAgent = new ConcurrentHashMap<>();
    private final Map<String, Long> lastHeartbeat = new ConcurrentHashMap<>();
    private final Map<String, Gauge> heartbeatGauges = new ConcurrentHashMap<>();
    private final Set<String> statusGauges = ConcurrentHashMap.newKeySet();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();

    FleetMeters(MeterRegistry registry, LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
        for (String s : new String[]{"idle", "busy", "error", "stale", "offline"}) {
            statusGauge(s);
        }
        Gauge.builder("kitt.agent.sockets.connected", connected, Set::size)
                .description("agent WebSockets open on this node").register(registry);
    }

    /** {agentId, status}: the agent's current status; "deleted" forgets it. */
    void status(JsonObject fact) {
        String agent = Facts.text(fact, null, "agentId", "agent_id", "id");
        String status = Facts.text(fact, "unknown", "status", "new", "state").toLowerCase();
        if (agent == null) {
            return;
        }
        if (GONE.contains(status)) {
            forget(agent);
            return;
        }
        statusGauge(status);
        statusByAgent.put(agent, status);
    }

    void connected(JsonObject fact) {
        String agent = Facts.text(fact, null, "agentId", "agent_id", "id");
        if (agent != null) {
            connected.add(agent);
        }
    }

    void disconnected(JsonObject fact) {
        String agent = Facts.text(fact, null, "agentId", "agent_id", "id");
        if (agent != null) {
            connected.remove(agent);
        }
    }

    /** {agentId, at?, status?}: a heartbeat arrived (at defaults to now). */
    void heartbeat(JsonObject fact) {
        String agent = Facts.text(fact, null, "agentId", "agent_id", "id");
        if (agent == null) {
            return;
        }
        Object at = fact.getValue("at");
        lastHeartbeat.put(agent, at instanceof Number n ? n.longValue() : clock.getAsLong());
        heartbeatGauges.computeIfAbsent(agent, a -> Gauge.builder("kitt.agent.heartbeat.age", lastHeartbeat,
                        m -> m.containsKey(a) ? (clock.getAsLong() - m.get(a)) / 1000.0 : Double.NaN)
                .baseUnit("seconds").tag("agent", a).description("time since the agent's last heartbeat")
                .register(registry));
        if (fact.containsKey("status")) {
            status(fact);
        }
    }

    private void forget(String agent) {
        statusByAgent.remove(agent);
        connected.remove(agent);
        lastHeartbeat.remove(agent);
        Gauge g = heartbeatGauges.remove(agent);
        if (g != null) {
            registry.remove(g);
        }
    }

    private void statusGauge(String status) {
        if (statusGauges.add(status)) {
            Gauge.builder("kitt.agents", statusByAgent, m -> m.values().stream().filter(status::equals).count())
                    .tag("status", status).description("known agents by status").register(registry);
        }
    }
}
