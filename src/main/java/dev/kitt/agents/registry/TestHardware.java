package dev.kitt.agents.registry;

import dev.kitt.server.ApiException;
import io.vertx.core.json.JsonObject;

/** The hardware a user chooses for a test agent, validated and shaped like a probed host. */
final class TestHardware {
    private TestHardware() {
    }

    static JsonObject from(Object value) {
        if (!(value instanceof JsonObject h)) {
            throw ApiException.invalidField("hardware", "hardware must be an object such as "
                    + "{\"gpu\": \"NVIDIA A100\", \"gpu_count\": 1, \"vram_gb\": 80, \"cpu\": \"EPYC\", \"cores\": 32, \"ram_gb\": 256}");
        }
        String gpu = text(h, "gpu");
        int count = number(h, "gpu_count", 1, 1, 64);
        int vram = number(h, "vram_gb", 24, 1, 4096);
        String cpu = h.getValue("cpu") == null ? "simulated CPU" : text(h, "cpu");
        int cores = number(h, "cores", 8, 1, 4096);
        int ram = number(h, "ram_gb", 64, 1, 65536);
        return new JsonObject().put("gpu", gpu).put("gpu_count", count).put("vram_gb", vram).put("cpu", cpu)
                .put("cores", cores).put("ram_gb", ram).put("environment", "test_agent")
                .put("fingerprint", (gpu.replace(' ', '-') + "-" + vram + "GB_" + cpu.replace(' ', '-') + "-" + cores
                        + "_" + ram + "GB-test_agent").toLowerCase());
    }

    private static String text(JsonObject h, String key) {
        if (!(h.getValue(key) instanceof String s) || s.isBlank() || s.length() > 200) {
            throw ApiException.invalidField("hardware." + key,
                    "hardware." + key + " is required: a string of 1-200 characters");
        }
        return s;
    }

    private static int number(JsonObject h, String key, int fallback, int min, int max) {
        Object v = h.getValue(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer i) || i < min || i > max) {
            throw ApiException.invalidField("hardware." + key,
                    "hardware." + key + " must be an integer from " + min + " to " + max);
        }
        return i;
    }
}
