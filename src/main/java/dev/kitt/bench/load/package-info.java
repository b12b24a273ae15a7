/**
 * The load generator: closed loop at a concurrency, open loop at a rate (Poisson or constant),
 * sweeps over either, warm-up excluded, bounded by duration or request count, with latencies
 * in HdrHistogram and the metric names of docs/metrics.md.
 */
package dev.kitt.bench.load;
