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

/**
 * Runs benchmarks inside the server, for test agents and the quick start. Answers
 * {@code kitt.bench.start} {agentId, commandId, model, engine, suite | benchmark, profile,
 * sourceId, logFirstSeq} with the run's metrics.json document, after a real run of the same
 * executor the CLI and the agent use, against the in-process simulated engine. Log lines go to
 * the request's sourceId. The requester stores the document, so this verticle stores nothing.
 */
public final class BenchmarkVerticle extends VerticleBase {
    private final ServerContext ctx;
    private BenchmarkExecutor executor;

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
                    return vertx.eventBus().<JsonObject>localConsumer(Addresses.BENCHMARK_START, this::run).completion();
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
        executor.run(run, logs, ProgressListener.none())
                .onComplete(ar -> logs.close())
                .onSuccess(outcome -> msg.reply(outcome.metricsJson().copy()
                        .put("engine", requestedEngine).put("engine_simulated", true)))
                .onFailure(err -> msg.fail(500, String.valueOf(err.getMessage())));
    }
}
