package dev.kitt.bench;

/** Templates for files users write themselves. */
public final class BenchmarkTemplates {
    private BenchmarkTemplates() {
    }

    /** The template `kitt test new NAME` writes. */
    public static String custom(String name) {
        return """
                # A custom KITT benchmark. Put it in KITT_HOME/benchmarks/ and run it with
                # `kitt run -m MODEL -e ENGINE -s SUITE` after adding it to a suite's tests.
                name: %s
                base: throughput          # any built-in: throughput, latency, streaming_latency, load, memory,
                                          # warmup_analysis, mmlu, gsm8k, truthfulqa, hellaswag
                version: 1.0.0
                description: What this benchmark shows and why.
                config:                   # merged over the base's defaults (see docs/metrics.md)
                  concurrency: 4
                  requests: 32
                  max_tokens: 128
                  input_tokens: 512       # synthetic prompts of this many tokens
                  slo_ttft_ms: 500
                  slo_tpot_ms: 50
                """.formatted(name);
    }
}
