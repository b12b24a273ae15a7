package dev.kitt.bench.perf;

import dev.kitt.bench.BenchContext;
import dev.kitt.bench.BenchResult;
import dev.kitt.bench.Benchmark;
import dev.kitt.bench.load.LoadGenerator;
import dev.kitt.bench.load.LoadReport;
import dev.kitt.bench.load.LoadSpec;
import dev.kitt.bench.load.PromptSource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark that is one load run: throughput, latency and streaming_latency differ only in
 * their defaults. With {@code sweep: {concurrency: [..]}} or {@code sweep: {rate: [..]}} it runs
 * one load run per point and reports the point with the highest goodput in {@code metrics}.
 */
public final class LoadBenchmark implements Benchmark {
    private final String name;
    private final JsonObject defaults;

    public LoadBenchmark(String name, JsonObject defaults) {
        this.name = name;
        this.defaults = defaults;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public JsonObject defaults() {
        return defaults.copy();
    }

    @Override
    public Future<BenchResult> run(BenchContext ctx, JsonObject config) {
        LoadSpec spec = LoadSpec.fromConfig(config);
        PromptSource prompts = PromptSource.fromConfig(config);
        LoadGenerator gen = new LoadGenerator(ctx.vertx());
        JsonObject sweep = config.getJsonObject("sweep");
        if (sweep == null) {
            return gen.run(ctx.client(), spec, prompts, false, ctx.progress()::advanced).map(r -> toResult(config, r));
        }
        boolean byRate = sweep.containsKey("rate");
        List<Double> points = new ArrayList<>();
        sweep.getJsonArray(byRate ? "rate" : "concurrency").forEach(v -> points.add(((Number) v).doubleValue()));
        LoadSpec base = byRate ? spec.withRate(points.get(0)) : spec;
        return gen.sweep(ctx.client(), base, points, prompts, ctx.progress()::advanced)
                .map(reports -> sweepResult(config, byRate, points, reports));
    }

    static BenchResult toResult(JsonObject config, LoadReport r) {
        JsonObject m = r.metrics();
        double maxErrorRate = config.getDouble("max_error_rate", 0.0);
        List<String> errors = new ArrayList<>(r.sampleErrors());
        long completed = m.getLong("requests_completed", 0L);
        boolean passed = completed > 0 && m.getDouble("error_rate") <= maxErrorRate;
        if (completed == 0) {
            errors.add("no request completed");
        }
        long partial = m.getLong("requests_partial", 0L);
        JsonObject details = new JsonObject().put("token_count_source", r.tokenCountSource())
                .put("schedule_lag_ms_p99", r.scheduleLagMsP99());
        if (!passed && m.getLong("requests_failed", 0L) > 0) {
            details.put("partial", true);
        }
        if (partial > 0) {
            details.put("partial_streams", partial);
        }
        return new BenchResult(passed, m, errors, List.of(), details);
    }

    private static BenchResult sweepResult(JsonObject config, boolean byRate, List<Double> points, List<LoadReport> reports) {
        JsonArray table = new JsonArray();
        int best = 0;
        for (int i = 0; i < reports.size(); i++) {
            JsonObject m = reports.get(i).metrics();
            table.add(m.copy().put(byRate ? "rate" : "concurrency", points.get(i)));
            if (m.getDouble("goodput_requests_per_s") > reports.get(best).metrics().getDouble("goodput_requests_per_s")) {
                best = i;
            }
        }
        BenchResult b = toResult(config, reports.get(best));
        b.details().put("sweep", table).put("best_point", points.get(best));
        return b;
    }
}
