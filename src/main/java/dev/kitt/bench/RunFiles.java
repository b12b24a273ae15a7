package dev.kitt.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a run's four files: metrics.json, summary.md, hardware.json, config.json. Blocking. */
final class RunFiles {
    private RunFiles() {
    }

    static void write(Path dir, JsonObject metrics, JsonObject hardware, JsonObject config) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metrics.json"), metrics.encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("hardware.json"), hardware.encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("config.json"), config.encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), summary(metrics), StandardCharsets.UTF_8);
    }

    static String summary(JsonObject m) {
        StringBuilder sb = new StringBuilder();
        sb.append("# KITT run ").append(m.getString("run_id")).append("\n\n");
        sb.append("- Engine: ").append(m.getString("engine")).append("\n");
        sb.append("- Model: ").append(m.getString("model")).append("\n");
        sb.append("- Suite: ").append(m.getString("suite_name")).append("\n");
        sb.append("- Started: ").append(m.getString("timestamp")).append("\n");
        sb.append("- Result: ").append(m.getBoolean("passed") ? "PASSED" : "FAILED")
                .append(" (").append(m.getLong("passed_count")).append(" of ").append(m.getLong("total_benchmarks"))
                .append(" benchmarks passed").append(m.getBoolean("partial") ? "; partial results" : "").append(")\n");
        sb.append("- Time: ").append(m.getDouble("total_time_seconds")).append(" s\n");
        if (m.getString("error") != null) {
            sb.append("- Error: ").append(m.getString("error")).append("\n");
        }
        sb.append("\n| benchmark | run | passed | key metrics | errors and notes |\n|---|---|---|---|---|\n");
        for (Object o : m.getJsonArray("results")) {
            JsonObject r = (JsonObject) o;
            sb.append("| ").append(r.getString("test_name")).append(" | ").append(r.getInteger("run_number"))
                    .append(" | ").append(r.getBoolean("passed") ? "yes" : "no").append(" | ")
                    .append(keyMetrics(r.getJsonObject("metrics"))).append(" | ")
                    .append(join(r.getJsonArray("errors"), r.getJsonArray("notes", new JsonArray()))).append(" |\n");
        }
        return sb.toString();
    }

    private static String keyMetrics(JsonObject metrics) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[]{"accuracy", "output_tokens_per_s", "requests_per_s", "ttft_ms_p50", "ttft_ms_p99",
            "itl_ms_p50", "e2e_latency_ms_p50", "gpu_memory_peak_mb", "warmup_ratio", "error_rate"}) {
            if (metrics.getValue(k) instanceof Number n) {
                sb.append(sb.length() > 0 ? ", " : "").append(k).append(" ")
                        .append(String.format(Locale.ROOT, "%.3f", n.doubleValue()));
            }
        }
        return sb.toString();
    }

    private static String join(JsonArray errors, JsonArray notes) {
        StringBuilder sb = new StringBuilder();
        errors.forEach(e -> sb.append(sb.length() > 0 ? "; " : "").append(e));
        notes.forEach(n -> sb.append(sb.length() > 0 ? "; " : "").append("note: ").append(n));
        return sb.toString().replace("|", "\\|").replace("\n", " ");
    }
}
