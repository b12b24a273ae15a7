package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineException;
import dev.kitt.engines.LogSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** An engine someone else runs: nothing to start or stop, only a health check of the URL. */
public final class EndpointRuntime implements EngineRuntime {
    private final Vertx vertx;
    private final HealthPolicy health;

    public EndpointRuntime(Vertx vertx, HealthPolicy health) {
        this.vertx = vertx;
        this.health = health;
    }

    @Override
    public Future<EngineHandle> start(LaunchSpec spec, LogSink logs) {
        String url = spec.endpointUrl();
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Future.failedFuture(new EngineException("endpoint mode needs --endpoint http(s)://HOST:PORT, got " + url));
        }
        return HealthWaiter.await(vertx, url, spec.engine().healthPath(), health, () -> null)
                .recover(err -> Future.failedFuture(new EngineException("endpoint " + url + " unreachable: " + err.getMessage())))
                .map(v -> new EngineHandle(url, spec.model(), "endpoint " + url));
    }

    @Override
    public Future<Void> stop() {
        return Future.succeededFuture();
    }
}
