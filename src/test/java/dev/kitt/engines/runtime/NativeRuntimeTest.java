package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.LogSink;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class NativeRuntimeTest {
    @TempDir
    Path dir;

    /** A `kitt` launcher on the child's PATH, as an installed KITT would have. */
    private Map<String, String> pathWith(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path kitt = Files.writeString(bin.resolve("kitt"), script);
        kitt.toFile().setExecutable(true);
        return Map.of("PATH", bin + ":" + System.getenv("PATH"), "KITT_TEST_CLASSPATH", System.getProperty("java.class.path"));
    }

    @Test
    @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
    @DisplayName("The native runtime starts the engine binary as a child process, waits for health, streams its output and stops it")
    void nativeLifecycle(Vertx vertx, VertxTestContext ctx) throws IOException {
        Map<String, String> env = pathWith("#!/usr/bin/env bash\nexec java -cp \"$KITT_TEST_CLASSPATH\" dev.kitt.Main \"$@\"\n");
        EngineDescriptor sim = EngineRegistry.builtin().get("sim");
        NativeRuntime runtime = new NativeRuntime(vertx, new CommandRunner(vertx, env), new HealthPolicy(50, 200, 30_000));
        int port = FakeDocker.freePort();
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        LogSink logs = (src, line) -> lines.add(line);
        runtime.start(new LaunchSpec(sim, "tiny", null, port, false, null), logs)
                .compose(handle -> {
                    ctx.verify(() -> {
                        assertEquals("http://127.0.0.1:" + port, handle.baseUrl());
                        assertTrue(handle.description().startsWith("pid "));
                        assertTrue(lines.stream().anyMatch(l -> l.contains("kitt engine-sim listening")), lines.toString());
                    });
                    return runtime.stop().map(handle);
                })
                .compose(handle -> HealthWaiter.await(vertx, handle.baseUrl(), "/health", new HealthPolicy(10, 10, 50), () -> null)
                        .transform(ar -> ar.failed() ? io.vertx.core.Future.succeededFuture()
                                : io.vertx.core.Future.failedFuture("engine still answers after stop")))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
    @DisplayName("An engine process that exits before becoming healthy fails the start at once with its exit code")
    void processExitsEarly(Vertx vertx, VertxTestContext ctx) throws IOException {
        Map<String, String> env = pathWith("#!/usr/bin/env bash\necho 'CUDA error: no device'\nexit 3\n");
        NativeRuntime runtime = new NativeRuntime(vertx, new CommandRunner(vertx, env), new HealthPolicy(50, 200, 30_000));
        runtime.start(new LaunchSpec(EngineRegistry.builtin().get("sim"), "tiny", null, FakeDocker.freePort(), false, null),
                        LogSink.discard())
                .onComplete(ctx.failing(err -> ctx.verify(() -> {
                    assertEquals("engine stopped before it became healthy: process exited with code 3", err.getMessage());
                    ctx.completeNow();
                })));
    }
}
