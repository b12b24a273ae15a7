package dev.kitt.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security keys: defaults, YAML lists, environment strings, and one clear line per bad value. */
class SecurityConfigTest {
    private static KittConfig resolve(JsonObject yaml, Map<String, String> env) {
        return ConfigLoader.resolve(yaml, env, Map.of());
    }

    @Test
    @DisplayName("by default TLS material is generated, client certificates are not asked for, CORS is closed and /metrics is open")
    void defaults() {
        SecurityConfig sec = resolve(new JsonObject(), Map.of()).security();
        assertNull(sec.tlsCert());
        assertEquals("none", sec.tlsClientAuth());
        assertTrue(sec.corsOrigins().isEmpty());
        assertFalse(sec.metricsRequireToken());
        assertFalse(sec.agentMtls());
        assertEquals(5, sec.loginMaxFailures());
        assertEquals(60, sec.loginWindowSeconds());
    }

    @Test
    @DisplayName("YAML lists and KITT_* strings both set CORS origins; the environment sets TLS files and the metrics token")
    void yamlAndEnvironment() {
        JsonObject yaml = new JsonObject().put("server", new JsonObject().put("cors_origins",
                new JsonArray().add("https://a.example").add("http://localhost:5173")));
        assertEquals(List.of("https://a.example", "http://localhost:5173"),
                resolve(yaml, Map.of()).security().corsOrigins());
        SecurityConfig sec = resolve(new JsonObject(), Map.of("KITT_CORS_ORIGINS", "https://b.example, https://c.example",
                "KITT_TLS_CERT", "/etc/kitt/cert.pem", "KITT_TLS_KEY", "/etc/kitt/key.pem",
                "KITT_TLS_CLIENT_AUTH", "require", "KITT_METRICS_REQUIRE_TOKEN", "true")).security();
        assertEquals(List.of("https://b.example", "https://c.example"), sec.corsOrigins());
        assertEquals(Path.of("/etc/kitt/cert.pem"), sec.tlsCert());
        assertEquals("require", sec.tlsClientAuth());
        assertTrue(sec.metricsRequireToken());
        assertTrue(resolve(new JsonObject(), Map.of("KITT_TLS_AGENT_MTLS", "true")).security().agentMtls());
        assertTrue(resolve(new JsonObject().put("tls", new JsonObject().put("agent_mtls", true)), Map.of())
                .security().agentMtls());
    }

    @Test
    @DisplayName("a certificate without its key, an unknown client_auth mode or a malformed origin stops start-up naming the key")
    void badValues() {
        ConfigException e1 = assertThrows(ConfigException.class, () -> resolve(new JsonObject(),
                Map.of("KITT_TLS_CERT", "/etc/cert.pem")));
        assertTrue(e1.getMessage().contains("tls.key"), e1.getMessage());
        ConfigException e2 = assertThrows(ConfigException.class, () -> resolve(new JsonObject(),
                Map.of("KITT_TLS_CLIENT_AUTH", "maybe")));
        assertTrue(e2.getMessage().contains("tls.client_auth"), e2.getMessage());
        ConfigException e3 = assertThrows(ConfigException.class, () -> resolve(new JsonObject(),
                Map.of("KITT_CORS_ORIGINS", "*")));
        assertTrue(e3.getMessage().contains("server.cors_origins"), e3.getMessage());
        ConfigException e4 = assertThrows(ConfigException.class, () -> resolve(new JsonObject()
                .put("auth", new JsonObject().put("login_max_failures", 0)), Map.of()));
        assertTrue(e4.getMessage().contains("auth.login_max_failures"), e4.getMessage());
    }
}
