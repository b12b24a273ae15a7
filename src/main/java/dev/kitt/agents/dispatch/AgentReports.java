package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import dev.kitt.results.InvalidDocumentException;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultRepository;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Applies what an agent reports about its commands ({@code kitt.commands.report}): ack, status,
 * result and log frames (filed under the source the command's payload names). An agent may only
 * report on its own commands. The reply says whether
 * the frame was stored ({@code ok}) or refused for good ({@code ok: false} with a reason); a
 * failed reply means "not stored yet", so the agent keeps it in its outbox.
 */
final class AgentReports {
    private final Vertx vertx;
    private final CommandRepository commands;
    private final ResultRepository results;
    private final UpdatePublisher publisher;
    /**
     * Commands known to belong to an agent (a command never changes hands): a busy log stream
     * sends many frames a second for one command, and a store read per frame held them back.
     */
    private final java.util.Map<String, String> owners = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    };

    AgentReports(Vertx vertx, ServerContext ctx, CommandRepository commands, UpdatePublisher publisher) {
        this.vertx = vertx;
        this.commands = commands;
        this.results = new ResultRepository(ctx.db());
        this.publisher = publisher;
    }

    void handle(Message<JsonObject> msg) {
        String agentId = msg.body().getString("agentId");
        JsonObject frame = msg.body().getJsonObject("frame");
        String type = frame.getString("type");
        String commandId = "log".equals(type) ? frame.getString("sourceId") : frame.getString("commandId");
        if (!(commandId instanceof String) || commandId.isBlank()) {
            msg.reply(refuse("bad_frame", "'" + type + "' needs " + ("log".equals(type) ? "sourceId" : "commandId")));
            return;
        }
        Future<Boolean> owned = agentId != null && agentId.equals(owners.get(commandId))
                ? Future.succeededFuture(true)
                : commands.belongsTo(commandId, agentId).onSuccess(mine -> {
                    if (mine) {
                        owners.put(commandId, agentId);
                    }
                });
        owned.compose(mine -> {
            if (!mine) {
                return Future.succeededFuture(refuse("not_your_command",
                        "command " + commandId + " is not a command of this agent"));
            }
            return switch (type) {
                case "ack" -> move(commandId, agentId, "acked", "('queued', 'sent')", null);
                case "status" -> status(commandId, agentId, frame);
                case "result" -> result(commandId, agentId, frame);
                default -> sourceOf(commandId).compose(source -> log(frame, source));
            };
        }).onSuccess(msg::reply).onFailure(err -> msg.fail(500, err.getMessage()));
    }

    private Future<JsonObject> status(String id, String agentId, JsonObject frame) {
        String state = frame.getString("state");
        if ("running".equals(state)) {
            return move(id, agentId, "running", "('queued', 'sent', 'acked')", null);
        }
        if ("succeeded".equals(state) || "failed".equals(state) || "cancelled".equals(state)) {
            return move(id, agentId, state, "('queued', 'sent', 'acked', 'running')", frame.getString("error"));
        }
        return Future.succeededFuture(refuse("bad_state", "status state must be running, succeeded, failed or cancelled"));
    }

    /** A repeated or late transition changes nothing and is still "stored": the agent can drop it. */
    private Future<JsonObject> move(String id, String agentId, String state, String from, String error) {
        return commands.transition(id, agentId, state, from, error).map(moved -> {
            if (moved) {
                publisher.publish(id, agentId, state, error);
            }
            return new JsonObject().put("ok", true).put("changed", moved);
        });
    }

    private Future<JsonObject> result(String id, String agentId, JsonObject frame) {
        if (!(frame.getValue("result") instanceof JsonObject doc)) {
            return Future.succeededFuture(refuse("bad_frame", "'result' needs a metrics.json object in 'result'"));
        }
        MetricsDocument parsed;
        try {
            parsed = MetricsDocument.from(doc);
        } catch (InvalidDocumentException | IllegalArgumentException e) {
            return Future.succeededFuture(refuse("invalid_result", "result is not a valid metrics.json: " + e.getMessage()));
        }
        return results.importRun(parsed, "agent", agentId)
                .onSuccess(imported -> RunEvents.completed(vertx, imported, agentId, parsed.passed()))
                .compose(imported -> commands.storeResult(id, new JsonObject().put("result_id", imported.id()))
                        .map(v -> new JsonObject().put("ok", true).put("resultId", imported.id())));
    }

    /**
     * Where a command's log lines are filed: the source its submitter named in the payload (a quick
     * test's or campaign run's id, which the web page follows live), else the command id. Test
     * agents' runs log to the same place, so a reader never needs to know which kind ran it.
     */
    private Future<String> sourceOf(String commandId) {
        return commands.get(commandId).map(cmd -> {
            JsonObject payload = cmd == null ? null : cmd.getJsonObject("payload");
            String named = payload == null ? null : payload.getString("sourceId");
            return named == null || named.isBlank() ? commandId : named;
        });
    }

    private Future<JsonObject> log(JsonObject frame, String source) {
        if (!(frame.getValue("lines") instanceof JsonArray lines) || !(frame.getValue("firstSeq") instanceof Number)) {
            return Future.succeededFuture(refuse("bad_frame", "'log' needs firstSeq and lines[]"));
        }
        return vertx.eventBus().<JsonObject>request(Addresses.LOGS_APPEND, new JsonObject()
                        .put("sourceId", source).put("firstSeq", frame.getLong("firstSeq"))
                        .put("lines", lines))
                .map(reply -> new JsonObject().put("ok", true).put("upToSeq", reply.body().getLong("upToSeq")));
    }

    private static JsonObject refuse(String code, String reason) {
        return new JsonObject().put("ok", false).put("code", code).put("reason", reason);
    }
}
