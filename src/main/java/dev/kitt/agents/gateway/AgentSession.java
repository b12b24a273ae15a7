package dev.kitt.agents.gateway;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.agents.registry.AgentSettings;
import dev.kitt.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * One agent's live socket. Validates every frame (a bad one gets an {@code error} frame, never a
 * crash), turns agent frames into event-bus messages, and writes the frames addressed to
 * {@code kitt.agent.<id>.out} to the socket.
 */
final class AgentSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    private static final Set<String> REPORTS = Set.of("ack", "status", "result", "log");

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final JsonObject agent;
    private final String agentId;
    private final AgentRepository agents;
    private final FleetOptions timings;
    private final long sessionNo;
    private final AgentGateway gateway;
    private MessageConsumer<JsonObject> outbound;
    private long pingTimer = -1;
    private boolean helloDone;
    private final ReportOrder reports = new ReportOrder(this::applyReport);
    private boolean closed;

    AgentSession(Vertx vertx, ServerWebSocket ws, JsonObject agent, AgentRepository agents, FleetOptions timings,
                 long sessionNo, AgentGateway gateway) {
        this.vertx = vertx;
        this.ws = ws;
        this.agent = agent;
        this.agentId = agent.getString("id");
        this.agents = agents;
        this.timings = timings;
        this.sessionNo = sessionNo;
        this.gateway = gateway;
    }

    String agentId() {
        return agentId;
    }

    void start() {
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> send(Frames.error("binary_frame", "only text frames carrying JSON are accepted")));
        ws.closeHandler(v -> onClosed());
        ws.exceptionHandler(err -> LOG.debug("agent {} socket error: {}", agentId, err.getMessage()));
        pingTimer = vertx.setPeriodic(timings.pingMs(), t -> {
            if (!ws.isClosed()) {
                ws.writePing(io.vertx.core.buffer.Buffer.buffer("kitt"));
            }
        });
    }

    private void onText(String text) {
        if (text.length() > timings.maxFrameBytes()) {
            send(Frames.error("frame_too_large", "frame of " + text.length() + " bytes exceeds the limit of "
                    + timings.maxFrameBytes() + " bytes"));
            return;
        }
        JsonObject frame;
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (!(parsed instanceof JsonObject obj)) {
                send(Frames.error("bad_frame", "a frame must be one JSON object"));
                return;
            }
            frame = obj;
        } catch (DecodeException e) {
            send(Frames.error("bad_json", "frame is not valid JSON"));
            return;
        }
        String type = frame.getValue("type") instanceof String s ? s : null;
        if (type == null) {
            send(Frames.error("bad_frame", "a frame needs a string 'type'"));
            return;
        }
        if (!helloDone && !"hello".equals(type)) {
            send(Frames.error("hello_first", "the first frame must be 'hello'"));
            return;
        }
        switch (type) {
            case "hello" -> onHello(frame);
            case "heartbeat" -> vertx.eventBus().publish(Addresses.AGENTS_HEARTBEAT,
                    frame.copy().put("agentId", agentId).put("session", sessionNo).put("at", System.currentTimeMillis()));
            default -> {
                if (REPORTS.contains(type)) {
                    reports.submit(frame);
                } else {
                    send(Frames.error("unknown_type", "unknown frame type '" + type + "'"));
                }
            }
        }
    }

    private void onHello(JsonObject hello) {
        if (helloDone) {
            send(Frames.error("duplicate_hello", "hello was already accepted on this connection"));
            return;
        }
        if (!Integer.valueOf(Frames.PROTOCOL).equals(hello.getInteger("protocol", -1))) {
            send(Frames.error("unsupported_protocol", "protocol " + hello.getValue("protocol")
                    + " is not supported; this server speaks protocol " + Frames.PROTOCOL));
            close(Frames.CLOSE_BAD_PROTOCOL, "unsupported protocol");
            return;
        }
        String claimed = hello.getString("agentId");
        if (claimed != null && !claimed.equals(agentId)) {
            send(Frames.error("wrong_agent", "this token belongs to another agent; it reaches only its own agent"));
            close(Frames.CLOSE_WRONG_AGENT, "token belongs to another agent");
            return;
        }
        helloDone = true;
        JsonObject hardware = hello.getValue("hardware") instanceof JsonObject h ? h : null;
        JsonArray engines = hello.getValue("engines") instanceof JsonArray e ? e : null;
        JsonArray running = hello.getValue("runningCommands") instanceof JsonArray r ? r : new JsonArray();
        agents.recordHello(agentId, hello.getString("version"), hello.getString("hostname"), hardware, engines)
                .compose(v -> agents.settings(agentId))
                .onSuccess(settings -> {
                    if (closed) {
                        return;
                    }
                    JsonObject s = settings == null ? AgentSettings.defaults() : settings;
                    long hbMs = timings.heartbeatMs(s.getInteger("heartbeat_interval_s", 10));
                    gateway.register(this);
                    outbound = vertx.eventBus().consumer(Addresses.agentOut(agentId), msg -> {
                        if (closed) {
                            msg.fail(503, "agent socket closed");
                            return;
                        }
                        send(msg.body());
                        msg.reply(true);
                    });
                    // Claimed before 'connected' is told, so no sweeper sees a connected agent without a holder.
                    outbound.completion().transform(done -> gateway.holders().claim(agentId, gateway.nodeId()))
                            .onComplete(done -> {
                        if (done.failed()) {
                            LOG.warn("agent {}: cannot record this node as its holder: {}", agentId, done.cause().getMessage());
                        }
                        send(Frames.welcome(agentId, s, hbMs));
                        vertx.eventBus().publish(Addresses.AGENTS_CONNECTED, new JsonObject().put("agentId", agentId)
                                .put("session", sessionNo).put("node", gateway.nodeId()).put("at", System.currentTimeMillis())
                                .put("heartbeatMs", hbMs).put("runningCommands", running));
                    });
                })
                .onFailure(err -> {
                    send(Frames.error("internal", "cannot accept hello now; reconnect later"));
                    close((short) 1011, "server error");
                });
    }

    private Future<Void> applyReport(JsonObject frame) {
        return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_REPORT,
                        new JsonObject().put("agentId", agentId).put("frame", frame),
                        new DeliveryOptions().setSendTimeout(timings.deliveryTimeoutMs()))
                .onSuccess(reply -> {
                    JsonObject r = reply.body();
                    if (!r.getBoolean("ok", false)) {
                        send(Frames.error(r.getString("code", "rejected"), r.getString("reason", "rejected"))
                                .put("msgId", frame.getValue("msgId")));
                    }
                    if (frame.getValue("msgId") != null) {
                        // Confirmed (stored) or permanently refused: either way the agent drops it from its outbox.
                        send(new JsonObject().put("type", "received").put("msgId", frame.getValue("msgId"))
                                .put("commandId", frame.getValue("commandId")).put("sourceId", frame.getValue("sourceId"))
                                .put("upToSeq", r.getValue("upToSeq")).put("rejected", !r.getBoolean("ok", false)));
                    }
                })
                // Not stored (store busy or down): no 'received', so the agent keeps it and sends it again.
                .onFailure(err -> LOG.warn("agent {} {} not stored yet: {}", agentId, frame.getString("type"), err.getMessage()))
                .<Void>mapEmpty().otherwiseEmpty();
    }

    void send(JsonObject frame) {
        if (!closed && !ws.isClosed()) {
            ws.writeTextMessage(frame.encode());
        }
    }

    void close(short code, String reason) {
        if (!closed && !ws.isClosed()) {
            ws.close(code, reason);
        }
    }

    /** A newer connection of this agent took over: stop serving at once, without an offline flip. */
    void replaced() {
        boolean wasOpen = !closed;
        closed = true;
        vertx.cancelTimer(pingTimer);
        if (outbound != null) {
            outbound.unregister();
        }
        if (wasOpen && !ws.isClosed()) {
            ws.writeTextMessage(Frames.error("replaced", "replaced by a newer connection of the same agent").encode());
            ws.close(Frames.CLOSE_REPLACED, "replaced");
        }
    }

    private void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        vertx.cancelTimer(pingTimer);
        gateway.unregister(this);
        if (outbound != null) {
            outbound.unregister();
        }
        if (helloDone) {
            gateway.holders().release(agentId, gateway.nodeId());
            vertx.eventBus().publish(Addresses.AGENTS_DISCONNECTED, new JsonObject().put("agentId", agentId)
                    .put("session", sessionNo).put("node", gateway.nodeId()).put("at", System.currentTimeMillis()));
        }
    }
}
