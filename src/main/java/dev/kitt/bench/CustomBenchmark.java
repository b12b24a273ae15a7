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
}
