package dev.kitt.agents.dispatch;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.gateway.Frames;
import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Owns the commands outbox: answers {@code kitt.commands.submit} and {@code kitt.commands.cancel},
 * delivers commands to {@code kitt.agent.<id>.out} (re-sending what is unacked whenever the agent
 * connects), applies the agent's reports, enforces deadlines and publishes every transition on
 * {@code kitt.commands.update}. Test agents' commands run in the server ({@link TestAgentRunner}).
 */
public final class CommandDispatchVerticle extends VerticleBase {
    private final ServerContext ctx;
    private final FleetOptions timings;
    private CommandRepository commands;
    private TestAgentRunner testAgents;
    private AgentReports reports;

    public CommandDispatchVerticle(ServerContext ctx) {
        this(ctx, FleetOptions.defaults());
    }

    public CommandDispatchVerticle(ServerContext ctx, FleetOptions timings) {
        this.ctx = ctx;
        this.timings = timings;
    }

    @Override
    public Future<?> start() {
        commands = new CommandRepository(ctx.db());
        testAgents = new TestAgentRunner(vertx, ctx, commands, this::publish);
        reports = new AgentReports(vertx, ctx, commands, this::publish);
        var bus = vertx.eventBus();
        bus.<JsonObject>consumer(Addresses.COMMANDS_SUBMIT, this::submit);
        bus.<JsonObject>consumer(Addresses.COMMANDS_CANCEL, this::cancel);
        bus.<JsonObject>consumer(Addresses.COMMANDS_GET, this::describe);
        bus.<JsonObject>consumer(Addresses.COMMANDS_REPORT, reports::handle);
        bus.<JsonObject>consumer(Addresses.AGENTS_CONNECTED, m -> redeliver(m.body().getString("agentId")));
        vertx.setPeriodic(timings.deadlineSweepMs(), t -> sweepDeadlines());
        // Test-agent work interrupted by a stop is started again: it never finished, so it is not done twice.
        return commands.unfinishedOfTestAgents().onSuccess(list -> list.forEach(testAgents::run))
                .compose(v -> ctx.config().demo() ? DemoSetup.run(vertx, ctx) : Future.succeededFuture());
    }

    private void submit(Message<JsonObject> msg) {
        JsonObject b = msg.body();
        String agentId = b.getString("agentId");
        String type = b.getString("type");
        if (type == null || !CommandTypes.ALL.contains(type)) {
            msg.fail(400, "unknown command type '" + type + "' (known: " + String.join(", ",
                    new java.util.TreeSet<>(CommandTypes.ALL)) + ")");
            return;
        }
        JsonObject payload = b.getJsonObject("payload", new JsonObject());
        Long deadlineS = b.getLong("deadlineS");
        Long deadline = deadlineS == null ? null : System.currentTimeMillis() + deadlineS * 1000;
        ctx.db().query("SELECT is_test, revoked_at FROM agents WHERE id = ?", agentId).compose(rows -> {
            if (rows.size() == 0) {
                return Future.failedFuture(new IllegalArgumentException("agent " + agentId + " not found"));
            }
            var row = rows.iterator().next();
            if (row.getValue("revoked_at") != null) {
                return Future.failedFuture(new IllegalStateException("agent " + agentId + " is revoked"));
            }
            boolean test = ((Number) row.getValue("is_test")).intValue() == 1;
            String chosen = b.getString("commandId");
            if (chosen != null) {
                // A submitter that chose the id may submit again after a crash: the stored command is the answer.
                return commands.get(chosen).compose(existing -> existing != null
                        ? (agentId.equals(existing.getString("agent_id")) ? Future.succeededFuture(existing)
                        : Future.failedFuture(new IllegalStateException("command " + chosen + " belongs to another agent")))
                        : store(chosen, agentId, type, payload, deadline, test));
            }
            return store(java.util.UUID.randomUUID().toString(), agentId, type, payload, deadline, test);
        }).onSuccess(cmd -> msg.reply(new JsonObject().put("id", cmd.getString("id"))
                        .put("commandId", cmd.getString("id")).put("state", cmd.getString("state"))))
                .onFailure(err -> msg.fail(err instanceof IllegalArgumentException ? 404 : 409, err.getMessage()));
    }

