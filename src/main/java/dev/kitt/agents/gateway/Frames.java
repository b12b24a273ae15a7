package dev.kitt.agents.gateway;

import io.vertx.core.json.JsonObject;

/** Builders for the server's protocol frames, and the close codes of docs/agent-protocol.md. */
public final class Frames {
    public static final int PROTOCOL = 1;
    public static final short CLOSE_BAD_PROTOCOL = 4400;
    public static final short CLOSE_TOKEN_CHANGED = 4401;
    public static final short CLOSE_WRONG_AGENT = 4403;
    public static final short CLOSE_REPLACED = 4409;

    private Frames() {
    }

    public static JsonObject error(String code, String reason) {
        return new JsonObject().put("type", "error").put("code", code).put("reason", reason);
    }

    public static JsonObject welcome(String agentId, JsonObject settings, long heartbeatMs) {
        return new JsonObject().put("type", "welcome").put("protocol", PROTOCOL).put("agentId", agentId)
                .put("settings", settings).put("heartbeatIntervalS", Math.max(1, heartbeatMs / 1000))
                .put("heartbeatIntervalMs", heartbeatMs);
    }

    public static JsonObject settings(JsonObject settings) {
        return new JsonObject().put("type", "settings").put("settings", settings);
    }

    public static JsonObject command(String commandId, String type, JsonObject payload, Long deadline) {
        return new JsonObject().put("type", "command").put("commandId", commandId).put("commandType", type)
                .put("payload", payload).put("deadline", deadline);
    }
}
