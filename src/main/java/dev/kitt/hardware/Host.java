package dev.kitt.hardware;

import java.time.Duration;

/**
 * Everything a probe may look at on a host: tools (through {@link CommandRunner}), files
 * (through {@link HostFiles}) and the JVM's idea of the OS. Tests build one over fixtures.
 *
 * @param osName the JVM's os.name, which tells Linux from macOS before any file is read
 * @param osArch the JVM's os.arch, the fallback when lscpu is missing
 */
public record Host(CommandRunner commands, HostFiles files, String osName, String osArch) {
    /** Tools that answer slower than this are treated as missing. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static Host system() {
        return new Host(CommandRunner.system(DEFAULT_TIMEOUT), HostFiles.system(),
                System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"));
    }

    public boolean isMac() {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("mac");
    }
}
