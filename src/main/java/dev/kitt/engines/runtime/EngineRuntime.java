package dev.kitt.engines.runtime;

import dev.kitt.engines.LogSink;
import io.vertx.core.Future;

/** One engine instance's lifecycle. {@link #stop()} is idempotent and safe after a failed start. */
public interface EngineRuntime {
    /** Starts the engine and completes once it answers its health check. */
    Future<EngineHandle> start(LaunchSpec spec, LogSink logs);

    Future<Void> stop();
}
