package dev.kitt.engines.runtime;

import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.EngineException;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/** Polls an engine's health path with exponential backoff on timers (never a sleeping thread). */
final class HealthWaiter {
    private HealthWaiter() {
    }

    /**
     * @param stillAlive returns null while the engine process may still come up, or why it never will
     */
    static Future<Void> await(Vertx vertx, String baseUrl, String path, HealthPolicy policy, Supplier<String> stillAlive) {
        EngineClient client = EngineClient.create(vertx, baseUrl, ApiStyle.OPENAI, "",
                ClientOptions.defaults().withMaxConnections(1));
        Promise<Void> promise = Promise.promise();
        long deadline = System.nanoTime() + policy.timeoutMs() * 1_000_000;
        attempt(vertx, client, path, policy, policy.initialMs(), deadline, stillAlive, promise, baseUrl);
        return promise.future().eventually(client::close);
    }

    private static void attempt(Vertx vertx, EngineClient client, String path, HealthPolicy policy, long delay,
                                long deadline, Supplier<String> stillAlive, Promise<Void> promise, String url) {
        client.checkHealth(path).onComplete(ar -> {
            if (ar.succeeded()) {
                promise.complete();
                return;
            }
            String dead = stillAlive.get();
            if (dead != null) {
                promise.fail(new EngineException("engine stopped before it became healthy: " + dead));
                return;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                promise.fail(new EngineException("engine at " + url + " not healthy after " + policy.timeoutMs()
                        + " ms (" + path + ": " + ar.cause().getMessage() + ")"));
                return;
            }
            vertx.setTimer(Math.max(1, Math.min(delay, left)), id ->
                    attempt(vertx, client, path, policy, policy.next(delay), deadline, stillAlive, promise, url));
        });
    }
}
