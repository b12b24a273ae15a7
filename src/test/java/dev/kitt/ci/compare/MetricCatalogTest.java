package dev.kitt.ci.compare;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Metric directions")
class MetricCatalogTest {
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("every KITT and Python KITT metric name has the direction in which it gets better")
    @CsvSource({
        "ttft_ms_mean, LOWER_IS_BETTER", "ttft_ms_p50, LOWER_IS_BETTER", "ttft_ms_p90, LOWER_IS_BETTER",
        "ttft_ms_p99, LOWER_IS_BETTER", "itl_ms_p99, LOWER_IS_BETTER", "tpot_ms_mean, LOWER_IS_BETTER",
        "e2e_latency_ms_p99, LOWER_IS_BETTER", "error_rate, LOWER_IS_BETTER", "gpu_memory_peak_mb, LOWER_IS_BETTER",
        "output_tokens_per_s, HIGHER_IS_BETTER", "requests_per_s, HIGHER_IS_BETTER",
        "goodput_requests_per_s, HIGHER_IS_BETTER", "accuracy, HIGHER_IS_BETTER", "total_output_tokens, NEUTRAL",
        // original Python KITT
        "avg_ttft_ms, LOWER_IS_BETTER", "p50_ttft_ms, LOWER_IS_BETTER", "p99_ttft_ms, LOWER_IS_BETTER",
        "avg_inter_token_ms, LOWER_IS_BETTER", "max_inter_token_ms, LOWER_IS_BETTER", "jitter_ms, LOWER_IS_BETTER",
        "avg_tps, HIGHER_IS_BETTER", "min_tps, HIGHER_IS_BETTER", "avg_latency_ms, LOWER_IS_BETTER",
        "p99_latency_ms, LOWER_IS_BETTER", "ttft_ms.avg, LOWER_IS_BETTER", "per_token_ms.max, LOWER_IS_BETTER",
        "overall_peak_gpu_memory_gb, LOWER_IS_BETTER", "first_iteration_latency_ms, LOWER_IS_BETTER",
        "total_iterations, NEUTRAL", "total_tokens_generated, NEUTRAL", "latency_reduction_percent, NEUTRAL",
        // unknown custom metrics fall back on their words
        "custom_score, HIGHER_IS_BETTER", "queue_wait_ms, LOWER_IS_BETTER", "temperature, NEUTRAL"
    })
    void directions(String metric, MetricDirection expected) {
        assertEquals(expected, MetricCatalog.direction(metric));
    }
}
