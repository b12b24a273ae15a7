package dev.kitt.hardware;

import io.vertx.core.json.JsonObject;

/**
 * The disk holding a directory (the model directory, usually).
 *
 * @param path the directory asked about
 * @param device the block device behind it (nvme0n1, sda), or null for overlay and network filesystems
 * @param type nvme, ssd or hdd, or null
 * @param freeGb space this user can still write, GiB
 * @param totalGb size of the filesystem, GiB
 */
public record StorageInfo(String path, String device, String brand, String model, String type,
                          Double freeGb, Double totalGb) {
    public JsonObject toJson() {
        return new JsonObject()
                .put("brand", Unknown.text(brand))
                .put("model", Unknown.text(model))
                .put("type", Unknown.text(type))
                .put("device", Unknown.text(device))
                .put("path", Unknown.text(path))
                .put("free_gb", Unknown.number(freeGb))
                .put("total_gb", Unknown.number(totalGb));
    }
}
