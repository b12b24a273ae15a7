package dev.kitt.hardware;

import java.nio.file.Path;

/**
 * Probes a whole host into a {@link HardwareInfo}. It blocks for up to a few seconds per tool
 * (nvidia-smi, lscpu, dmidecode) and never throws for missing tools or files: such fields are
 * unknown. Run it on a worker thread ({@code executeBlocking}), never on an event loop.
 */
public final class HardwareProbe {
    private final Host host;

    public HardwareProbe(Host host) {
        this.host = host;
    }

    /** A probe of the machine this JVM runs on. */
    public static HardwareProbe local() {
        return new HardwareProbe(Host.system());
    }

    /** @param storageDir the directory whose disk to describe (the model directory) */
    public HardwareInfo probe(Path storageDir) {
        MemoryProbe memory = new MemoryProbe(host);
        Long ramGb = memory.ramGb();
        GpuInfo gpu = new GpuProbe(host.commands()).probe(ramGb);
        return new HardwareInfo(
                gpu,
                new CpuProbe(host).probe(),
                ramGb,
                memory.ramType(),
                new StorageProbe(host.files()).probe(storageDir),
                new OsProbe(host).probe(),
                new EnvironmentDetector(host).detect(gpu));
    }
}
