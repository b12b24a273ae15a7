package dev.kitt.hardware;

import io.vertx.core.json.JsonObject;

/**
 * One GPU as nvidia-smi describes it.
 *
 * @param memoryTotalMb null when the board has no dedicated memory (unified memory, e.g. GB10)
 * @param computeCapability such as "8.6", or null when the driver cannot say
 */
public record GpuDevice(int index, String name, Long memoryTotalMb, String computeCapability) {
    public JsonObject toJson() {
        return new JsonObject()
                .put("index", index)
                .put("name", Unknown.text(name))
                .put("memory_total_mb", Unknown.number(memoryTotalMb))
                .put("compute_capability", Unknown.text(computeCapability));
    }
}
