package dev.kitt.hardware;

import io.vertx.core.json.JsonObject;

/**
 * What {@link HardwareProbe} found. {@link #toJson()} is hardware.json: the original KITT's
 * system_info layout (gpu, cpu, ram_gb, ram_type, storage, cuda_version, driver_version, os,
 * kernel, environment_type) with more fields added, never renamed.
 *
 * @param ramGb installed RAM in GiB, or null
 * @param ramType DDR4, DDR5, LPDDR5X ..., or null
 * @param environmentType native_linux, wsl2, docker, container, dgx, dgx_spark or native_macos
 */
public record HardwareInfo(GpuInfo gpu, CpuInfo cpu, Long ramGb, String ramType, StorageInfo storage,
                           OsInfo os, String environmentType) {

    public String fingerprint() {
        return Fingerprint.of(this);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("gpu", gpu.toJson())
                .put("cpu", cpu.toJson())
                .put("ram_gb", Unknown.number(ramGb))
                .put("ram_type", Unknown.text(ramType))
                .put("storage", storage.toJson())
                .put("cuda_version", Unknown.text(gpu.cudaVersion()))
                .put("driver_version", Unknown.text(gpu.driverVersion()))
                .put("os", Unknown.text(os.name()))
                .put("os_id", Unknown.text(os.id()))
                .put("os_version", Unknown.text(os.version()))
                .put("kernel", Unknown.text(os.kernel()))
                .put("environment_type", Unknown.text(environmentType))
                .put("fingerprint", fingerprint());
    }
}
