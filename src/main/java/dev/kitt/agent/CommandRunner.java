package dev.kitt.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Accepts command frames: a commandId seen before is acked again and ignored; a new one is recorded
 * in the ledger, acked, marked running, performed by {@link CommandActions}, and its outcome put in
 * the outbox (result first, then the final status). Runs on the daemon's event loop.
 */
final class CommandRunner {
    static final Set<String> TYPES = Set.of("run_container", "run_test", "stop_container", "check_docker",
            "cleanup_storage", "cancel");

    private final Vertx vertx;
    private final CommandLedger ledger;
    private final DiskOutbox outbox;
    private final Consumer<JsonObject> send;
    private final CommandActions actions;
    private final Map<String, ProcessTask> running = new LinkedHashMap<>();
    private boolean stopping;

    CommandRunner(Vertx vertx, AgentConfig config, AgentOptions options, CommandLedger ledger, DiskOutbox outbox,
                  Consumer<JsonObject> send, Supplier<JsonObject> settings) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.outbox = outbox;
        this.send = send;
        this.actions = new CommandActions(vertx, config, options, settings);
    }

    JsonArray running() {
        return new JsonArray(new java.util.ArrayList<>(running.keySet()));
    }

    /** Work a previous run of the agent was doing when it stopped cannot be resumed: say so, once. */
    Future<Void> reportInterrupted() {
        Future<Void> chain = Future.succeededFuture();
        for (JsonObject e : ledger.unfinished()) {
            String id = e.getString("commandId");
            chain = chain.compose(v -> outbox.add(status(id, "failed", "the agent restarted while this command ran; "
                    + "it was stopped and not completed"))).compose(v -> ledger.record(id, e.getString("type"), true));
        }
        return chain;
    }

    void accept(JsonObject frame) {
        String id = frame.getString("commandId");
        String type = frame.getString("commandType");
        if (id == null) {
            return;
        }
        if (ledger.has(id)) {
            send.accept(new JsonObject().put("type", "ack").put("commandId", id).put("duplicate", true));
            return;
        }
        ledger.record(id, type, false).onSuccess(v -> {
            send.accept(new JsonObject().put("type", "ack").put("commandId", id));
            if (type == null || !TYPES.contains(type)) {
                finish(id, type, null, "failed", "unknown command type '" + type + "'");
                return;
            }
            if ("cancel".equals(type)) {
                cancel(id, frame.getJsonObject("payload", new JsonObject()).getString("commandId"));
                return;
            }
            ProcessTask task = new ProcessTask(vertx);
            running.put(id, task);
            LogShipper log = new LogShipper(vertx, id, outbox, send);
            outbox.add(status(id, "running", null)).onSuccess(send::accept)
                    .compose(s -> actions.perform(type, frame.getJsonObject("payload", new JsonObject()), task, log))
                    .onComplete(ar -> log.flush().onComplete(f -> {
                        running.remove(id);
                        if (stopping) {
                            return; // left unfinished in the ledger: reported as interrupted on the next start
                        }
                        if (task.wasKilled()) {
                            finish(id, type, null, "cancelled", "cancelled");
                        } else if (ar.succeeded()) {
                            finish(id, type, ar.result(), "succeeded", null);
                        } else {
                            finish(id, type, null, "failed", String.valueOf(ar.cause().getMessage()));
                        }
                    }));
        });
    }

    private void cancel(String id, String target) {
        ProcessTask task = target == null ? null : running.get(target);
        if (task != null) {
            task.kill();
        }
        finish(id, "cancel", null, "succeeded", null);
    }

    private void finish(String id, String type, JsonObject result, String state, String error) {
        Future<JsonObject> stored = result != null && result.getValue("metrics") instanceof JsonObject doc
                ? outbox.add(new JsonObject().put("type", "result").put("commandId", id).put("result", doc))
                        .onSuccess(send::accept)
                : Future.succeededFuture();
        stored.compose(v -> outbox.add(status(id, state, error).put("details", result == null ? null
                        : result.copy().put("metrics", (Object) null))))
                .onSuccess(send::accept)
                .compose(v -> ledger.record(id, type, true));
    }

    void stopAll() {
        stopping = true;
        running.values().forEach(ProcessTask::kill);
    }

    private static JsonObject status(String id, String state, String error) {
        return new JsonObject().put("type", "status").put("commandId", id).put("state", state).put("error", error);
    }
}
