package dev.kitt.bench;

import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Runs benchmarks inside the server (test agents, the quick start) on
 * {@code kitt.bench.start}; filled in by the benchmark issue.
 */
public final class BenchmarkVerticle extends VerticleBase {
    private final ServerContext ctx;

    public BenchmarkVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }
}
