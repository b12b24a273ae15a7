package dev.kitt.hardware;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the GPUs through nvidia-smi. Without nvidia-smi (no NVIDIA driver, macOS, a container
 * without GPU access) the answer is no devices and unknown versions.
 */
final class GpuProbe {
    private final NvidiaSmi smi;

    GpuProbe(CommandRunner commands) {
        this.smi = new NvidiaSmi(commands);
    }

    /**
     * @param ramGb system RAM, which unified-memory boards such as DGX Spark (GB10) use as GPU
     *              memory: nvidia-smi reports their memory.total as N/A
     */
    GpuInfo probe(Long ramGb) {
        List<List<String>> rows = smi.query("index", "name", "memory.total", "driver_version", "compute_cap");
        if (rows.isEmpty()) {
            return GpuInfo.none();
        }
        List<GpuDevice> devices = new ArrayList<>();
        String driver = null;
        for (List<String> row : rows) {
            Long index = NvidiaSmi.parseLong(row.get(0));
            devices.add(new GpuDevice(index == null ? devices.size() : index.intValue(),
                    row.get(1), NvidiaSmi.parseLong(row.get(2)), row.get(4)));
            if (driver == null) {
                driver = row.get(3);
            }
        }
        Long firstMb = devices.get(0).memoryTotalMb();
        boolean unified = firstMb == null;
        // MiB to GiB, rounded: an RTX A6000 reports 49140 MiB and is sold as 48 GB.
        Long vramGb = unified ? ramGb : Long.valueOf(Math.round(firstMb / 1024.0));
        return new GpuInfo(devices, vramGb, unified, driver, smi.cudaVersion().orElse(null));
    }
}
