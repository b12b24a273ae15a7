package dev.kitt.bench;

import io.vertx.core.Future;

/** Reads used GPU memory. A failed future says why the figure is unavailable (no GPU, no nvidia-smi). */
@FunctionalInterface
public interface GpuMemoryProbe {
    /** Used memory summed over all GPUs, in MiB. */
    Future<Double> usedMb();
}