    private Future<JsonObject> store(String id, String agentId, String type, JsonObject payload, Long deadline,
                                     boolean test) {
        return commands.insert(id, agentId, type, payload, deadline).onSuccess(cmd -> {
            publish(cmd.getString("id"), agentId, "queued", null);
            if (test) {
                testAgents.run(cmd);
            } else {
                deliver(cmd);
            }
        });
    }

    /** Sends one command frame to the node holding the agent's socket; no socket leaves it queued. */
    void deliver(JsonObject cmd) {
        String id = cmd.getString("id");
        String agentId = cmd.getString("agent_id");
        vertx.eventBus().request(Addresses.agentOut(agentId),
                        Frames.command(id, cmd.getString("type"), cmd.getJsonObject("payload"), cmd.getLong("deadline")),
                        new DeliveryOptions().setSendTimeout(timings.deliveryTimeoutMs()))
                .compose(r -> commands.transition(id, agentId, "sent", "('queued', 'sent')", null))
                .onSuccess(moved -> {
                    if (moved && "queued".equals(cmd.getString("state"))) {
                        publish(id, agentId, "sent", null);
                    }
                });
    }

    private void redeliver(String agentId) {
        commands.unacked(agentId).onSuccess(list -> list.forEach(this::deliver));
    }

    private void cancel(Message<JsonObject> msg) {
        String id = msg.body().getString("commandId");
        commands.get(id).onSuccess(cmd -> {
            if (cmd == null) {
                msg.fail(404, "command " + id + " not found");
                return;
            }
            String state = cmd.getString("state");
            if (CommandTypes.FINAL_STATES.contains(state)) {
                msg.fail(409, "command " + id + " already " + state);
                return;
            }
            commands.transition(id, null, "cancelled", "('queued', 'sent', 'acked', 'running')", "cancelled by request")
                    .onSuccess(moved -> {
                        if (moved) {
                            publish(id, cmd.getString("agent_id"), "cancelled", "cancelled by request");
                            stopOnAgent(cmd, "cancelled");
                        }
                        msg.reply(new JsonObject().put("id", id).put("state", "cancelled"));
                    }).onFailure(err -> msg.fail(500, err.getMessage()));
        }).onFailure(err -> msg.fail(500, err.getMessage()));
    }

    /** Tells the agent to stop work that had reached it: a {@code cancel} command of its own. */
    private void stopOnAgent(JsonObject cmd, String reason) {
        if ("queued".equals(cmd.getString("state")) || "cancel".equals(cmd.getString("type"))) {
            return;
        }
        if (testAgents.cancel(cmd.getString("id"), reason)) {
            return;
        }
        commands.insert(cmd.getString("agent_id"), "cancel", new JsonObject().put("commandId", cmd.getString("id")), null)
                .onSuccess(this::deliver);
    }

    private void sweepDeadlines() {
        commands.overdue(System.currentTimeMillis()).onSuccess(ids -> ids.forEach(id -> commands.get(id)
                .onSuccess(cmd -> commands.transition(id, null, "timed_out", "('queued', 'sent', 'acked', 'running')",
                        "deadline passed").onSuccess(moved -> {
                            if (moved) {
                                publish(id, cmd.getString("agent_id"), "timed_out", "deadline passed");
                                stopOnAgent(cmd, "deadline passed");
                            }
                        }))));
    }

    /** {@code kitt.commands.get}: {commandId} → {commandId, agentId, type, state, error, resultId}. */
    private void describe(Message<JsonObject> msg) {
        String id = msg.body().getString("commandId");
        commands.get(id).onSuccess(cmd -> {
            if (cmd == null) {
                msg.fail(404, "command " + id + " not found");
            } else {
                msg.reply(summary(cmd));
            }
        }).onFailure(err -> msg.fail(500, err.getMessage()));
    }

    private static JsonObject summary(JsonObject cmd) {
        JsonObject result = cmd.getJsonObject("result");
        return new JsonObject().put("commandId", cmd.getString("id")).put("agentId", cmd.getString("agent_id"))
                .put("type", cmd.getString("type")).put("state", cmd.getString("state"))
                .put("error", cmd.getString("error"))
                .put("resultId", result == null ? null : result.getString("result_id"));
    }

    /** Publishes a transition; a success carries the stored result's id, so watchers need no lookup. */
    private void publish(String commandId, String agentId, String state, String error) {
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
}
