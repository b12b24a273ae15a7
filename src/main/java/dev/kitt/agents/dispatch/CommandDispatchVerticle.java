package dev.kitt.agents.dispatch;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.gateway.Frames;
import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Owns the commands outbox: answers {@code kitt.commands.submit} and {@code kitt.commands.cancel},
 * delivers commands to {@code kitt.agent.<id>.out} (re-sending what is unacked whenever the agent
 * connects), applies the agent's reports, enforces deadlines and publishes every transition on
 * {@code kitt.commands.update}. Test agents' commands go to {@link TestAgentVerticle}.
 */
public final class CommandDispatchVerticle extends VerticleBase {
    private static final int DELIVERY_TRIES = 20;
    private static final long RETRY_MS = 500;

    private final ServerContext ctx;
    private final FleetOptions timings;
    private CommandRepository commands;
    private UpdatePublisher updates;
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
        updates = new CommandUpdates(vertx, commands);
        reports = new AgentReports(vertx, ctx, commands, updates);
        var bus = vertx.eventBus();
        // Every node runs dispatch over the shared store, so requests are answered where they are
        // made; only the frame to the agent crosses nodes (kitt.agent.<id>.out, to its holder).
        bus.<JsonObject>localConsumer(Addresses.COMMANDS_SUBMIT, this::submit);
        bus.<JsonObject>localConsumer(Addresses.COMMANDS_CANCEL, this::cancel);
        bus.<JsonObject>localConsumer(Addresses.COMMANDS_GET, this::describe);
        bus.<JsonObject>localConsumer(Addresses.COMMANDS_REPORT, reports::handle);
        bus.<JsonObject>localConsumer(Addresses.AGENTS_CONNECTED, m -> redeliver(m.body().getString("agentId")));
        // Transitions are conditional updates, so nodes sweeping the same overdue command agree on one winner.
        vertx.setPeriodic(timings.deadlineSweepMs(), t -> sweepDeadlines());
        return ctx.config().demo() ? DemoSetup.run(vertx, ctx) : Future.succeededFuture();
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
                vertx.eventBus().send(Addresses.TEST_AGENTS_RUN, cmd);
            } else {
                deliver(cmd);
            }
        });
    }

    /** Sends one command frame to the node holding the agent's socket; no socket leaves it queued. */
    void deliver(JsonObject cmd) {
        deliver(cmd, DELIVERY_TRIES);
    }

    /**
     * A failure other than "no socket anywhere" may be a node that died holding the agent while the
     * cluster still lists its socket: try again for a while, until the agent is reached through its
     * new node (it ignores a command id it already has).
     */
    private void deliver(JsonObject cmd, int triesLeft) {
        String id = cmd.getString("id");
        String agentId = cmd.getString("agent_id");
        vertx.eventBus().request(Addresses.agentOut(agentId),
                        Frames.command(id, cmd.getString("type"), cmd.getJsonObject("payload"), cmd.getLong("deadline")),
                        new DeliveryOptions().setSendTimeout(timings.deliveryTimeoutMs()))
                .onFailure(err -> {
                    boolean nobody = err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
                    if (!nobody && triesLeft > 1) {
                        vertx.setTimer(RETRY_MS, t -> commands.get(id).onSuccess(now -> {
                            if (now != null && ("queued".equals(now.getString("state")) || "sent".equals(now.getString("state")))) {
                                deliver(cmd, triesLeft - 1);
                            }
                        }));
                    }
                })
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
        vertx.eventBus().<JsonObject>request(Addresses.TEST_AGENTS_CANCEL, new JsonObject().put("commandId", cmd.getString("id")).put("reason", reason))
                .map(reply -> reply.body().getBoolean("inFlight", false)).otherwise(false)
                .onSuccess(testWork -> {
                    if (!testWork) {
                        commands.insert(cmd.getString("agent_id"), "cancel",
                                new JsonObject().put("commandId", cmd.getString("id")), null).onSuccess(this::deliver);
                    }
                });
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
                msg.reply(CommandUpdates.summary(cmd));
            }
        }).onFailure(err -> msg.fail(500, err.getMessage()));
    }

    private void publish(String commandId, String agentId, String state, String error) {
        updates.publish(commandId, agentId, state, error);
    }
}
