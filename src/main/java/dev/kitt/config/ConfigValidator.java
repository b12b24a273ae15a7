package dev.kitt.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the merged flat key map into a {@link KittConfig}, naming the first bad key. */
final class ConfigValidator {
    private static final Set<String> KNOWN = Set.of(
            "home", "server.host", "server.port", "server.insecure", "server.demo",
            "server.body_limit_bytes", "server.webroot", "server.shutdown_grace_s",
            "database.url", "auth.jwt_ttl_minutes", "auth.admin_password",
            "auth.login_max_failures", "auth.login_window_s", "server.cors_origins", "metrics.require_token",
            "tls.cert", "tls.key", "tls.client_auth", "tls.client_ca", "tls.agent_mtls",
            "cluster.enabled", "cluster.host", "cluster.port", "cluster.members");

    private ConfigValidator() {
    }

    static KittConfig validate(JsonObject flat, Map<String, String> env) {
        for (String key : flat.fieldNames()) {
            if (!KNOWN.contains(key) && !key.startsWith("x-")) {
                throw new ConfigException(key, "unknown key (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
        }
        Path home = Path.of(string(flat, "home",
                Path.of(env.getOrDefault("HOME", "."), ".kitt").toString()));
        String host = string(flat, "server.host", "0.0.0.0");
        if (host.isBlank()) {
            throw new ConfigException("server.host", "must not be empty");
        }
        int port = integer(flat, "server.port", 8080, 0, 65535);
        String dbUrl = string(flat, "database.url", "");
        if (!dbUrl.isBlank() && !(dbUrl.startsWith("postgresql://") || dbUrl.startsWith("postgres://"))) {
            throw new ConfigException("database.url",
                    "must be a postgresql:// URL (leave it empty for the embedded SQLite), got '" + dbUrl + "'");
        }
        return new KittConfig(
                home,
                host,
                port,
                dbUrl,
                bool(flat, "server.insecure", false),
                bool(flat, "server.demo", false),
                integer(flat, "server.body_limit_bytes", 10 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                integer(flat, "auth.jwt_ttl_minutes", 720, 1, 60 * 24 * 30),
                string(flat, "auth.admin_password", null),
                Path.of(string(flat, "server.webroot", "webroot")),
                integer(flat, "server.shutdown_grace_s", 10, 0, 600),
                security(flat),
                ClusterConfig.from(flat, !dbUrl.isBlank()));
    }

    private static SecurityConfig security(JsonObject flat) {
        Path cert = path(flat, "tls.cert");
        Path key = path(flat, "tls.key");
        if ((cert == null) != (key == null)) {
            throw new ConfigException(cert == null ? "tls.cert" : "tls.key",
                    "tls.cert and tls.key must be given together");
        }
        String clientAuth = string(flat, "tls.client_auth", "none").trim().toLowerCase();
        if (!List.of("none", "request", "require").contains(clientAuth)) {
            throw new ConfigException("tls.client_auth", "expected none, request or require, got '" + clientAuth + "'");
        }
        return new SecurityConfig(cert, key, clientAuth, path(flat, "tls.client_ca"), origins(flat),
                integer(flat, "auth.login_max_failures", 5, 1, 1000),
                integer(flat, "auth.login_window_s", 60, 1, 86_400),
                bool(flat, "metrics.require_token", false),
                bool(flat, "tls.agent_mtls", false));
    }

    private static Path path(JsonObject flat, String key) {
        String v = string(flat, key, "");
        return v.isBlank() ? null : Path.of(v.trim());
    }

    /** A YAML list or a comma-separated string (the environment's form); each must be scheme://host[:port]. */
    private static List<String> origins(JsonObject flat) {
        Object v = flat.getValue("server.cors_origins");
        List<String> raw = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(o -> raw.add(String.valueOf(o)));
        } else if (v != null) {
            raw.addAll(Arrays.asList(v.toString().split(",")));
        }
        List<String> out = new ArrayList<>();
        for (String o : raw) {
            String origin = o.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (!origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new ConfigException("server.cors_origins",
                        "each origin must look like https://host[:port], got '" + origin + "'");
            }
            out.add(origin);
        }
        return out;
    }

    static String string(JsonObject flat, String key, String fallback) {
        Object v = flat.getValue(key);
        return v == null ? fallback : v.toString();
    }

    static int integer(JsonObject flat, String key, int fallback, int min, int max) {
        Object v = flat.getValue(key);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = v instanceof Number num ? num.longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "expected an integer, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    static boolean bool(JsonObject flat, String key, boolean fallback) {
        Object v = flat.getValue(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(key, "expected true or false, got '" + v + "'");
        };
    }
}
