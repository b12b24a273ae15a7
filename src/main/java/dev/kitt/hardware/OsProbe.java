package dev.kitt.hardware;

import java.util.HashMap;
import java.util.Map;

/** Reads the OS from /etc/os-release (sw_vers on macOS) and the kernel release. */
final class OsProbe {
    private final Host host;

    OsProbe(Host host) {
        this.host = host;
    }

    OsInfo probe() {
        if (host.isMac()) {
            String version = host.commands().run("sw_vers", "-productVersion").map(String::strip).orElse(null);
            String kernel = host.commands().run("uname", "-r").map(String::strip).orElse(null);
            return new OsInfo("macos", version, version == null ? "macOS" : "macOS " + version, kernel);
        }
        Map<String, String> release = osRelease(host.files());
        String id = release.get("ID");
        String version = release.get("VERSION_ID");
        String name = release.get("NAME");
        String display = name == null ? release.get("PRETTY_NAME") : (version == null ? name : name + " " + version);
        // The kernel's own file first: it needs no tool and is faked by a fixture tree.
        String kernel = host.files().readLine("/proc/sys/kernel/osrelease")
                .or(() -> host.commands().run("uname", "-r").map(String::strip).filter(s -> !s.isEmpty()))
                .orElse(null);
        return new OsInfo(id, version, display, kernel);
    }

    /** KEY=value lines, quotes removed; /usr/lib/os-release is the documented fallback. */
    static Map<String, String> osRelease(HostFiles files) {
        Map<String, String> values = new HashMap<>();
        files.read("/etc/os-release").or(() -> files.read("/usr/lib/os-release")).ifPresent(text -> {
            for (String line : text.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq <= 0 || line.startsWith("#")) {
                    continue;
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        });
        return values;
    }
}
