package dev.kitt.hardware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Samples utilisation and memory of each GPU with one nvidia-smi call, cheap enough for every
 * heartbeat and for the memory benchmark's polling. No nvidia-smi → an empty list.
 * Blocking (one child process): call it off the event loop.
 */
public final class GpuSampler {
    /** A heartbeat must not wait on a wedged driver for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final NvidiaSmi smi;
    private final HostFiles files;

    public GpuSampler(Host host) {
        this.smi = new NvidiaSmi(host.commands().withTimeout(DEFAULT_TIMEOUT));
        this.files = host.files();
    }

    public static GpuSampler local() {
        return new GpuSampler(Host.system());
    }

    public List<GpuSample> sample() {
        List<List<String>> rows = smi.query("index", "name", "utilization.gpu", "memory.used", "memory.total");
        if (rows.isEmpty()) {
            return List.of();
        }
        List<GpuSample> samples = new ArrayList<>();
        for (List<String> row : rows) {
            Long index = NvidiaSmi.parseLong(row.get(0));
            Long util = NvidiaSmi.parseLong(row.get(2));
            Long used = NvidiaSmi.parseLong(row.get(3));
            Long total = NvidiaSmi.parseLong(row.get(4));
            if (total == null) {
                // Unified memory (GB10): the GPU allocates from system RAM, so system usage is
                // the closest honest figure for both numbers.
                Map<String, Long> mem = MemoryProbe.meminfoKib(files);
                Long totalKib = mem.get("MemTotal");
                Long availKib = mem.get("MemAvailable");
                total = totalKib == null ? 0L : totalKib / 1024;
                if (used == null) {
                    used = totalKib == null || availKib == null ? 0L : (totalKib - availKib) / 1024;
                }
            }
            samples.add(new GpuSample(index == null ? samples.size() : index.intValue(),
                    row.get(1) == null ? Unknown.VALUE : row.get(1),
                    util == null ? 0 : util.intValue(), used == null ? 0L : used, total));
        }
        return samples;
    }
}
