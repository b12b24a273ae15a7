package dev.kitt.hardware;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardwareProbeTest {
    @TempDir
    Path tmp;

    private HardwareInfo probe(String tree, String bin) {
        Path tools = bin == null ? HardwareFixtures.emptyBin(tmp) : HardwareFixtures.bin(tmp, bin);
        Host host = HardwareFixtures.host(tmp, tree, HardwareFixtures.path(tools));
        return new HardwareProbe(host).probe(tmp);
    }

    @Test
    @DisplayName("A workstation with two RTX A6000 boards is described from nvidia-smi, /proc, /sys and /etc")
    void describesTwoA6000Workstation() {
        HardwareInfo hw = probe("a6000", "a6000");

        assertEquals(2, hw.gpu().count());
        assertEquals("NVIDIA RTX A6000", hw.gpu().model());
        assertEquals(48L, hw.gpu().vramGb());
        assertFalse(hw.gpu().unifiedMemory());
        assertEquals("8.6", hw.gpu().computeCapability());
        assertEquals("535.104.05", hw.gpu().driverVersion());
        assertEquals("12.2", hw.gpu().cudaVersion());
        assertEquals(new CpuInfo("AMD EPYC 7543 32-Core Processor", 32, 64, "x86_64"), hw.cpu());
        assertEquals(256L, hw.ramGb());
        assertEquals(new OsInfo("ubuntu", "22.04", "Ubuntu 22.04", "5.15.0-91-generic"), hw.os());
        assertEquals("native_linux", hw.environmentType());
        assertEquals("nvme0n1", hw.storage().device());
        assertEquals("nvme", hw.storage().type());
        assertEquals("Micron", hw.storage().brand());
        assertTrue(hw.storage().totalGb() > 0);
    }

    @Test
    @DisplayName("The fingerprint of the A6000 workstation is the documented example, character for character")
    void fingerprintOfA6000MatchesDocumentedExample() {
        assertEquals("rtx-a6000-48gb_amd-epyc-7543-32c_256gb-native_linux_nvme_cuda12.2_535.104_ubuntu-22.04",
                probe("a6000", "a6000").fingerprint());
    }

    @Test
    @DisplayName("A DGX Spark whose GB10 reports memory as N/A takes system RAM as its GPU memory")
    void gb10UsesSystemRamAsGpuMemory() {
        HardwareInfo hw = probe("gb10", "gb10");

        assertEquals(1, hw.gpu().count());
        assertEquals("NVIDIA GB10", hw.gpu().model());
        assertTrue(hw.gpu().unifiedMemory());
        assertEquals(122L, hw.ramGb());
        assertEquals(hw.ramGb(), hw.gpu().vramGb());
        assertEquals("12.1", hw.gpu().computeCapability());
        assertEquals("13.0", hw.gpu().cudaVersion());
        assertEquals(new CpuInfo("Cortex-X925", 20, 20, "aarch64"), hw.cpu());
        assertEquals("dgx_spark", hw.environmentType());
        JsonObject gpuJson = hw.toJson().getJsonObject("gpu");
        assertEquals("unknown", gpuJson.getJsonArray("devices").getJsonObject(0).getString("memory_total_mb"));
        assertEquals("gb10-122gb_cortex-x925-20c_122gb-dgx_spark_nvme_cuda13.0_580.95_ubuntu-24.04", hw.fingerprint());
    }

    @Test
    @DisplayName("Without nvidia-smi or readable host files every field says unknown and the GPU list is empty")
    void missingToolsAndFilesGiveUnknown() {
        HardwareInfo hw = probe(null, null);
        JsonObject json = hw.toJson();

        JsonObject gpu = json.getJsonObject("gpu");
        assertEquals(0, gpu.getInteger("count"));
        assertTrue(gpu.getJsonArray("devices").isEmpty());
        for (String field : new String[]{"model", "vram_gb", "compute_capability", "driver_version", "cuda_version"}) {
            assertEquals("unknown", gpu.getValue(field), field);
        }
        JsonObject cpu = json.getJsonObject("cpu");
        assertEquals("unknown", cpu.getValue("model"));
        assertEquals("unknown", cpu.getValue("cores"));
        assertEquals("unknown", cpu.getValue("threads"));
        for (String field : new String[]{"ram_gb", "ram_type", "cuda_version", "driver_version", "os", "kernel"}) {
            assertEquals("unknown", json.getValue(field), field);
        }
        assertEquals("unknown-unknown_unknown-unknown_unknown-native_linux_unknown_unknown_unknown_unknown",
                hw.fingerprint());
    }

    @Test
    @DisplayName("hardware.json holds every field of the original KITT system_info, with the same JSON types")
    void hardwareJsonIsSupersetOfPythonSystemInfo() throws IOException {
        JsonObject python = new JsonObject(Files.readString(Path.of(
                "src/test/resources/hardware/python-system-info.json")));
        JsonObject ours = probe("a6000", "a6000").toJson();
        assertSameShape(python, ours, "system_info");
    }

    @Test
    @DisplayName("Probing this real machine, which has no GPU, does not throw and reports unknown GPU fields")
    void realMachineProbe() {
        HardwareInfo hw = HardwareProbe.local().probe(tmp);
        JsonObject gpu = hw.toJson().getJsonObject("gpu");

        assertEquals(0, hw.gpu().count());
        assertEquals(new JsonArray(), gpu.getJsonArray("devices"));
        assertEquals("unknown", gpu.getString("model"));
        assertEquals("unknown", gpu.getString("driver_version"));
        assertTrue(hw.fingerprint().startsWith("unknown-unknown_"), hw.fingerprint());
        // The rest of the machine is real and readable here.
        assertTrue(hw.cpu().threads() != null && hw.cpu().threads() > 0);
        assertTrue(hw.ramGb() != null && hw.ramGb() > 0);
        assertTrue(GpuSampler.local().sample().isEmpty());
    }

    /** Every key of {@code expected} is in {@code actual}, objects recursively, scalars with the same type. */
    private static void assertSameShape(JsonObject expected, JsonObject actual, String where) {
        for (Map.Entry<String, Object> e : expected) {
            String at = where + "." + e.getKey();
            assertTrue(actual.containsKey(e.getKey()), "missing " + at);
            Object mine = actual.getValue(e.getKey());
            if (e.getValue() instanceof JsonObject nested) {
                assertSameShape(nested, assertInstanceOf(JsonObject.class, mine, at), at);
            } else if (e.getValue() instanceof Number) {
                assertInstanceOf(Number.class, mine, at);
            } else {
                assertInstanceOf(e.getValue().getClass(), mine, at);
            }
        }
    }
}
