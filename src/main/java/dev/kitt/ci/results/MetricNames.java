package dev.kitt.ci.results;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a benchmark's {@code metrics} object into flat numeric metrics under KITT's names.
 * The original Python KITT wrote {@code avg_ttft_ms}, {@code p99_latency_ms} or nested
 * {@code {"ttft_ms": {"avg": ..}}}; mapping those that mean the same thing to {@code ttft_ms_mean},
 * {@code e2e_latency_ms_p99}, ... lets a Python-era baseline be compared with a new run.
 * Names without an exact equivalent keep their own name (nested ones joined with a dot).
 */
public final class MetricNames {
    private static final Pattern PY_FLAT =
            Pattern.compile("(avg|mean|min|max|p\\d{1,2}|std_dev)_(ttft|inter_token|latency|total_latency)_ms");
    private static final Pattern PY_NESTED =
            Pattern.compile("(ttft_ms|total_latency_ms)\\.(avg|mean|min|max|p\\d{1,2}|std_dev)");

    private MetricNames() {
    }

    /**
     * Flattens and renames.
     *
     * @param renamed receives original name to canonical name for every metric that was renamed
     */
    public static Map<String, Double> canonical(JsonObject metrics, Map<String, String> renamed) {
        Map<String, Double> flat = new LinkedHashMap<>();
        flatten("", metrics, flat);
        Map<String, Double> out = new LinkedHashMap<>();
        // Names already in KITT's form win over a translated twin in the same result.
        flat.forEach((name, value) -> {
            String canonical = canonicalName(name);
            if (canonical.equals(name)) {
                out.put(name, value);
            }
        });
        flat.forEach((name, value) -> {
            String canonical = canonicalName(name);
            if (!canonical.equals(name) && !out.containsKey(canonical)) {
                out.put(canonical, value);
                renamed.put(name, canonical);
            }
        });
        return out;
    }

    /** The canonical name of one flat metric name; itself when there is no equivalent. */
    public static String canonicalName(String name) {
        Matcher flat = PY_FLAT.matcher(name);
        if (flat.matches()) {
            return base(flat.group(2)) + "_" + stat(flat.group(1));
        }
        Matcher nested = PY_NESTED.matcher(name);
        if (nested.matches()) {
            return base(nested.group(1).replace("_ms", "")) + "_" + stat(nested.group(2));
        }
        return name;
    }

    private static String base(String pythonBase) {
        return switch (pythonBase) {
            case "ttft" -> "ttft_ms";
            case "inter_token" -> "itl_ms";
            default -> "e2e_latency_ms";
        };
    }

    private static String stat(String pythonStat) {
        return switch (pythonStat) {
            case "avg" -> "mean";
            case "std_dev" -> "stddev";
            default -> pythonStat;
        };
    }

    private static void flatten(String prefix, JsonObject obj, Map<String, Double> into) {
        for (String key : obj.fieldNames()) {
            Object v = obj.getValue(key);
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                into.put(name, n.doubleValue());
            } else if (v instanceof JsonObject child) {
                flatten(name, child, into);
            }
            // Strings, booleans and lists (per-iteration series) are not comparable metrics.
        }
    }
}
