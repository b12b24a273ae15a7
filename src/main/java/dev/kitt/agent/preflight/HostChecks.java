package dev.kitt.agent.preflight;

import dev.kitt.hardware.CommandRunner;
import dev.kitt.hardware.GpuSample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Checks of the machine itself: Java, NVIDIA driver, NFS tools, disk space, agent port. */
final class HostChecks {
    static final int MIN_JAVA = 17;
    private static final double BYTES_PER_GIB = 1024.0 * 1024.0 * 1024.0;

    private final CommandRunner commands;

    HostChecks(CommandRunner commands) {
        this.commands = commands;
    }

    PreflightCheck java() {
        Runtime.Version v = Runtime.version();
        return PreflightCheck.required("java", v.feature() >= MIN_JAVA,
                "Java " + v + (v.feature() >= MIN_JAVA ? "" : " (need " + MIN_JAVA + " or newer)"));
    }

    /** Advisory: a CPU-only or Apple host can still run native engines. */
    PreflightCheck nvidiaSmi(List<GpuSample> gpus) {
        if (commands.locate("nvidia-smi").isEmpty()) {
            return PreflightCheck.advisory("nvidia-smi", false, "nvidia-smi not found; no NVIDIA GPU benchmarks");
        }
        if (gpus.isEmpty()) {
            return PreflightCheck.advisory("nvidia-smi", false, "nvidia-smi found but lists no GPU");
        }
        String names = gpus.stream().map(GpuSample::name).distinct().collect(Collectors.joining(", "));
        return PreflightCheck.advisory("nvidia-smi", true, gpus.size() + " GPU(s): " + names);
    }

    /** Advisory: only needed when models come from an NFS share. */
    PreflightCheck nfs() {
        return commands.locate("mount.nfs")
                .map(p -> PreflightCheck.advisory("NFS utilities", true, p.toString()))
                .orElseGet(() -> PreflightCheck.advisory("NFS utilities", false,
                        "mount.nfs not found; install nfs-common to use model shares"));
    }

    PreflightCheck freeSpace(Path modelDir, long minFreeGb) {
        String name = "model dir free space";
        Path existing = modelDir.toAbsolutePath();
        // The directory may not exist before init; its disk is the nearest existing parent's.
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return PreflightCheck.required(name, false, modelDir + ": no existing parent directory");
        }
        try {
            FileStore store = Files.getFileStore(existing);
            double freeGb = store.getUsableSpace() / BYTES_PER_GIB;
            boolean ok = freeGb >= minFreeGb;
            return PreflightCheck.required(name, ok, String.format("%.1f GB free in %s (need %d GB)",
                    freeGb, modelDir, minFreeGb));
        } catch (IOException e) {
            return PreflightCheck.required(name, false, modelDir + ": " + e.getMessage());
        }
    }

    PreflightCheck agentPort(int port) {
        String name = "agent port free";
        if (port <= 0) {
            return PreflightCheck.advisory(name, true, "not checked (no port given)");
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT after a restart would look taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return PreflightCheck.required(name, true, "port " + port + " is free");
        } catch (IOException e) {
            return PreflightCheck.required(name, false, "port " + port + " is in use: " + e.getMessage());
        }
    }
}
