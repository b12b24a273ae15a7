package dev.kitt.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Stores a finished run's metrics.json document in the result store and returns the stored id.
 * The server and the CLI pass the real store; the agent passes one that sends a `result` frame.
 */
@FunctionalInterface
public interface RunSink {
    Future<String> store(JsonObject metricsJson);
}
