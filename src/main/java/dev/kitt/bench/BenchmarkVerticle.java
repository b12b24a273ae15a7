package dev.kitt.bench;

import dev.kitt.bus.Addresses;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.runtime.Runtimes;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs benchmarks inside the server, for test agents and the quick start. Answers
 * {@code kitt.bench.start} {agentId, commandId, model, engine, suite | benchmark, profile,
 * sourceId, logFirstSeq} with the run's metrics.json document, after a real run of the same
 * executor the CLI and the agent use, against the in-process simulated engine. Log lines go to
 * the request's sourceId. The requester stores the document, so this verticle stores nothing.
 * {@code kitt.bench.cancel} {commandId} stops a run in progress: it fails at once with "cancelled".
 */
public final class BenchmarkVerticle extends VerticleBase {
    private final ServerContext ctx;
    private BenchmarkExecutor executor;
    private final Map<String, RunCancel> running = new HashMap<>();

    public BenchmarkVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Path home = ctx.config().home();
        return vertx.executeBlocking(() -> new BenchmarkExecutor(vertx, EngineRegistry.load(home),
                        EngineProfiles.load(home), Runtimes.defaults(vertx), metrics -> Future.succeededFuture(null),
                        () -> new JsonObject().put("environment_type", "simulated")
                                .put("note", "test agent: the simulated engine inside the KITT server"),
                        () -> Future.failedFuture("test agents have no GPU"), home), false)
                .compose(exec -> {
                    executor = exec;
                    // Local: a run happens on the node that asked for it (the test-agent singleton), not on any node.
                    return Future.all(
                            vertx.eventBus().<JsonObject>localConsumer(Addresses.BENCHMARK_START, this::run).completion(),
                            vertx.eventBus().<JsonObject>localConsumer(Addresses.BENCHMARK_CANCEL, this::cancel).completion());
                });
    }

    private void run(Message<JsonObject> msg) {
        JsonObject req = msg.body();
        String requestedEngine = req.getString("engine");
        Path out = ctx.config().home().resolve("runs").resolve(req.getString("commandId", "run"));
        // Test agents have no GPU: every engine is played by the simulated one, and the document
        // says so (engine_simulated) while keeping the engine the user asked for.
        RunRequest run = RunRequest.of(req.getString("model"), "sim", req.getString("suite"), out)
                .withBenchmark(req.getString("benchmark"));
        BusLogSink logs = new BusLogSink(vertx, req.getString("sourceId"), req.getLong("logFirstSeq", 1L));
        logs.line("bench", "running " + (run.benchmark() != null ? run.benchmark() : run.suite())
                + " for " + requestedEngine + " on the simulated engine");
        String key = req.getString("commandId");
        RunCancel cancel = new RunCancel();
        if (key != null) {
            running.put(key, cancel);
        }
        executor.run(run, logs, ProgressListener.none(), cancel)
                .onComplete(ar -> {
                    running.remove(key, cancel);
                    logs.close();
                })
                .onSuccess(outcome -> msg.reply(outcome.metricsJson().copy()
                        .put("engine", requestedEngine).put("engine_simulated", true)))
                .onFailure(err -> msg.fail(500, String.valueOf(err.getMessage())));
    }

    private void cancel(Message<JsonObject> msg) {
        RunCancel cancel = running.get(msg.body().getString("commandId"));
        if (cancel != null) {
            cancel.cancel(msg.body().getString("reason", "cancelled"));
        }
        msg.reply(new JsonObject().put("cancelled", cancel != null));
    }
}
