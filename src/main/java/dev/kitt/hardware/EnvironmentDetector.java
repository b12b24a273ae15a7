package dev.kitt.hardware;

import java.util.Locale;

/**
 * Names the kind of place KITT runs in. The first rule that matches wins, most specific first:
 * a container on a DGX reports the container, because that is what limits the benchmark.
 * The rules are listed in docs/hardware.md.
 */
final class EnvironmentDetector {
    static final String NATIVE_MACOS = "native_macos";
    static final String WSL2 = "wsl2";
    static final String DOCKER = "docker";
    static final String CONTAINER = "container";
    static final String DGX_SPARK = "dgx_spark";
    static final String DGX = "dgx";
    static final String NATIVE_LINUX = "native_linux";

    private final Host host;

    EnvironmentDetector(Host host) {
        this.host = host;
    }

    String detect(GpuInfo gpus) {
        if (host.isMac()) {
            return NATIVE_MACOS;
        }
        HostFiles files = host.files();
        String kernel = files.read("/proc/sys/kernel/osrelease").or(() -> files.read("/proc/version"))
                .orElse("").toLowerCase(Locale.ROOT);
        // WSL kernels carry Microsoft's name in their release string ("5.15.90.1-microsoft-standard-WSL2").
        if (kernel.contains("microsoft") || kernel.contains("wsl")) {
            return WSL2;
        }
        String cgroup = files.read("/proc/1/cgroup").orElse("").toLowerCase(Locale.ROOT);
        if (files.exists("/.dockerenv") || cgroup.contains("docker")) {
            return DOCKER;
        }
        if (files.exists("/run/.containerenv") || cgroup.contains("kubepods") || cgroup.contains("containerd")
                || cgroup.contains("lxc") || cgroup.contains("libpod")) {
            return CONTAINER;
        }
        String dgxRelease = files.read("/etc/dgx-release").orElse("").toLowerCase(Locale.ROOT);
        String gpu = gpus.model() == null ? "" : gpus.model().toLowerCase(Locale.ROOT);
        if (gpu.contains("gb10") || dgxRelease.contains("spark")) {
            return DGX_SPARK;
        }
        if (files.exists("/etc/dgx-release")) {
            return DGX;
        }
        return NATIVE_LINUX;
    }
}
