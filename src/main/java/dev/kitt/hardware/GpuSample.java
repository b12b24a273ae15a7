package dev.kitt.hardware;

import io.vertx.core.json.JsonObject;

/**
 * One GPU at one moment, in the agent heartbeat's shape. Memory is in MiB.
 * On unified-memory boards memory is the system's (see {@link GpuSampler}).
 */
public record GpuSample(int index, String name, int utilPct, long memUsedMb, long memTotalMb) {
    public JsonObject toJson() {
        return new JsonObject()
                .put("index", index)
                .put("name", name)
                .put("utilPct", utilPct)
                .put("memUsedMb", memUsedMb)
                .put("memTotalMb", memTotalMb);
    }
}
