package dev.kitt.bench;

import dev.kitt.engines.LogSink;
import dev.kitt.engines.client.EngineClient;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * What a benchmark may use: the engine client, where to log and report progress, a work
 * directory for checkpoints, an optional directory of full datasets, and the GPU memory probe.
 */
public record BenchContext(Vertx vertx, EngineClient client, String model, LogSink logs,
                           ProgressListener progress, Path workDir, Path datasetDir, GpuMemoryProbe gpu) {
}
