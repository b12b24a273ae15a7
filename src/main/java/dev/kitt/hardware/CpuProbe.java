package dev.kitt.hardware;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the CPU from /proc/cpuinfo, then lscpu for what cpuinfo lacks (ARM kernels print no
 * model name and no core ids), then the JVM for the architecture. On macOS, sysctl.
 */
final class CpuProbe {
    private final Host host;

    CpuProbe(Host host) {
        this.host = host;
    }

    CpuInfo probe() {
        if (host.isMac()) {
            return probeMac();
        }
        Map<String, String> lscpu = lscpu();
        String model = null;
        Integer threads = null;
        Integer cores = null;
        Optional<String> cpuinfo = host.files().read("/proc/cpuinfo");
        if (cpuinfo.isPresent()) {
            int processors = 0;
            Set<String> physicalCores = new HashSet<>();
            String physicalId = "0";
            for (String line : cpuinfo.get().split("\\R")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "processor" -> processors++;
                    case "model name" -> model = model == null ? value : model;
                    case "physical id" -> physicalId = value;
                    // A core is a (socket, core id) pair: core ids repeat on every socket.
                    case "core id" -> physicalCores.add(physicalId + "/" + value);
                    default -> { }
                }
            }
            threads = processors > 0 ? processors : null;
            cores = physicalCores.isEmpty() ? null : physicalCores.size();
        }
        if (model == null) {
            model = lscpu.get("Model name");
        }
        if (threads == null) {
            threads = parseInt(lscpu.get("CPU(s)"));
        }
        if (cores == null) {
            Integer perSocket = parseInt(lscpu.get("Core(s) per socket"));
            Integer sockets = parseInt(lscpu.get("Socket(s)"));
            if (perSocket != null) {
                cores = perSocket * (sockets == null ? 1 : sockets);
            } else if (threads != null && "1".equals(lscpu.get("Thread(s) per core"))) {
                // ARM lscpu counts cores per cluster, not per socket; without SMT cores = threads.
                cores = threads;
            }
        }
        String arch = lscpu.getOrDefault("Architecture", normaliseArch(host.osArch()));
        return new CpuInfo(model, cores, threads, arch);
    }

    private CpuInfo probeMac() {
        String model = sysctl("machdep.cpu.brand_string");
        Integer cores = parseInt(sysctl("hw.physicalcpu"));
        Integer threads = parseInt(sysctl("hw.logicalcpu"));
        return new CpuInfo(model, cores, threads, normaliseArch(host.osArch()));
    }

    private String sysctl(String key) {
        return host.commands().run("sysctl", "-n", key).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private Map<String, String> lscpu() {
        Map<String, String> fields = new LinkedHashMap<>();
        host.commands().run("lscpu").ifPresent(out -> {
            for (String line : out.split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    // First occurrence wins: on hybrid ARM chips the first cluster is listed first.
                    fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        });
        return fields;
    }

    /** The JVM says amd64 where the kernel says x86_64; keep the kernel's words. */
    static String normaliseArch(String jvmArch) {
        if (jvmArch == null) {
            return null;
        }
        return switch (jvmArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> jvmArch;
        };
    }

    static Integer parseInt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
