package dev.kitt.bench;

import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.LogSink;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.runtime.EngineHandle;
import dev.kitt.engines.runtime.EngineRuntime;
import dev.kitt.engines.runtime.LaunchSpec;
import dev.kitt.engines.runtime.Runtimes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs one benchmark run end to end: resolve and check the request, bring the engine up, run
 * every benchmark of every run in order, always bring the engine down, write the four files and
 * store the run through the {@link RunSink}. The same code serves the CLI, the server and the agent.
 */
public final class BenchmarkExecutor {
    private final Vertx vertx;
    private final EngineRegistry registry;
    private final EngineProfiles profiles;
    private final Runtimes runtimes;
    private final RunSink sink;
    private final Supplier<JsonObject> hardware;
    private final GpuMemoryProbe gpu;
    private final Path kittHome;

    public BenchmarkExecutor(Vertx vertx, EngineRegistry registry, EngineProfiles profiles, Runtimes runtimes,
                             RunSink sink, Supplier<JsonObject> hardware, GpuMemoryProbe gpu, Path kittHome) {
        this.vertx = vertx;
        this.registry = registry;
        this.profiles = profiles;
        this.runtimes = runtimes;
        this.sink = sink;
        this.hardware = hardware;
        this.gpu = gpu;
        this.kittHome = kittHome;
    }

    public Future<RunOutcome> run(RunRequest req, LogSink logs, ProgressListener progress) {
        return run(req, logs, progress, RunCancel.never());
    }

    /** As above; a cancelled run stops its engine, fails with the cancel reason and stores nothing. */
    public Future<RunOutcome> run(RunRequest req, LogSink logs, ProgressListener progress, RunCancel cancel) {
        long started = System.nanoTime();
        String startedAt = LocalDateTime.now().toString();
        String runId = UUID.randomUUID().toString();
        return vertx.executeBlocking(() -> RunPlan.resolve(req, registry, profiles, kittHome), false)
                .compose(plan -> {
                    EngineRuntime runtime = runtimes.create(plan.engine(), req.mode());
                    LaunchSpec spec = new LaunchSpec(plan.engine(), req.model(), plan.profile(), plan.engine().defaultPort(),
                            req.autoPull(), req.endpoint());
                    List<JsonObject> results = new ArrayList<>();
                    String[] runError = {null};
                    // Stopping the engine makes the requests in flight fail at once, so the benchmark under way
                    // ends within moments; the check before the next one then ends the run.
                    cancel.onCancel(() -> vertx.runOnContext(v -> runtime.stop()));
                    return runtime.start(spec, logs)
                            .compose(handle -> runAll(plan, handle, logs, progress, results, cancel))
                            .recover(err -> {
                                runError[0] = err.getMessage();
                                return Future.succeededFuture();
                            })
                            .eventually(runtime::stop)
                            .compose(v -> finish(plan, runId, startedAt, started, results, runError[0]));
                });
    }

    private Future<Void> runAll(RunPlan plan, EngineHandle handle, LogSink logs, ProgressListener progress,
                                List<JsonObject> results, RunCancel cancel) {
        EngineClient client = EngineClient.create(vertx, handle.baseUrl(), plan.engine().apiStyle(), handle.servedModel(),
                ClientOptions.defaults().withMaxConnections(Math.max(1, plan.maxConcurrency()))
                        .withTimeoutMs(plan.configs().stream().mapToLong(c -> (long) (c.getDouble("request_timeout_s", 300.0) * 1000))
                                .max().orElse(300_000)));
        logs.line("bench", "engine ready: " + handle.description() + " at " + handle.baseUrl());
        Future<Void> chain = Future.succeededFuture();
        int total = plan.runs() * plan.benchmarks().size();
        for (int run = 1; run <= plan.runs(); run++) {
            for (int i = 0; i < plan.benchmarks().size(); i++) {
                int runNumber = run;
                int index = i;
                int position = (run - 1) * plan.benchmarks().size() + i + 1;
                chain = chain.compose(v -> cancel.cancelled() ? Future.failedFuture(new BenchException(cancel.reason()))
                        : runOne(plan, client, logs, progress, runNumber, index, position, total)
                        .map(r -> {
                            results.add(r);
                            return null;
                        }));
            }
        }
        // A benchmark cut short by the cancel must not count as finished: the check after it fails the run.
        return chain.compose(v -> cancel.cancelled() ? Future.<Void>failedFuture(new BenchException(cancel.reason()))
                : Future.<Void>succeededFuture()).eventually(client::close);
    }

    private Future<JsonObject> runOne(RunPlan plan, EngineClient client, LogSink logs, ProgressListener progress,
                                      int runNumber, int index, int position, int total) {
        Benchmark b = plan.benchmarks().get(index);
        JsonObject config = plan.configs().get(index);
        Path workDir = plan.request().outputDir().resolve("work").resolve("run-" + runNumber);
        BenchContext ctx = new BenchContext(vertx, client, plan.request().model(), logs, progress, workDir,
                plan.request().datasetDir(), gpu);
        progress.benchmarkStarted(b.name(), runNumber, position, total);
        logs.line("bench", "run " + runNumber + ": " + b.name() + " " + config.encode());
        String at = LocalDateTime.now().toString();
        Future<BenchResult> f;
        try {
            f = b.run(ctx, config);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        return f.recover(err -> Future.succeededFuture(BenchResult.failed(b.name() + " failed: " + err.getMessage())))
                .map(r -> {
                    progress.benchmarkFinished(b.name(), r.passed());
                    r.errors().forEach(e -> logs.line("bench", b.name() + ": " + e));
                    return r.toJson(b.name(), b.version(), runNumber, at);
                });
    }

    private Future<RunOutcome> finish(RunPlan plan, String runId, String startedAt, long started,
                                      List<JsonObject> results, String runError) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return vertx.executeBlocking(() -> {
            JsonObject hw = hardware.get();
            JsonObject metrics = MetricsDocument.build(runId, plan.suite().name(), plan.engine().name(),
                    plan.request().model(), startedAt, seconds, results, hw, runError);
            RunFiles.write(plan.request().outputDir(), metrics, hw, plan.toJson().put("run_id", runId));
            return metrics;
        }, false).compose(metrics -> {
            if (runError != null) {
                return Future.failedFuture(new BenchException(runError));
            }
            return sink.store(metrics)
                    .map(id -> new RunOutcome(runId, metrics.getBoolean("passed"), metrics, plan.request().outputDir(), id, null))
                    .recover(err -> Future.succeededFuture(new RunOutcome(runId, metrics.getBoolean("passed"), metrics,
                            plan.request().outputDir(), null, err.getMessage())));
        });
    }
}
