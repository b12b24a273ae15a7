package dev.kitt.bench;

import dev.kitt.util.YamlDocs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A suite: which benchmarks, how many runs, a config for all of them and per-test overrides.
 * Bundled as suites/NAME.yaml; KITT_HOME/suites/NAME.yaml takes precedence.
 */
public record Suite(String name, int runs, JsonObject globalConfig, List<String> tests, JsonObject testOverrides) {

    public static final List<String> BUILTIN = List.of("quick", "standard", "performance");

    /** Blocking: reads a file when the user has one. */
    public static Suite load(String name, Path kittHome) {
        JsonObject doc = null;
        if (kittHome != null) {
            Path user = kittHome.resolve("suites").resolve(name + ".yaml");
            if (Files.isRegularFile(user)) {
                doc = YamlDocs.read(user);
            }
        }
        if (doc == null && name.matches("[a-z0-9_-]+")) {
            doc = YamlDocs.resource("suites/" + name + ".yaml");
        }
        if (doc == null) {
            throw new BenchException("unknown suite '" + name + "' (built in: " + String.join(", ", BUILTIN) + ")");
        }
        return fromJson(name, doc);
    }

    static Suite fromJson(String name, JsonObject doc) {
        List<String> tests = doc.getJsonArray("tests", new JsonArray()).stream().map(String::valueOf).toList();
        if (tests.isEmpty()) {
            throw new BenchException("suite '" + name + "' lists no tests");
        }
        return new Suite(doc.getString("name", name), doc.getInteger("runs", 1),
                doc.getJsonObject("global_config", new JsonObject()), tests,
                doc.getJsonObject("test_overrides", new JsonObject()));
    }

    /** A one-benchmark suite, for `--benchmark` runs and quick tests. */
    public static Suite single(String benchmark) {
        return new Suite(benchmark, 1, new JsonObject(), List.of(benchmark), new JsonObject());
    }

    /** Defaults, then global config, then this suite's override for the test, then the caller's. */
    public JsonObject configFor(Benchmark b, JsonObject callerOverrides) {
        JsonObject c = b.defaults().mergeIn(globalConfig, true)
                .mergeIn(testOverrides.getJsonObject(b.name(), new JsonObject()), true);
        if (callerOverrides != null) {
            c.mergeIn(callerOverrides.getJsonObject("*", new JsonObject()), true)
                    .mergeIn(callerOverrides.getJsonObject(b.name(), new JsonObject()), true);
        }
        return c;
    }
}
