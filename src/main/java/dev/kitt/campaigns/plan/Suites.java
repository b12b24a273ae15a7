package dev.kitt.campaigns.plan;

import java.util.List;

/** Suite and benchmark names a campaign or quick test may ask for (DESIGN §7). */
public final class Suites {
    public static final List<String> SUITES = List.of("quick", "standard", "performance");
    public static final List<String> BENCHMARKS = List.of("throughput", "latency", "streaming_latency", "memory",
            "warmup_analysis", "mmlu", "gsm8k", "truthfulqa", "hellaswag");

    private Suites() {
    }

    public static boolean knownSuite(String name) {
        return SUITES.contains(name);
    }

    public static boolean knownBenchmark(String name) {
        return BENCHMARKS.contains(name);
    }
}
