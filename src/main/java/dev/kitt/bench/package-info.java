/**
 * Benchmarks and the executor that runs them: the catalogue of built-in and custom benchmarks,
 * suites, the {@link dev.kitt.bench.BenchmarkExecutor} shared by the CLI, the server and the
 * agent, and the four files a run writes.
 */
package dev.kitt.bench;
