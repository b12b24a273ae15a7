package dev.kitt.bench.load;

import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.client.GenerationRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives an engine with a {@link LoadSpec}. A run lives on one event-loop context: requests are
 * issued and results recorded there, pacing uses timers, and nothing ever waits on a thread.
 * {@link #runSharded} splits one run over several event loops for loads one loop cannot carry.
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
        return shard(vertx.getOrCreateContext(), client, spec, prompts, keepResults, progress).map(ShardResult::report);
    }

    /**
     * The same run split over {@code loops} event loops: concurrency, rate, request and warm-up
     * counts are divided between shards, each on its own context; the histograms are merged.
     */
    public Future<LoadReport> runSharded(EngineClient client, LoadSpec spec, PromptSource prompts, boolean keepResults,
                                         int loops) {
        int n = Math.max(1, Math.min(loops, spec.concurrency()));
        if (spec.requests() > 0) {
            n = Math.min(n, spec.requests());
        }
        List<Future<ShardResult>> shards = new ArrayList<>();
        List<String> deployments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LoadSpec part = spec.shard(i, n);
            shards.add(newLoop(deployments).compose(ctx -> shard(ctx, client, part, prompts, keepResults, null)));
        }
        return Future.all(shards).map(all -> {
            ShardResult merged = all.<ShardResult>resultAt(0);
            for (int i = 1; i < all.size(); i++) {
                merged = merged.mergedWith(all.resultAt(i));
            }
            return merged.report();
        }).eventually(() -> Future.all(deployments.stream().map(vertx::undeploy).toList()));
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

    private Future<ShardResult> shard(Context ctx, EngineClient client, LoadSpec spec, PromptSource prompts,
                                      boolean keepResults, Progress progress) {
        Promise<ShardResult> promise = Promise.promise();
        ctx.runOnContext(v -> new LoadRun(vertx, client, spec, prompts, keepResults, progress, promise).start());
        return promise.future();
    }

    /** A fresh event-loop context: deploying an empty verticle is the public way to get one. */
    private Future<Context> newLoop(List<String> deployments) {
        Promise<Context> ctx = Promise.promise();
        return vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                ctx.complete(context);
                return Future.succeededFuture();
            }
        }).compose(id -> {
            deployments.add(id);
            return ctx.future();
        });
    }

    static GenerationRequest request(LoadSpec spec, String prompt) {
        return new GenerationRequest(prompt, spec.maxTokens(), spec.stream(), false, 0.0);
    }
}
