package dev.kitt.hardware;

/**
 * The operating system.
 *
 * @param id machine-readable distribution id from os-release (ubuntu, debian) or "macos"
 * @param version version id (22.04, 12, 14.5)
 * @param name human name with version, as the original KITT wrote it ("Ubuntu 22.04")
 * @param kernel kernel release (uname -r)
 */
public record OsInfo(String id, String version, String name, String kernel) {
}
