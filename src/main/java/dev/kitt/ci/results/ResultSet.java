package dev.kitt.ci.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * All runs found in one results directory. Every result entry of a benchmark (across runs and
 * run numbers) is one sample of its metrics, which is what the noise test needs.
 */
public record ResultSet(Path root, List<RunResult> runs) {
    public ResultSet {
        runs = List.copyOf(runs);
    }

    /** Benchmark names in the order they first appear. */
    public List<String> benchmarkNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        runs.forEach(r -> r.benchmarks().forEach(b -> names.add(b.testName())));
        return List.copyOf(names);
    }

    public List<BenchmarkResult> results(String benchmark) {
        List<BenchmarkResult> out = new ArrayList<>();
        runs.forEach(r -> r.benchmarks().stream().filter(b -> b.testName().equals(benchmark)).forEach(out::add));
        return out;
    }

    /** Metric names of a benchmark in the order they first appear. */
    public List<String> metricNames(String benchmark) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        results(benchmark).forEach(b -> names.addAll(b.metrics().keySet()));
        return List.copyOf(names);
    }

    public double[] samples(String benchmark, String metric) {
        return results(benchmark).stream()
                .filter(b -> b.metrics().containsKey(metric))
                .mapToDouble(b -> b.metrics().get(metric))
                .toArray();
    }

    public boolean passed() {
        return runs.stream().allMatch(RunResult::passed);
    }

    public boolean benchmarkPassed(String benchmark) {
        return results(benchmark).stream().allMatch(BenchmarkResult::passed);
    }

    /** Distinct values of one field across runs, joined for display ("vllm", or "vllm, sim"). */
    public String distinct(java.util.function.Function<RunResult, String> field) {
        return runs.stream().map(field).filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(", "));
    }

    /** Python-KITT names that were translated, over all runs, sorted for a stable report. */
    public Map<String, String> renamedMetrics() {
        Map<String, String> all = new TreeMap<>();
        runs.forEach(r -> all.putAll(r.renamedMetrics()));
        return all;
    }
}
