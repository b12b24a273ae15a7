package dev.kitt.ci.results;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one run directory. metrics.json is required; summary.md, hardware.json and config.json are
 * optional, but when present they must be readable, so a broken artifact is reported, not ignored.
 * Every message names the file, because in CI that is the only thing a reader can act on.
 */
final class RunResultParser {
    static final String SUMMARY_FILE = "summary.md";
    static final String HARDWARE_FILE = "hardware.json";
    static final String CONFIG_FILE = "config.json";

    private RunResultParser() {
    }

    static RunResult parse(Path dir) {
        Path metricsFile = dir.resolve(ResultsDirectory.METRICS_FILE);
        JsonObject metrics = readJson(metricsFile);
        Optional<JsonObject> hardware = optionalJson(dir.resolve(HARDWARE_FILE));
        Optional<JsonObject> config = optionalJson(dir.resolve(CONFIG_FILE));
        Optional<String> summary = optionalText(dir.resolve(SUMMARY_FILE));

        Object resultsValue = metrics.getValue("results");
        if (!(resultsValue instanceof JsonArray results)) {
            throw new ResultsException(metricsFile + ": no \"results\" list (is this a KITT metrics.json?)");
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!(results.getValue(i) instanceof JsonObject entry) || !(entry.getValue("test_name") instanceof String name)) {
                throw new ResultsException(metricsFile + ": results[" + i + "] has no \"test_name\"");
            }
            benchmarks.add(benchmark(name, entry, renamed));
        }
        boolean allPassed = benchmarks.stream().allMatch(BenchmarkResult::passed);
        boolean passed = metrics.getValue("passed") instanceof Boolean b ? b && allPassed : allPassed;

        JsonObject cfg = config.orElseGet(JsonObject::new);
        return new RunResult(dir,
                text(metrics, "run_id", dir.getFileName() == null ? "" : dir.getFileName().toString()),
                text(metrics, "model", text(cfg, "model", "unknown")),
                text(metrics, "engine", text(cfg, "engine", "unknown")),
                text(metrics, "suite_name", text(cfg, "suite", "")),
                text(metrics, "timestamp", ""),
                passed, benchmarks, hardware(metrics, hardware), renamed, summary);
    }

    private static BenchmarkResult benchmark(String name, JsonObject entry, Map<String, String> renamed) {
        JsonObject rawMetrics = entry.getValue("metrics") instanceof JsonObject m ? m : new JsonObject();
        List<String> errors = new ArrayList<>();
        if (entry.getValue("errors") instanceof JsonArray list) {
            list.forEach(e -> errors.add(String.valueOf(e)));
        }
        // A result without "passed" counts as passed only when it reports no errors.
        boolean passed = entry.getValue("passed") instanceof Boolean b ? b : errors.isEmpty();
        int runNumber = entry.getValue("run_number") instanceof Number n ? n.intValue() : 1;
        return new BenchmarkResult(name, runNumber, passed, MetricNames.canonical(rawMetrics, renamed), errors);
    }

    private static HardwareSummary hardware(JsonObject metrics, Optional<JsonObject> hardwareFile) {
        // Our metrics.json carries the fingerprint at the top, as a string or inside a "hardware" object.
        String fingerprint = text(metrics, "hardware_fingerprint", text(metrics, "fingerprint", ""));
        JsonObject embedded = metrics.getValue("hardware") instanceof JsonObject h ? h
                : metrics.getValue("system_info") instanceof JsonObject s ? s : null;
        if (fingerprint.isEmpty() && metrics.getValue("hardware") instanceof String s) {
            fingerprint = s;
        }
        if (fingerprint.isEmpty() && embedded != null && embedded.getValue("fingerprint") instanceof String s) {
            fingerprint = s;
        }
        return HardwareSummary.from(hardwareFile.orElse(embedded), fingerprint);
    }

    private static String text(JsonObject o, String key, String fallback) {
        Object v = o.getValue(key);
        return v instanceof String s && !s.isBlank() ? s : v instanceof Number n ? n.toString() : fallback;
    }

    static JsonObject readJson(Path file) {
        String text = readText(file);
        try {
            Object value = io.vertx.core.json.Json.decodeValue(text);
            if (value instanceof JsonObject obj) {
                return obj;
            }
            throw new ResultsException("invalid JSON in " + file + ": expected an object at the top");
        } catch (DecodeException e) {
            throw new ResultsException("invalid JSON in " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static Optional<JsonObject> optionalJson(Path file) {
        return Files.isRegularFile(file) ? Optional.of(readJson(file)) : Optional.empty();
    }

    private static Optional<String> optionalText(Path file) {
        return Files.isRegularFile(file) ? Optional.of(readText(file)) : Optional.empty();
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "not valid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
