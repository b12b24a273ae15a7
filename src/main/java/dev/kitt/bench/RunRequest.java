package dev.kitt.bench;

import dev.kitt.engines.RuntimeMode;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * One run to execute: which model on which engine, which suite (or single benchmark), how to
 * bring the engine up and where to write the four files.
 *
 * @param benchmark  when set, run only this benchmark instead of a suite
 * @param mode       null: the sim in-process, other engines in docker when they can
 * @param overrides  per-test config ({@code {"throughput": {...}, "*": {...}}}) over the suite's
 * @param runs       null: the suite's own number of runs
 * @param datasetDir full quality datasets; null: the bundled samples
 */
public record RunRequest(String model, String engine, String suite, String benchmark, RuntimeMode mode,
                         String endpoint, String profile, boolean autoPull, Path outputDir, Path datasetDir,
                         JsonObject overrides, Integer runs) {

    public static RunRequest of(String model, String engine, String suite, Path outputDir) {
        return new RunRequest(model, engine, suite, null, null, null, null, false, outputDir, null, new JsonObject(), null);
    }

    public RunRequest withMode(RuntimeMode m, String endpointUrl) {
        return new RunRequest(model, engine, suite, benchmark, m, endpointUrl, profile, autoPull, outputDir, datasetDir,
                overrides, runs);
    }

    public RunRequest withBenchmark(String b) {
        return new RunRequest(model, engine, suite, b, mode, endpoint, profile, autoPull, outputDir, datasetDir,
                overrides, runs);
    }

    public RunRequest withProfile(String p, boolean pull) {
        return new RunRequest(model, engine, suite, benchmark, mode, endpoint, p, pull, outputDir, datasetDir,
                overrides, runs);
    }

    public RunRequest withOverrides(JsonObject o, Integer runCount) {
        return new RunRequest(model, engine, suite, benchmark, mode, endpoint, profile, autoPull, outputDir, datasetDir,
                o, runCount);
    }

    public RunRequest withDatasetDir(Path dir) {
        return new RunRequest(model, engine, suite, benchmark, mode, endpoint, profile, autoPull, outputDir, dir,
                overrides, runs);
    }

    public JsonObject toJson() {
        return new JsonObject().put("model", model).put("engine", engine).put("suite", suite).put("benchmark", benchmark)
                .put("mode", mode == null ? null : mode.id()).put("endpoint", endpoint).put("profile", profile)
                .put("auto_pull", autoPull).put("output_dir", outputDir == null ? null : outputDir.toString())
                .put("dataset_dir", datasetDir == null ? null : datasetDir.toString())
                .put("overrides", overrides).put("runs", runs);
    }
}
