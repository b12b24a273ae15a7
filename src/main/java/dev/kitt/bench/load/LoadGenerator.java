package dev.kitt.bench.load;

import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.client.GenerationRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives an engine with a {@link LoadSpec}. Every run lives on one event-loop context: requests
 * are issued and results recorded there, pacing uses timers, and nothing ever waits on a thread.
 */
public final class LoadGenerator {
    /** Measured requests finished so far, out of the expected total (0 when bounded by time). */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final Vertx vertx;

    public LoadGenerator(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<LoadReport> run(EngineClient client, LoadSpec spec, PromptSource prompts, boolean keepResults,
                                  Progress progress) {
        Promise<LoadReport> promise = Promise.promise();
        Context ctx = vertx.getOrCreateContext();
        ctx.runOnContext(v -> new LoadRun(vertx, client, spec, prompts, keepResults, progress, promise).start());
        return promise.future();
    }

    /** A sweep: the same spec at several concurrencies (closed loop) or rates (open loop), in order. */
    public Future<List<LoadReport>> sweep(EngineClient client, LoadSpec base, List<Double> points,
                                                    PromptSource prompts, Progress progress) {
        Future<List<LoadReport>> chain = Future.succeededFuture(new ArrayList<>());
        for (double point : points) {
            LoadSpec spec = base.mode() == LoadSpec.Mode.OPEN ? base.withRate(point) : base.withConcurrency((int) point);
            chain = chain.compose(list -> run(client, spec, prompts, false, progress).map(r -> {
                list.add(r);
                return list;
            }));
        }
        return chain;
    }

    static GenerationRequest request(LoadSpec spec, String prompt) {
        return new GenerationRequest(prompt, spec.maxTokens(), spec.stream(), false, 0.0);
    }
}
