package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineException;
import dev.kitt.engines.LogSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The engine binary as a child process of KITT, with the same lifecycle as a container. */
public final class NativeRuntime implements EngineRuntime {
    private final Vertx vertx;
    private final CommandRunner runner;
    private final HealthPolicy health;
    private Process process;
    private ShutdownCleanup hook;

    public NativeRuntime(Vertx vertx, CommandRunner runner, HealthPolicy health) {
        this.vertx = vertx;
        this.runner = runner;
        this.health = health;
    }

    @Override
    public Future<EngineHandle> start(LaunchSpec spec, LogSink logs) {
        if (spec.engine().nativeCommand().isEmpty()) {
            return Future.failedFuture(new EngineException("engine " + spec.engine().name() + " has no native mode; use --mode docker"));
        }
        List<String> cmd = new ArrayList<>(spec.engine().nativeCommand());
        cmd.addAll(spec.engineArgs(spec.model()));
        return runner.spawn(cmd, spec.engineEnv(), line -> logs.line("engine", line)).compose(p -> {
            process = p;
            hook = new ShutdownCleanup("pid-" + p.pid(), p::destroyForcibly);
            logs.line("engine", "started " + String.join(" ", cmd) + " (pid " + p.pid() + ")");
            String url = "http://127.0.0.1:" + spec.port();
            return HealthWaiter.await(vertx, url, spec.engine().healthPath(), health,
                            () -> p.isAlive() ? null : "process exited with code " + p.exitValue())
                    .map(v -> new EngineHandle(url, spec.model(), "pid " + p.pid()));
        }).recover(err -> stop().transform(ignored -> Future.failedFuture(err)));
    }

    @Override
    public Future<Void> stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (hook != null) {
                hook.cancel();
            }
            return null;
        }, false);
    }
}
