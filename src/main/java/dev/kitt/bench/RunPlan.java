package dev.kitt.bench;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineProfile;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.ModelFormats;
import dev.kitt.engines.RuntimeMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A request checked and resolved before anything starts: the engine, profile, suite and every
 * benchmark with its final config. Unknown names, a missing model or a model format the engine
 * cannot load fail here, so no container is ever started for a run that cannot work.
 */
record RunPlan(RunRequest request, EngineDescriptor engine, EngineProfile profile, Suite suite,
               List<Benchmark> benchmarks, List<JsonObject> configs, int runs) {

    /** Blocking (reads YAML and checks model files): call on a worker. */
    static RunPlan resolve(RunRequest req, EngineRegistry registry, EngineProfiles profiles, Path kittHome) {
        if (req.model() == null || req.model().isBlank()) {
            throw new BenchException("a model is required (-m)");
        }
        EngineDescriptor engine = registry.get(req.engine());
        EngineProfile profile = req.profile() == null ? null : profiles.get(req.profile(), engine.name());
        RuntimeMode mode = req.mode();
        if (mode == RuntimeMode.ENDPOINT && (req.endpoint() == null || req.endpoint().isBlank())) {
            throw new BenchException("--mode endpoint needs --endpoint URL");
        }
        boolean needsFiles = mode == RuntimeMode.DOCKER || mode == RuntimeMode.NATIVE
                || (mode == null && !engine.name().equals("sim"));
        ModelFormats.check(engine, req.model(), needsFiles);
        Suite suite = req.benchmark() != null ? Suite.single(req.benchmark())
                : Suite.load(req.suite() == null ? "quick" : req.suite(), kittHome);
        BenchmarkCatalog catalog = BenchmarkCatalog.load(kittHome);
        List<Benchmark> benches = new ArrayList<>();
        List<JsonObject> configs = new ArrayList<>();
        for (String name : suite.tests()) {
            Benchmark b = catalog.get(name);
            benches.add(b);
            configs.add(suite.configFor(b, req.overrides()));
        }
        int runs = req.runs() != null ? req.runs() : suite.runs();
        if (runs < 1) {
            throw new BenchException("runs must be at least 1");
        }
        return new RunPlan(req, engine, profile, suite, benches, configs, runs);
    }

    /** The most requests any benchmark keeps in flight: the HTTP connection pool's size. */
    int maxConcurrency() {
        return configs.stream().mapToInt(c -> c.getInteger("concurrency", 1)).max().orElse(1);
    }

    JsonObject toJson() {
        JsonObject tests = new JsonObject();
        for (int i = 0; i < benchmarks.size(); i++) {
            tests.put(benchmarks.get(i).name(), configs.get(i));
        }
        return new JsonObject().put("request", request.toJson()).put("suite", suite.name()).put("runs", runs)
                .put("tests", new JsonArray(suite.tests())).put("test_config", tests)
                .put("engine", new JsonObject().put("name", engine.name()).put("image", engine.defaultImage())
                        .put("port", engine.defaultPort()).put("api", engine.apiStyle().id()))
                .put("profile", profile == null ? null : profile.toJson());
    }
}
