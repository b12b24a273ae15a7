package dev.kitt.ci.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Hardware summary")
class HardwareSummaryTest {
    @Test
    @DisplayName("identical GPUs are counted once and different ones listed side by side")
    void groupsGpus() {
        JsonArray gpus = new JsonArray();
        for (int i = 0; i < 8; i++) {
            gpus.add(new JsonObject().put("index", i).put("name", "NVIDIA H100 80GB HBM3").put("memory_total_mb", 81559));
        }
        gpus.add(new JsonObject().put("name", "NVIDIA L4").put("vram_gb", 24));

        HardwareSummary hw = HardwareSummary.from(new JsonObject().put("gpus", gpus).put("fingerprint", "fp-1"), "");

        assertEquals("8× NVIDIA H100 80GB HBM3 (80 GB) + NVIDIA L4 (24 GB)", hw.description());
        assertEquals("fp-1", hw.fingerprint());
    }

    @Test
    @DisplayName("missing hardware information reads as unknown and keeps the fingerprint from metrics.json")
    void unknown() {
        assertEquals(new HardwareSummary("unknown", "fp-2"), HardwareSummary.from(null, "fp-2"));
        assertEquals(new HardwareSummary("unknown", "fp-3"), HardwareSummary.from(new JsonObject(), "fp-3"));
    }
}
