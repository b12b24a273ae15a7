package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Publishes command transitions on {@code kitt.commands.update}, from whichever node made them;
 * a success carries the stored result's id, so watchers need no lookup.
 */
final class CommandUpdates implements UpdatePublisher {
    private final Vertx vertx;
    private final CommandRepository commands;

    CommandUpdates(Vertx vertx, CommandRepository commands) {
        this.vertx = vertx;
        this.commands = commands;
    }

    @Override
    public void publish(String commandId, String agentId, String state, String error) {
        JsonObject update = new JsonObject().put("commandId", commandId).put("agentId", agentId).put("state", state)
                .put("error", error).put("at", System.currentTimeMillis());
        if (!"succeeded".equals(state)) {
            vertx.eventBus().publish(Addresses.COMMANDS_UPDATE, update);
            return;
        }
        commands.get(commandId).onComplete(ar -> {
            if (ar.succeeded() && ar.result() != null) {
                JsonObject s = summary(ar.result());
                update.put("resultId", s.getString("resultId")).put("type", s.getString("type"));
            }
            vertx.eventBus().publish(Addresses.COMMANDS_UPDATE, update);
        });
    }

    static JsonObject summary(JsonObject cmd) {
        JsonObject result = cmd.getJsonObject("result");
        return new JsonObject().put("commandId", cmd.getString("id")).put("agentId", cmd.getString("agent_id"))
                .put("type", cmd.getString("type")).put("state", cmd.getString("state"))
                .put("error", cmd.getString("error"))
                .put("resultId", result == null ? null : result.getString("result_id"));
    }
}
