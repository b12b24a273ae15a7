package dev.kitt.bench.perf;

import dev.kitt.bench.BenchContext;
import dev.kitt.bench.BenchResult;
import dev.kitt.bench.Benchmark;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Peak GPU memory while the engine serves a throughput load, sampled with nvidia-smi. Without a
 * GPU the metric is left out and a note says it is unavailable: a 0 would read as a measurement.
 */
public final class MemoryBenchmark implements Benchmark {
    private final LoadBenchmark load = new LoadBenchmark("memory", new JsonObject());

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public JsonObject defaults() {
        return new JsonObject().put("concurrency", 8).put("requests", 32).put("max_tokens", 128)
                .put("sample_interval_ms", 500);
    }

    @Override
    public Future<BenchResult> run(BenchContext ctx, JsonObject config) {
        double[] peak = {Double.NaN};
        String[] unavailable = {null};
        Runnable sample = () -> ctx.gpu().usedMb().onComplete(ar -> {
            if (ar.succeeded()) {
                peak[0] = Double.isNaN(peak[0]) ? ar.result() : Math.max(peak[0], ar.result());
            } else if (unavailable[0] == null) {
                unavailable[0] = ar.cause().getMessage();
            }
        });
        sample.run();
        long timer = ctx.vertx().setPeriodic(config.getLong("sample_interval_ms", 500L), id -> sample.run());
        return load.run(ctx, config).eventually(() -> {
            ctx.vertx().cancelTimer(timer);
            return Future.succeededFuture();
        }).map(r -> {
            List<String> notes = new ArrayList<>(r.notes());
            if (Double.isNaN(peak[0])) {
                notes.add("gpu_memory_peak_mb unavailable: " + (unavailable[0] != null ? unavailable[0] : "no sample taken"));
                r.details().put("unavailable_metrics", new JsonArray().add("gpu_memory_peak_mb"));
            } else {
                r.metrics().put("gpu_memory_peak_mb", peak[0]);
            }
            return new BenchResult(r.passed(), r.metrics(), r.errors(), notes, r.details());
        });
    }
}
