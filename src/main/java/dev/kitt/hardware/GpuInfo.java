package dev.kitt.hardware;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The host's GPUs. hardware.json describes them as a group the way the original KITT did
 * (model, per-GPU memory, count) and also lists each device.
 *
 * @param vramGb per-GPU memory in GiB; on unified-memory boards the system RAM, else null
 * @param unifiedMemory true when the GPU shares system RAM (nvidia-smi reports no memory of its own)
 */
public record GpuInfo(List<GpuDevice> devices, Long vramGb, boolean unifiedMemory,
                      String driverVersion, String cudaVersion) {

    public static GpuInfo none() {
        return new GpuInfo(List.of(), null, false, null, null);
    }

    public int count() {
        return devices.size();
    }

    /** The first GPU's name: mixed-GPU hosts are rare and the fingerprint names one model. */
    public String model() {
        return devices.isEmpty() ? null : devices.get(0).name();
    }

    public String computeCapability() {
        return devices.isEmpty() ? null : devices.get(0).computeCapability();
    }

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        devices.forEach(d -> list.add(d.toJson()));
        return new JsonObject()
                .put("model", Unknown.text(model()))
                .put("vram_gb", Unknown.number(vramGb))
                .put("count", count())
                .put("compute_capability", Unknown.text(computeCapability()))
                .put("unified_memory", unifiedMemory)
                .put("driver_version", Unknown.text(driverVersion))
                .put("cuda_version", Unknown.text(cudaVersion))
                .put("devices", list);
    }
}
