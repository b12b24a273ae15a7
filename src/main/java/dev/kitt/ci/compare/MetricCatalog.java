package dev.kitt.ci.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.kitt.ci.compare.MetricDirection.HIGHER_IS_BETTER;
import static dev.kitt.ci.compare.MetricDirection.LOWER_IS_BETTER;
import static dev.kitt.ci.compare.MetricDirection.NEUTRAL;

/**
 * The direction of every metric KITT or the original Python KITT writes, and the order metrics
 * appear in reports (the ones people read first, first). Exact names come first; unknown names
 * (custom benchmarks) fall back to rules on their words, and to neutral when nothing matches,
 * so an unknown metric is shown but can never fail a build.
 */
public final class MetricCatalog {
    private static final Pattern LATENCY_FAMILY =
            Pattern.compile("(ttft|itl|tpot|e2e_latency)_ms_(mean|min|max|stddev|p\\d{1,3}(\\.\\d+)?)");

    private static final Map<String, MetricDirection> EXACT = Map.ofEntries(
            // KITT
            Map.entry("output_tokens_per_s", HIGHER_IS_BETTER),
            Map.entry("requests_per_s", HIGHER_IS_BETTER),
            Map.entry("goodput_requests_per_s", HIGHER_IS_BETTER),
            Map.entry("accuracy", HIGHER_IS_BETTER),
            Map.entry("error_rate", LOWER_IS_BETTER),
            Map.entry("gpu_memory_peak_mb", LOWER_IS_BETTER),
            Map.entry("total_output_tokens", NEUTRAL),
            // Python KITT names with no KITT equivalent
            Map.entry("avg_tps", HIGHER_IS_BETTER),
            Map.entry("min_tps", HIGHER_IS_BETTER),
            Map.entry("max_tps", HIGHER_IS_BETTER),
            Map.entry("jitter_ms", LOWER_IS_BETTER),
            Map.entry("total_iterations", NEUTRAL),
            Map.entry("total_tokens_generated", NEUTRAL),
            Map.entry("total_measurements", NEUTRAL),
            Map.entry("total_time_seconds", LOWER_IS_BETTER),
            Map.entry("overall_peak_gpu_memory_gb", LOWER_IS_BETTER),
            Map.entry("overall_avg_gpu_memory_gb", LOWER_IS_BETTER),
            Map.entry("memory_range_gb", LOWER_IS_BETTER),
            Map.entry("first_iteration_latency_ms", LOWER_IS_BETTER),
            Map.entry("subsequent_avg_latency_ms", LOWER_IS_BETTER),
            // A larger drop from cold to warm means a slower cold start, not a better engine.
            Map.entry("latency_reduction_percent", NEUTRAL),
            Map.entry("stabilization_iteration", LOWER_IS_BETTER),
            Map.entry("correct", HIGHER_IS_BETTER),
            Map.entry("total", NEUTRAL),
            Map.entry("total_questions", NEUTRAL));

    /** Report order: the headline metrics of each family; everything else follows alphabetically. */
    private static final List<String> KEY_ORDER = List.of(
            "output_tokens_per_s", "requests_per_s", "goodput_requests_per_s", "accuracy",
            "ttft_ms_mean", "ttft_ms_p50", "ttft_ms_p90", "ttft_ms_p95", "ttft_ms_p99",
            "itl_ms_mean", "itl_ms_p50", "itl_ms_p90", "itl_ms_p95", "itl_ms_p99",
            "tpot_ms_mean", "tpot_ms_p50", "tpot_ms_p90", "tpot_ms_p95", "tpot_ms_p99",
            "e2e_latency_ms_mean", "e2e_latency_ms_p50", "e2e_latency_ms_p90", "e2e_latency_ms_p95",
            "e2e_latency_ms_p99", "error_rate", "gpu_memory_peak_mb", "total_output_tokens");

    private MetricCatalog() {
    }

    public static MetricDirection direction(String metric) {
        MetricDirection exact = EXACT.get(metric);
        if (exact != null) {
            return exact;
        }
        if (LATENCY_FAMILY.matcher(metric).matches()) {
            return LOWER_IS_BETTER;
        }
        return byWords(metric.toLowerCase(java.util.Locale.ROOT));
    }

    private static MetricDirection byWords(String m) {
        if (m.startsWith("total_") && !m.contains("time") && !m.contains("latency")) {
            return NEUTRAL;
        }
        if (m.contains("per_s") || m.contains("tps") || m.contains("throughput") || m.contains("accuracy")
                || m.contains("score") || m.contains("pass_rate") || m.contains("goodput")) {
            return HIGHER_IS_BETTER;
        }
        if (m.contains("latency") || m.contains("ttft") || m.contains("inter_token") || m.contains("jitter")
                || m.contains("error") || m.contains("memory") || m.endsWith("_ms") || m.contains("_ms.")
                || m.endsWith("_mb") || m.endsWith("_gb") || m.endsWith("_seconds") || m.endsWith("_s")) {
            return LOWER_IS_BETTER;
        }
        return NEUTRAL;
    }

    /** Orders metric names for display: key metrics in catalog order, then the rest by name. */
    public static Comparator<String> displayOrder() {
        return Comparator.comparingInt((String m) -> {
            int i = KEY_ORDER.indexOf(m);
            return i < 0 ? KEY_ORDER.size() : i;
        }).thenComparing(Comparator.naturalOrder());
    }
}
