package dev.kitt.config;

import java.nio.file.Path;

/**
 * The server's typed configuration, loaded once (YAML, then KITT_* environment, then flags),
 * validated, and passed down. Intervals live here so tests can shrink them.
 */
public record KittConfig(
        Path home,
        String host,
        int port,
        String databaseUrl,
        boolean insecure,
        boolean demo,
        long bodyLimitBytes,
        int jwtTtlMinutes,
        String adminPassword,
        Path webroot,
        int shutdownGraceSeconds) {

    public boolean usesPostgres() {
        return databaseUrl != null && !databaseUrl.isBlank();
    }

    public Path sqliteFile() {
        return home.resolve("kitt.db");
    }

    public KittConfig withPort(int newPort) {
        return new KittConfig(home, host, newPort, databaseUrl, insecure, demo, bodyLimitBytes,
                jwtTtlMinutes, adminPassword, webroot, shutdownGraceSeconds);
    }
}
