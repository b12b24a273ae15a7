package dev.kitt.bench.perf;

import dev.kitt.bench.BenchContext;
import dev.kitt.bench.BenchResult;
import dev.kitt.bench.Benchmark;
import dev.kitt.bench.load.LoadGenerator;
import dev.kitt.bench.load.LoadSpec;
import dev.kitt.bench.load.PromptSource;
import dev.kitt.engines.client.RequestResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much slower the first requests after start are than the steady state: sequential
 * requests, the first {@code warmup_requests} compared with the median of the rest.
 */
public final class WarmupAnalysisBenchmark implements Benchmark {
    @Override
    public String name() {
        return "warmup_analysis";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public JsonObject defaults() {
        return new JsonObject().put("requests", 12).put("warmup_requests", 3).put("max_tokens", 32);
    }

    @Override
    public Future<BenchResult> run(BenchContext ctx, JsonObject config) {
        int warm = config.getInteger("warmup_requests", 3);
        JsonObject c = config.copy().put("concurrency", 1).put("warmup_requests", 0);
        LoadSpec spec = LoadSpec.fromConfig(c);
        if (spec.requests() <= warm) {
            return Future.succeededFuture(BenchResult.failed("requests must exceed warmup_requests"));
        }
        return new LoadGenerator(ctx.vertx()).run(ctx.client(), spec, PromptSource.fromConfig(c), true,
                ctx.progress()::advanced).map(report -> {
                    BenchResult base = LoadBenchmark.toResult(c, report);
                    List<RequestResult> all = report.results();
                    JsonArray warmupTimes = new JsonArray();
                    double[] steady = all.stream().skip(warm).filter(RequestResult::ok).mapToDouble(RequestResult::e2eMs)
                            .sorted().toArray();
                    List<Double> first = new ArrayList<>();
                    all.stream().limit(warm).filter(RequestResult::ok).forEach(r -> {
                        first.add(r.e2eMs());
                        warmupTimes.add(round(r.e2eMs() / 1000.0));
                    });
                    JsonObject m = base.metrics();
                    if (!first.isEmpty() && steady.length > 0) {
                        double median = steady[steady.length / 2];
                        m.put("first_request_ms", round(first.get(0)));
                        m.put("warmup_mean_ms", round(first.stream().mapToDouble(d -> d).average().orElse(0)));
                        m.put("steady_state_e2e_ms", round(median));
                        m.put("warmup_ratio", round(first.get(0) / median));
                    }
                    base.details().put("warmup_times", warmupTimes)
                            .put("steady_state_samples", Arrays.stream(steady).count());
                    return base;
                });
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
