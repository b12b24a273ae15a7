package dev.kitt.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The security part of {@link KittConfig}: TLS material and client certificates, the login rate
 * limit, CORS origins and whether /metrics needs a token. Kept apart so the main record stays short.
 *
 * @param tlsCert            PEM server certificate chain; null: the generated one under KITT_HOME/certs
 * @param tlsKey             PEM private key of {@code tlsCert}
 * @param tlsClientAuth      "none", "request" or "require": mutual TLS for agents
 * @param tlsClientCa        PEM CA that signs client certificates; null: KITT's own CA
 * @param corsOrigins        origins allowed to call the API from a browser; empty: CORS closed
 * @param loginMaxFailures   failed logins per username and address before 429
 * @param loginWindowSeconds the window those failures are counted in
 * @param metricsRequireToken whether GET /metrics needs a bearer token
 * @param agentMtls          agents must present the client certificate issued at their enrollment
 */
public record SecurityConfig(
        Path tlsCert,
        Path tlsKey,
        String tlsClientAuth,
        Path tlsClientCa,
        List<String> corsOrigins,
        int loginMaxFailures,
        int loginWindowSeconds,
        boolean metricsRequireToken,
        boolean agentMtls) {

    public SecurityConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(null, null, "none", null, List.of(), 5, 60, false, false);
    }

    public SecurityConfig withClientAuth(String mode, Path clientCa) {
        return new SecurityConfig(tlsCert, tlsKey, mode, clientCa, corsOrigins, loginMaxFailures,
                loginWindowSeconds, metricsRequireToken, agentMtls);
    }

    public SecurityConfig withMetricsRequireToken(boolean required) {
        return new SecurityConfig(tlsCert, tlsKey, tlsClientAuth, tlsClientCa, corsOrigins, loginMaxFailures,
                loginWindowSeconds, required, agentMtls);
    }

    public SecurityConfig withCorsOrigins(List<String> origins) {
        return new SecurityConfig(tlsCert, tlsKey, tlsClientAuth, tlsClientCa, origins, loginMaxFailures,
                loginWindowSeconds, metricsRequireToken, agentMtls);
    }

    public SecurityConfig withAgentMtls(boolean required) {
        return new SecurityConfig(tlsCert, tlsKey, tlsClientAuth, tlsClientCa, corsOrigins, loginMaxFailures,
                loginWindowSeconds, metricsRequireToken, required);
    }
}
