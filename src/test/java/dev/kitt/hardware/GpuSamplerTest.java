package dev.kitt.hardware;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuSamplerTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("The sampler reports utilisation and memory of each of two A6000 boards")
    void samplesEachGpu() {
        Host host = HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path(HardwareFixtures.bin(tmp, "a6000")));

        List<GpuSample> samples = new GpuSampler(host).sample();

        assertEquals(List.of(
                new GpuSample(0, "NVIDIA RTX A6000", 87, 40221, 49140),
                new GpuSample(1, "NVIDIA RTX A6000", 0, 3, 49140)), samples);
        assertEquals(87, samples.get(0).toJson().getInteger("utilPct"));
    }

    @Test
    @DisplayName("On a GB10 with N/A memory the sampler reports the system's memory in use and in total")
    void unifiedMemoryFallsBackToSystemMemory() {
        Host host = HardwareFixtures.host(tmp, "gb10", HardwareFixtures.path(HardwareFixtures.bin(tmp, "gb10")));

        List<GpuSample> samples = new GpuSampler(host).sample();

        // MemTotal 127535360 kB, MemAvailable 110000000 kB in the fixture.
        assertEquals(List.of(new GpuSample(0, "NVIDIA GB10", 42, (127535360L - 110000000L) / 1024, 127535360L / 1024)),
                samples);
    }

    @Test
    @DisplayName("Without nvidia-smi the sampler returns an empty list")
    void noNvidiaSmiMeansNoSamples() {
        Host host = HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path(HardwareFixtures.emptyBin(tmp)));

        assertTrue(new GpuSampler(host).sample().isEmpty());
    }
}
