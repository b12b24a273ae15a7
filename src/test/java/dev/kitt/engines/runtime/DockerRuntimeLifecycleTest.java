package dev.kitt.engines.runtime;

import dev.kitt.bench.BenchmarkExecutor;
import dev.kitt.bench.RunRequest;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.LogSink;
import dev.kitt.engines.RuntimeMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class DockerRuntimeLifecycleTest {
    private static final String IMAGE = "kitt/engine-sim:latest";
    private final AtomicInteger names = new AtomicInteger();

    @TempDir
    Path dir;

    private BenchmarkExecutor executor(Vertx vertx, FakeDocker docker, int port, boolean unhealthy) {
        Runtimes runtimes = new Runtimes(vertx, docker.env(unhealthy), new HealthPolicy(50, 200, unhealthy ? 1_500 : 60_000),
                HealthPolicy.endpointDefault(), () -> "kitt-test-" + names.incrementAndGet());
        EngineRegistry registry = EngineRegistry.withOverrides(new JsonObject()
                .put("engines", new JsonObject().put("sim", new JsonObject().put("port", port))));
        return new BenchmarkExecutor(vertx, registry, EngineProfiles.load(null), runtimes, m -> Future.succeededFuture("id"),
                () -> new JsonObject().put("fingerprint", "test-host"), () -> Future.failedFuture("no GPU"), dir);
    }

    private RunRequest request(Path model, String out) {
        return RunRequest.of(model.toString(), "sim", null, dir.resolve(out)).withMode(RuntimeMode.DOCKER, null)
                .withBenchmark("streaming_latency")
                .withOverrides(new JsonObject().put("*", new JsonObject().put("requests", 2).put("max_tokens", 4)
                        .put("warmup_requests", 0)), 1);
    }

    @Test
    @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
    @DisplayName("A docker run pulls the missing image, runs kitt-<name> on the host network with all GPUs and /models, streams logs, then stops and removes it")
    void wholeLifecycleWithExactCommandLines(Vertx vertx, VertxTestContext ctx) throws Exception {
        FakeDocker docker = new FakeDocker(dir);
        int port = FakeDocker.freePort();
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.safetensors"), "weights");
        ConcurrentLinkedQueue<String> engineLogs = new ConcurrentLinkedQueue<>();
        LogSink logs = (src, line) -> {
            if (src.equals("engine")) {
                engineLogs.add(line);
            }
        };
        executor(vertx, docker, port, false).run(request(model, "ok"), logs, dev.kitt.bench.ProgressListener.none())
                .onComplete(ctx.succeeding(outcome -> ctx.verify(() -> {
                    assertTrue(outcome.passed(), outcome.metricsJson().encodePrettily());
                    assertEquals(List.of(
                            "image inspect --format {{.Id}} " + IMAGE,
                            "pull " + IMAGE,
                            "run -d --name kitt-test-1 --network host --gpus all -v " + model.toAbsolutePath() + ":/models "
                                    + IMAGE + " --port " + port,
                            "logs -f kitt-test-1",
                            "stop kitt-test-1",
                            "rm kitt-test-1"), docker.invocations());
                    assertTrue(engineLogs.stream().anyMatch(l -> l.contains("kitt engine-sim listening")),
                            "container output reached the log sink: " + engineLogs);
                    assertFalse(Files.exists(docker.state.resolve("kitt-test-1.pid")), "container removed");
                    ctx.completeNow();
                })));
    }

    @Test
    @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
    @DisplayName("An engine that never becomes healthy fails the run with a clear error and its container is still stopped and removed")
    void neverHealthyEngineIsCleanedUp(Vertx vertx, VertxTestContext ctx) throws Exception {
        FakeDocker docker = new FakeDocker(dir);
        docker.havePulled(IMAGE);
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("weights.safetensors"), "w");
        executor(vertx, docker, FakeDocker.freePort(), true).run(request(model, "bad"), LogSink.discard(),
                        dev.kitt.bench.ProgressListener.none())
                .onComplete(ctx.failing(err -> ctx.verify(() -> {
                    assertTrue(err.getMessage().contains("not healthy after 1500 ms"), err.getMessage());
                    List<String> calls = docker.invocations();
                    assertEquals("image inspect --format {{.Id}} " + IMAGE, calls.get(0), "image present: no pull");
                    assertTrue(calls.get(1).startsWith("run -d --name kitt-test-1 "));
                    assertEquals(List.of("stop kitt-test-1", "rm kitt-test-1"), calls.subList(calls.size() - 2, calls.size()));
                    JsonObject metrics = new JsonObject(Files.readString(dir.resolve("bad/metrics.json")));
                    assertFalse(metrics.getBoolean("passed"));
                    assertTrue(metrics.getBoolean("partial"));
                    assertTrue(metrics.getString("error").contains("not healthy"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("With auto-pull the image is pulled even when present, and containers are named kitt-<timestamp> by default")
    void autoPullAlwaysPulls(Vertx vertx, VertxTestContext ctx) throws Exception {
        FakeDocker docker = new FakeDocker(dir);
        docker.havePulled(IMAGE);
        CommandRunner runner = new CommandRunner(vertx, docker.env(true));
        String name = DockerRuntime.timestampNames().get();
        assertTrue(name.matches("kitt-\\d{13}"), name);
        DockerRuntime runtime = new DockerRuntime(vertx, runner, new HealthPolicy(20, 40, 300), () -> "kitt-pull");
        Path model = Files.createDirectories(dir.resolve("m"));
        Files.writeString(model.resolve("x.gguf"), "g");
        LaunchSpec spec = new LaunchSpec(EngineRegistry.builtin().get("sim"), model.resolve("x.gguf").toString(), null,
                FakeDocker.freePort(), true, null);
        runtime.start(spec, LogSink.discard()).onComplete(ctx.failing(err -> ctx.verify(() -> {
            List<String> calls = docker.invocations();
            assertEquals("pull " + IMAGE, calls.get(0), "auto-pull skips the presence check and pulls");
            assertTrue(calls.get(1).contains("-v " + model.toAbsolutePath() + ":/models " + IMAGE), calls.get(1));
            assertTrue(calls.contains("rm kitt-pull"));
            ctx.completeNow();
        })));
    }
}
