/**
 * Performance benchmarks (throughput, latency, streaming_latency, memory, warmup_analysis, load
 * sweeps), all driven by the load generator, and the nvidia-smi GPU memory probe.
 */
package dev.kitt.bench.perf;
