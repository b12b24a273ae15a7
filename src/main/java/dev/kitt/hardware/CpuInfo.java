package dev.kitt.hardware;

import io.vertx.core.json.JsonObject;

/**
 * The host CPU(s).
 *
 * @param cores physical cores over all sockets, or null
 * @param threads logical processors, or null
 * @param architecture as the kernel names it: x86_64, aarch64, arm64
 */
public record CpuInfo(String model, Integer cores, Integer threads, String architecture) {
    public JsonObject toJson() {
        return new JsonObject()
                .put("model", Unknown.text(model))
                .put("cores", Unknown.number(cores))
                .put("threads", Unknown.number(threads))
                .put("architecture", Unknown.text(architecture));
    }
}
