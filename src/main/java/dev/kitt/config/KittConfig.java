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
        int shutdownGraceSeconds,
        SecurityConfig security,
        ClusterConfig cluster) {

    /** Without cluster mode: one node, as every test and single-machine install runs. */
    public KittConfig(Path home, String host, int port, String databaseUrl, boolean insecure, boolean demo,
                      long bodyLimitBytes, int jwtTtlMinutes, String adminPassword, Path webroot,
                      int shutdownGraceSeconds, SecurityConfig security) {
        this(home, host, port, databaseUrl, insecure, demo, bodyLimitBytes, jwtTtlMinutes, adminPassword,
                webroot, shutdownGraceSeconds, security, ClusterConfig.disabled());
    }

    /** The configuration with default security settings (TLS material generated, CORS closed). */
    public KittConfig(Path home, String host, int port, String databaseUrl, boolean insecure, boolean demo,
                      long bodyLimitBytes, int jwtTtlMinutes, String adminPassword, Path webroot,
                      int shutdownGraceSeconds) {
        this(home, host, port, databaseUrl, insecure, demo, bodyLimitBytes, jwtTtlMinutes, adminPassword,
                webroot, shutdownGraceSeconds, SecurityConfig.defaults());
    }

    public boolean usesPostgres() {
        return databaseUrl != null && !databaseUrl.isBlank();
    }

    public Path sqliteFile() {
        return home.resolve("kitt.db");
    }

    public KittConfig withPort(int newPort) {
        return new KittConfig(home, host, newPort, databaseUrl, insecure, demo, bodyLimitBytes,
                jwtTtlMinutes, adminPassword, webroot, shutdownGraceSeconds, security, cluster);
    }

    public KittConfig withInsecure(boolean plainHttp) {
        return new KittConfig(home, host, port, databaseUrl, plainHttp, demo, bodyLimitBytes,
                jwtTtlMinutes, adminPassword, webroot, shutdownGraceSeconds, security, cluster);
    }

    public KittConfig withSecurity(SecurityConfig newSecurity) {
        return new KittConfig(home, host, port, databaseUrl, insecure, demo, bodyLimitBytes,
                jwtTtlMinutes, adminPassword, webroot, shutdownGraceSeconds, newSecurity, cluster);
    }

    public KittConfig withCluster(ClusterConfig newCluster) {
        return new KittConfig(home, host, port, databaseUrl, insecure, demo, bodyLimitBytes,
                jwtTtlMinutes, adminPassword, webroot, shutdownGraceSeconds, security, newCluster);
    }

    /** Where the generated CA and server certificate live. */
    public Path certsDir() {
        return home.resolve("certs");
    }
}
