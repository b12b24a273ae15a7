package dev.kitt.hardware;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FingerprintTest {
    @Test
    @DisplayName("Parts are lowercased with every run of other characters turned into one dash")
    void slugNormalises() {
        assertEquals("ubuntu-22.04", Fingerprint.slug("Ubuntu 22.04"));
        assertEquals("rtx-a6000", Fingerprint.slug("  RTX  A6000 "));
        assertEquals("geforce-rtx-4090", Fingerprint.slug("GeForce_RTX/4090"));
        assertEquals("unknown", Fingerprint.slug(null));
        assertEquals("unknown", Fingerprint.slug(" "));
        assertEquals("unknown", Fingerprint.slug("---"));
    }

    @Test
    @DisplayName("CPU and GPU names lose the marketing words that vary between tools for the same chip")
    void namesLoseNoise() {
        assertEquals("intel-xeon-gold-6338", Fingerprint.slug(Fingerprint.cpuName("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz")));
        assertEquals("amd-epyc-7543", Fingerprint.slug(Fingerprint.cpuName("AMD EPYC 7543 32-Core Processor")));
        assertEquals("amd-ryzen-9-7950x", Fingerprint.slug(Fingerprint.cpuName("AMD Ryzen 9 7950X 16-Core Processor")));
        assertEquals("apple-m3-max", Fingerprint.slug(Fingerprint.cpuName("Apple M3 Max")));
        assertEquals("h100-80gb-hbm3", Fingerprint.slug(Fingerprint.gpuName("NVIDIA H100 80GB HBM3")));
        assertEquals("geforce-rtx-4090", Fingerprint.slug(Fingerprint.gpuName("NVIDIA GeForce RTX 4090")));
    }

    @Test
    @DisplayName("The driver keeps major and minor version only")
    void driverMajorMinor() {
        assertEquals("535.104", Fingerprint.driver("535.104.05"));
        assertEquals("550.54", Fingerprint.driver("550.54"));
        assertEquals("unknown", Fingerprint.slug(Fingerprint.driver(null)));
    }

    @Test
    @DisplayName("A fingerprint puts its eight parts in the documented order")
    void layout() {
        HardwareInfo hw = new HardwareInfo(
                new GpuInfo(List.of(new GpuDevice(0, "NVIDIA H100 80GB HBM3", 81559L, "9.0")), 80L, false,
                        "550.54.15", "12.4"),
                new CpuInfo("Intel(R) Xeon(R) Platinum 8480+", 112, 224, "x86_64"),
                2048L, "DDR5",
                new StorageInfo("/models", "nvme1n1", "Samsung", "PM1743", "nvme", 900.0, 3500.0),
                new OsInfo("rocky", "9.3", "Rocky Linux 9.3", "5.14.0"),
                "docker");

        assertEquals("h100-80gb-hbm3-80gb_intel-xeon-platinum-8480-112c_2048gb-docker_nvme_cuda12.4_550.54_rocky-9.3",
                hw.fingerprint());
    }
}
