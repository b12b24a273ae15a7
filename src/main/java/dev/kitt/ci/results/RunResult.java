package dev.kitt.ci.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run: the contents of one results directory.
 *
 * @param renamedMetrics metric names from the original Python KITT mapped to ours (original to canonical),
 *                       so the report can say what it translated
 * @param summaryMarkdown the run's summary.md, when the directory holds one
 */
public record RunResult(Path directory, String runId, String model, String engine, String suite,
                        String timestamp, boolean passed, List<BenchmarkResult> benchmarks,
                        HardwareSummary hardware, Map<String, String> renamedMetrics,
                        Optional<String> summaryMarkdown) {
    public RunResult {
        benchmarks = List.copyOf(benchmarks);
        renamedMetrics = Map.copyOf(renamedMetrics);
    }

    /** The file the run was read from, for messages that must name it. */
    public Path metricsFile() {
        return directory.resolve(ResultsDirectory.METRICS_FILE);
    }
}
