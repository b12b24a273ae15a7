package dev.kitt.hardware;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * System RAM: size from /proc/meminfo (sysctl on macOS), type from dmidecode when it is there
 * and allowed to read the SMBIOS tables (usually only as root; otherwise the type is unknown).
 */
final class MemoryProbe {
    private static final Pattern DMI_TYPE = Pattern.compile("^\\s*Type:\\s*(\\S+)", Pattern.MULTILINE);
    private static final double KIB_PER_GIB = 1024.0 * 1024.0;

    private final Host host;

    MemoryProbe(Host host) {
        this.host = host;
    }

    /** Installed RAM in GiB, rounded, or null. */
    Long ramGb() {
        if (host.isMac()) {
            return host.commands().run("sysctl", "-n", "hw.memsize")
                    .map(s -> NvidiaSmi.parseLong(s.strip()))
                    .map(bytes -> Math.round(bytes / (KIB_PER_GIB * 1024.0)))
                    .orElse(null);
        }
        Long kib = meminfoKib(host.files()).get("MemTotal");
        return kib == null ? null : Math.round(kib / KIB_PER_GIB);
    }

    /** DDR4, DDR5, LPDDR5 ...: the first populated slot dmidecode describes, or null. */
    String ramType() {
        return host.commands().run("dmidecode", "-t", "memory").map(out -> {
            Matcher m = DMI_TYPE.matcher(out);
            while (m.find()) {
                String type = m.group(1);
                if (!type.equalsIgnoreCase("Unknown") && !type.equalsIgnoreCase("Other")) {
                    return type;
                }
            }
            return null;
        }).orElse(null);
    }

    /** /proc/meminfo as key → KiB; empty when unreadable. */
    static Map<String, Long> meminfoKib(HostFiles files) {
        Map<String, Long> values = new HashMap<>();
        files.read("/proc/meminfo").ifPresent(text -> {
            for (String line : text.split("\\R")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String[] parts = line.substring(colon + 1).strip().split("\\s+");
                Long v = NvidiaSmi.parseLong(parts[0]);
                if (v != null) {
                    values.put(line.substring(0, colon).strip(), v);
                }
            }
        });
        return values;
    }
}
