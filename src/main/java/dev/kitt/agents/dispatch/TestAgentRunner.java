package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultRepository;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * Runs test agents' commands inside the server, through the same states as a real agent's.
 * {@code run_test} becomes a {@code kitt.bench.start} request (answered by the BenchmarkVerticle
 * with a metrics.json document) whose reply is stored as the command's result.
 */
final class TestAgentRunner {
    private static final long DEFAULT_RUN_MS = 30 * 60_000L;

    private final Vertx vertx;
    private final CommandRepository commands;
    private final ResultRepository results;
    private final UpdatePublisher publisher;
    private final Set<String> inFlight = new HashSet<>();
    // Cancelled while running: the benchmark is told to stop, and whatever it returns is not stored.
    private final Set<String> cancelled = new HashSet<>();

    TestAgentRunner(Vertx vertx, ServerContext ctx, CommandRepository commands, UpdatePublisher publisher) {
        this.vertx = vertx;
        this.commands = commands;
        this.results = new ResultRepository(ctx.db());
        this.publisher = publisher;
    }

    void run(JsonObject cmd) {
        String id = cmd.getString("id");
        String agentId = cmd.getString("agent_id");
        if (!inFlight.add(id)) {
            return;
        }
        step(id, agentId, "sent", "('queued')")
                .compose(v -> step(id, agentId, "acked", "('sent')"))
                .compose(v -> step(id, agentId, "running", "('acked', 'running')"))
                .compose(v -> execute(cmd))
                .compose(result -> result == null ? Future.succeededFuture()
                        : commands.storeResult(id, result))
                .compose(v -> finish(id, agentId, "succeeded", null))
                .recover(err -> timedOut(err) ? expire(id, agentId) : finish(id, agentId, "failed", reason(err)))
                .onComplete(ar -> {
                    inFlight.remove(id);
                    cancelled.remove(id);
                });
    }

    /**
     * True when the command is a test agent's in-flight work: its simulated run is stopped here,
     * without an agent round trip, and stores no result.
     */
    boolean cancel(String commandId) {
        return cancel(commandId, "cancelled");
    }

    /** As {@link #cancel(String)}, with the reason the stopped run records (e.g. "deadline passed"). */
    boolean cancel(String commandId, String reason) {
        if (!inFlight.contains(commandId)) {
            return false;
        }
        cancelled.add(commandId);
        vertx.eventBus().request(Addresses.BENCHMARK_CANCEL, new JsonObject().put("commandId", commandId).put("reason", reason));
        return true;
    }

    private Future<JsonObject> execute(JsonObject cmd) {
        JsonObject payload = cmd.getJsonObject("payload");
        return switch (cmd.getString("type")) {
            case "run_test" -> runTest(cmd, payload);
            case "check_docker" -> Future.succeededFuture(new JsonObject().put("docker", "simulated")
                    .put("note", "test agents have no Docker; their runs use the simulated engine"));
            case "cleanup_storage" -> Future.succeededFuture(new JsonObject().put("deleted", new JsonArray()));
            case "cancel" -> cancelTarget(payload.getString("commandId"));
            default -> Future.failedFuture("test agents have no container runtime; use run_test");
        };
    }

    private Future<JsonObject> runTest(JsonObject cmd, JsonObject payload) {
        String id = cmd.getString("id");
        if (payload.getString("model") == null || payload.getString("engine") == null) {
            return Future.failedFuture("run_test needs payload.model and payload.engine");
        }
        // Logs go where the submitter watches (a quick test or campaign names its own source).
        String source = payload.getString("sourceId", id);
        JsonObject request = new JsonObject()
                .put("agentId", cmd.getString("agent_id")).put("commandId", id)
                .put("model", payload.getString("model")).put("engine", payload.getString("engine"))
                .put("suite", payload.getString("suite")).put("benchmark", payload.getString("benchmark"))
                .put("profile", payload.getString("profile"))
                .put("sourceId", source).put("logFirstSeq", 2);
        Long deadline = cmd.getLong("deadline");
        long timeout = deadline == null ? DEFAULT_RUN_MS : Math.max(1, deadline - System.currentTimeMillis());
        // One result per command: a node that died after storing it but before marking the command
        // done has its work started again here, and must neither run nor store the test twice.
        String runId = "ta-" + id;
        return results.get(runId).compose(stored -> stored != null
                ? Future.succeededFuture(new JsonObject().put("result_id", runId))
                : simulate(cmd, payload, request, source, timeout, runId));
    }

    private Future<JsonObject> simulate(JsonObject cmd, JsonObject payload, JsonObject request, String source,
                                        long timeout, String runId) {
        String id = cmd.getString("id");
        return vertx.eventBus().request(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", source).put("firstSeq", 1)
                        .put("lines", new JsonArray().add("test agent: running " + payload.getString("engine") + " / "
                                + payload.getString("model") + " on the simulated engine")))
                .compose(v -> cancelled.contains(id) ? Future.failedFuture("cancelled")
                        : vertx.eventBus().<JsonObject>request(Addresses.BENCHMARK_START, request,
                        new DeliveryOptions().setSendTimeout(timeout)))
                .compose(reply -> {
                    if (cancelled.contains(id)) {
                        return Future.failedFuture("cancelled");
                    }
                    MetricsDocument doc = MetricsDocument.from(reply.body().copy().put("run_id", runId));
                    return results.importRun(doc, "test-agent", cmd.getString("agent_id"))
                            .onSuccess(imported -> RunEvents.completed(vertx, imported, cmd.getString("agent_id"),
                                    doc.passed()));
                })
                .map(imported -> new JsonObject().put("result_id", imported.id()));
    }

    private Future<JsonObject> cancelTarget(String target) {
        if (target == null) {
            return Future.failedFuture("cancel needs payload.commandId");
        }
        return commands.get(target).compose(cmd -> cmd == null ? Future.succeededFuture(false)
                        : commands.transition(target, null, "cancelled", "('queued', 'sent', 'acked', 'running')",
                                "cancelled by request").onSuccess(moved -> {
                                    if (moved) {
                                        publisher.publish(target, cmd.getString("agent_id"), "cancelled", "cancelled by request");
                                    }
                                    cancel(target);
                                }))
                .map(moved -> new JsonObject().put("cancelled", moved));
    }

    private Future<Void> step(String id, String agentId, String state, String from) {
        return commands.transition(id, agentId, state, from, null).map(moved -> {
            if (moved) {
                publisher.publish(id, agentId, state, null);
            }
            return null;
        });
    }

    private Future<Void> finish(String id, String agentId, String state, String error) {
        return commands.transition(id, agentId, state, "('queued', 'sent', 'acked', 'running')", error).map(moved -> {
            if (moved) {
                publisher.publish(id, agentId, state, error);
            }
            return null;
        });
    }

    private static boolean timedOut(Throwable err) {
        return err instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT;
    }

    /** Past the deadline: the run is stopped and the command ends timed_out, as dispatch's sweep would end it. */
    private Future<Void> expire(String id, String agentId) {
        cancel(id, "deadline passed");
        return finish(id, agentId, "timed_out", "deadline passed");
    }

    private static String reason(Throwable err) {
        if (err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            return "no benchmark runner in this server (nothing answers " + Addresses.BENCHMARK_START + ")";
        }
        if (err instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
            return "benchmark did not answer before the deadline";
        }
        return String.valueOf(err.getMessage());
    }
}
