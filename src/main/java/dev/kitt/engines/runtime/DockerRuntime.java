package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineException;
import dev.kitt.engines.LogSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.function.Supplier;

/**
 * An engine in a container, through the docker CLI: pull when missing (or always with
 * auto-pull), `docker run` with host networking, all GPUs and the model mounted at /models,
 * stream `docker logs -f`, wait for health, and `docker stop` + `docker rm` whatever happens.
 */
public final class DockerRuntime implements EngineRuntime {
    private final Vertx vertx;
    private final CommandRunner runner;
    private final HealthPolicy health;
    private final Supplier<String> names;
    private String container;
    private Process logFollower;
    private ShutdownCleanup hook;

    public DockerRuntime(Vertx vertx, CommandRunner runner, HealthPolicy health, Supplier<String> names) {
        this.vertx = vertx;
        this.runner = runner;
        this.health = health;
        this.names = names;
    }

    /** Container names are kitt-&lt;epoch ms&gt;. */
    public static Supplier<String> timestampNames() {
        return () -> "kitt-" + System.currentTimeMillis();
    }

    @Override
    public Future<EngineHandle> start(LaunchSpec spec, LogSink logs) {
        String image = spec.engine().defaultImage();
        if (image == null) {
            return Future.failedFuture(new EngineException("engine " + spec.engine().name() + " has no container image; use --mode native"));
        }
        DockerCommands.ModelMount mount = DockerCommands.ModelMount.of(spec.model());
        String name = names.get();
        return ensureImage(image, spec.autoPull(), logs)
                .compose(v -> runner.run(DockerCommands.run(name, image, mount.source(), spec.engineEnv(),
                        spec.engineArgs(mount.containerRef()))))
                .compose(r -> {
                    if (!r.ok()) {
                        return Future.failedFuture(new EngineException("docker run failed (exit " + r.exitCode() + "): " + r.output()));
                    }
                    container = name;
                    hook = new ShutdownCleanup(name, () -> {
                        runner.runNow(DockerCommands.stop(name));
                        runner.runNow(DockerCommands.rm(name));
                    });
                    logs.line("engine", "started container " + name + " (" + image + ")");
                    return runner.spawn(DockerCommands.logs(name), Map.of(), line -> logs.line("engine", line));
                })
                .compose(p -> {
                    logFollower = p;
                    String url = "http://127.0.0.1:" + spec.port();
                    return HealthWaiter.await(vertx, url, spec.engine().healthPath(), health, () -> null)
                            .map(v -> new EngineHandle(url, mount.containerRef(), "container " + name));
                })
                .recover(err -> stop().transform(ignored -> Future.failedFuture(err)));
    }

    private Future<Void> ensureImage(String image, boolean autoPull, LogSink logs) {
        Future<Boolean> present = autoPull ? Future.succeededFuture(false)
                : runner.run(DockerCommands.imageInspect(image)).map(CommandRunner.Result::ok);
        return present.compose(has -> {
            if (has) {
                return Future.succeededFuture();
            }
            logs.line("engine", "pulling " + image);
            return runner.run(DockerCommands.pull(image)).compose(r -> r.ok() ? Future.<Void>succeededFuture()
                    : Future.failedFuture(new EngineException("docker pull " + image + " failed: " + r.output())));
        });
    }

    @Override
    public Future<Void> stop() {
        String name = container;
        container = null;
        if (name == null) {
            return Future.succeededFuture();
        }
        return runner.run(DockerCommands.stop(name))
                .compose(stopped -> runner.run(stopped.ok() ? DockerCommands.rm(name) : DockerCommands.forceRm(name)))
                .compose(removed -> {
                    if (logFollower != null) {
                        logFollower.destroy();
                    }
                    if (hook != null) {
                        hook.cancel();
                    }
                    return removed.ok() ? Future.<Void>succeededFuture()
                            : Future.failedFuture(new EngineException("docker rm " + name + " failed: " + removed.output()));
                });
    }
}
