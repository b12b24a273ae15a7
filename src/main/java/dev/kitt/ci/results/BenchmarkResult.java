package dev.kitt.ci.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a metrics.json {@code results} list: a benchmark's outcome for one run number.
 *
 * @param metrics numeric metrics only, under canonical names, in file order (kept for stable reports)
 */
public record BenchmarkResult(String testName, int runNumber, boolean passed,
                              Map<String, Double> metrics, List<String> errors) {
    public BenchmarkResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        errors = List.copyOf(errors);
    }
}
