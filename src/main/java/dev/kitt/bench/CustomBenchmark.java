package dev.kitt.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * A user benchmark from YAML: {@code name}, {@code base} (a built-in), optional {@code version}
 * and {@code description}, and {@code config} merged over the base's defaults.
 */
final class CustomBenchmark implements Benchmark {
    private final String name;
    private final String version;
    private final Benchmark base;
    private final JsonObject config;

    private CustomBenchmark(String name, String version, Benchmark base, JsonObject config) {
        this.name = name;
        this.version = version;
        this.base = base;
        this.config = config;
    }

    static CustomBenchmark from(JsonObject doc, Map<String, Benchmark> known, String where) {
        String name = doc.getString("name");
        String baseName = doc.getString("base");
        if (name == null || baseName == null) {
            throw new BenchException(where + ": a custom benchmark needs 'name' and 'base'");
        }
        Benchmark base = known.get(baseName);
        if (base == null) {
            throw new BenchException(where + ": unknown base benchmark '" + baseName + "'");
        }
        return new CustomBenchmark(name, doc.getString("version", "1.0.0"), base,
                doc.getJsonObject("config", new JsonObject()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public JsonObject defaults() {
        return base.defaults().mergeIn(config, true);
    }

    @Override
    public Future<BenchResult> run(BenchContext ctx, JsonObject cfg) {
        return base.run(ctx, cfg);
    }

    /** The template `kitt test new NAME` writes. */
    static String template(String name) {
        return """
                # A custom KITT benchmark. Put it in KITT_HOME/benchmarks/ and run it with
                # `kitt run -m MODEL -e ENGINE -s SUITE` after adding it to a suite's tests.
                name: %s
                base: throughput          # any built-in: throughput, latency, streaming_latency, load, memory,
                                          # warmup_analysis, mmlu, gsm8k, truthfulqa, hellaswag
                version: 1.0.0
                description: What this benchmark shows and why.
                config:                   # merged over the base's defaults (see docs/metrics.md)
                  concurrency: 4
                  requests: 32
                  max_tokens: 128
                  input_tokens: 512       # synthetic prompts of this many tokens
                  slo_ttft_ms: 500
                  slo_tpot_ms: 50
                """.formatted(name);
    }
}
