package dev.kitt.bench;

import dev.kitt.bench.perf.LoadBenchmark;
import dev.kitt.bench.perf.MemoryBenchmark;
import dev.kitt.bench.perf.WarmupAnalysisBenchmark;
import dev.kitt.bench.quality.QualityBenchmark;
import dev.kitt.util.YamlDocs;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every benchmark KITT can run: the built-ins in one list, plus custom YAML benchmarks from
 * KITT_HOME/benchmarks/*.yaml that derive from a built-in ({@code base:}) with their own config.
 */
public final class BenchmarkCatalog {
    private final Map<String, Benchmark> benchmarks;

    private BenchmarkCatalog(Map<String, Benchmark> benchmarks) {
        this.benchmarks = benchmarks;
    }

    public static List<Benchmark> builtins() {
        List<Benchmark> list = new ArrayList<>(List.of(
                new LoadBenchmark("throughput", new JsonObject().put("concurrency", 8).put("requests", 64)
                        .put("max_tokens", 128).put("warmup_requests", 4)),
                new LoadBenchmark("latency", new JsonObject().put("concurrency", 1).put("requests", 10)
                        .put("max_tokens", 64).put("warmup_requests", 1)),
                new LoadBenchmark("streaming_latency", new JsonObject().put("concurrency", 1).put("requests", 10)
                        .put("max_tokens", 128).put("warmup_requests", 1)),
                new LoadBenchmark("load", new JsonObject().put("concurrency", 16).put("duration_s", 30)
                        .put("max_tokens", 128).put("warmup_requests", 8).put("max_error_rate", 0.01)),
                new MemoryBenchmark(),
                new WarmupAnalysisBenchmark()));
        list.addAll(QualityBenchmark.all());
        return list;
    }

    /** Built-ins plus custom benchmarks found under KITT_HOME/benchmarks (blocking file reads). */
    public static BenchmarkCatalog load(Path kittHome) {
        Map<String, Benchmark> map = new LinkedHashMap<>();
        builtins().forEach(b -> map.put(b.name(), b));
        Path dir = kittHome == null ? null : kittHome.resolve("benchmarks");
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    CustomBenchmark c = CustomBenchmark.from(YamlDocs.read(f), map, f.toString());
                    map.put(c.name(), c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BenchmarkCatalog(map);
    }

    public Benchmark get(String name) {
        Benchmark b = benchmarks.get(name);
        if (b == null) {
            throw new BenchException("unknown benchmark '" + name + "' (known: " + String.join(", ", benchmarks.keySet()) + ")");
        }
        return b;
    }

    public List<String> names() {
        return new ArrayList<>(benchmarks.keySet());
    }
}
