package dev.kitt.bench.perf;

import dev.kitt.bench.GpuMemoryProbe;
import dev.kitt.util.Executables;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Used GPU memory from `nvidia-smi`, run as a child process on a worker thread. */
public final class NvidiaSmiProbe implements GpuMemoryProbe {
    private final Vertx vertx;

    public NvidiaSmiProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<Double> usedMb() {
        return vertx.executeBlocking(() -> {
            if (Executables.onSystemPath("nvidia-smi").isEmpty()) {
                throw new IllegalStateException("nvidia-smi not found on PATH (no NVIDIA GPU or driver)");
            }
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("nvidia-smi failed: " + out.strip());
            }
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).mapToDouble(Double::parseDouble).sum();
        }, false);
    }
}
