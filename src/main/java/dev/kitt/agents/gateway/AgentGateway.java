package dev.kitt.agents.gateway;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/agents/connect}: checks the agent token before upgrading (401 JSON
 * otherwise), then hands the socket to an {@link AgentSession}. Keeps one live session per
 * agent: a second connection replaces the first cleanly (close 4409), on this node or another. With agent mutual TLS the
 * connection must also have presented a client certificate (the TLS layer has already checked it
 * chains to KITT's CA) whose common name is the token's agent: otherwise 403 JSON before the
 * upgrade, which the agent reports and does not retry.
 */
public final class AgentGateway implements Handler<RoutingContext> {
    private final Vertx vertx;
    private final AgentRepository agents;
    private final FleetOptions timings;
    private final boolean requireClientCert;
    private final Map<String, AgentSession> live = new HashMap<>();
    private final String nodeId;
    private final AgentHolders holders;
    private long sessions;

    public AgentGateway(Vertx vertx, AgentRepository agents, FleetOptions timings, boolean requireClientCert,
                        String nodeId) {
        this.vertx = vertx;
        this.requireClientCert = requireClientCert;
        this.agents = agents;
        this.timings = timings;
        this.nodeId = nodeId;
        this.holders = new AgentHolders(vertx);
        // In a cluster the agent may come back through another node while this one still holds a
        // half-dead socket: the newer connection wins there too.
        vertx.eventBus().<JsonObject>consumer(Addresses.AGENTS_CONNECTED, msg -> {
            AgentSession s = live.get(msg.body().getString("agentId"));
            if (s != null && !nodeId.equals(msg.body().getString("node"))) {
                live.remove(s.agentId(), s);
                s.replaced();
            }
        });
        vertx.eventBus().<JsonObject>consumer(Addresses.AGENTS_TOKEN_CHANGED, msg -> {
            AgentSession s = live.get(msg.body().getString("agentId"));
            if (s != null) {
                s.close(Frames.CLOSE_TOKEN_CHANGED, "agent token rotated or revoked");
            }
        });
    }

    @Override
    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            reject(rc, "missing agent token (Authorization: Bearer <agent token>)");
            return;
        }
        rc.request().pause();
        agents.byToken(token).onComplete(ar -> {
            JsonObject agent = ar.succeeded() ? ar.result() : null;
            if (agent == null) {
                rc.request().resume();
                reject(rc, ar.failed() ? "cannot check the agent token now" : "invalid or revoked agent token");
                return;
            }
            String certProblem = requireClientCert ? ClientCertificates.problem(rc, agent.getString("id")) : null;
            if (certProblem != null) {
                rc.request().resume();
                rc.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", certProblem).put("code", "client_certificate").encode());
                return;
            }
            if (!"websocket".equalsIgnoreCase(rc.request().getHeader("Upgrade"))) {
                rc.request().resume();
                rc.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "this endpoint only accepts a WebSocket upgrade")
                                .put("code", "upgrade_required").encode());
                return;
            }
            rc.request().toWebSocket().onSuccess(ws -> {
                AgentSession session = new AgentSession(vertx, ws, agent, agents, timings, ++sessions, this);
                session.start();
            }).onFailure(err -> rc.response().setStatusCode(400).end());
        });
    }

    /** Called by a session once its hello is accepted: it becomes the agent's one live session. */
    void register(AgentSession session) {
        AgentSession previous = live.put(session.agentId(), session);
        if (previous != null && previous != session) {
            previous.replaced();
        }
    }

    void unregister(AgentSession session) {
        live.remove(session.agentId(), session);
    }

    String nodeId() {
        return nodeId;
    }

    AgentHolders holders() {
        return holders;
    }

    public int liveCount() {
        return live.size();
    }

    private static void reject(RoutingContext rc, String why) {
        rc.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", why).put("code", "unauthorized").encode());
    }
}
