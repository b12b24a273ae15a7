package dev.kitt.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@link KittConfig}: the YAML file (conf/kitt.yaml or --config), then KITT_* environment
 * variables, then CLI flags. Each layer is a flat map of dotted keys ("server.port") so that the
 * three sources override each other key by key.
 */
public final class ConfigLoader {
    /** Environment variable → dotted key. */
    static final Map<String, String> ENVIRONMENT_KEYS = Map.ofEntries(
            Map.entry("KITT_HOME", "home"),
            Map.entry("KITT_HOST", "server.host"),
            Map.entry("KITT_PORT", "server.port"),
            Map.entry("KITT_DATABASE_URL", "database.url"),
            Map.entry("KITT_ADMIN_PASSWORD", "auth.admin_password"),
            Map.entry("KITT_BODY_LIMIT_BYTES", "server.body_limit_bytes"),
            Map.entry("KITT_WEBROOT", "server.webroot"),
            Map.entry("KITT_CORS_ORIGINS", "server.cors_origins"),
            Map.entry("KITT_METRICS_REQUIRE_TOKEN", "metrics.require_token"),
            Map.entry("KITT_TLS_CERT", "tls.cert"),
            Map.entry("KITT_TLS_KEY", "tls.key"),
            Map.entry("KITT_TLS_CLIENT_AUTH", "tls.client_auth"),
            Map.entry("KITT_TLS_CLIENT_CA", "tls.client_ca"),
            Map.entry("KITT_TLS_AGENT_MTLS", "tls.agent_mtls"),
            Map.entry("KITT_CLUSTER", "cluster.enabled"),
            Map.entry("KITT_CLUSTER_HOST", "cluster.host"),
            Map.entry("KITT_CLUSTER_PORT", "cluster.port"),
            Map.entry("KITT_CLUSTER_MEMBERS", "cluster.members"));

    private ConfigLoader() {
    }

    /** Reads the YAML file (if any) through vertx-config; merges env and flags; validates. */
    public static Future<KittConfig> load(Vertx vertx, Path file, Map<String, String> env,
                                          Map<String, Object> flags) {
        Path yaml = file != null ? file : defaultFile();
        if (file != null && !Files.isRegularFile(file)) {
            return Future.failedFuture(new ConfigException("--config", "file not found: " + file));
        }
        if (yaml == null) {
            return Future.succeededFuture(resolve(new JsonObject(), env, flags));
        }
        ConfigRetrieverOptions options = new ConfigRetrieverOptions()
                .setScanPeriod(-1)
                .addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
                        .setConfig(new JsonObject().put("path", yaml.toAbsolutePath().toString())));
        ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
        return retriever.getConfig()
                .recover(err -> Future.failedFuture(
                        new ConfigException(yaml.toString(), "cannot read YAML: " + firstLine(err))))
                .map(json -> resolve(json, env, flags))
                .eventually(retriever::close);
    }

    /** conf/kitt.yaml in the working directory, when present. */
    static Path defaultFile() {
        Path p = Path.of("conf", "kitt.yaml");
        return Files.isRegularFile(p) ? p : null;
    }

    static KittConfig resolve(JsonObject yaml, Map<String, String> env, Map<String, Object> flags) {
        JsonObject flat = new JsonObject();
        flatten("", yaml, flat);
        ENVIRONMENT_KEYS.forEach((var, key) -> {
            String value = env.get(var);
            if (value != null && !value.isEmpty()) {
                flat.put(key, value);
            }
        });
        flags.forEach((key, value) -> {
            if (value != null) {
                flat.put(key, value);
            }
        });
        return ConfigValidator.validate(flat, env);
    }

    private static void flatten(String prefix, JsonObject obj, JsonObject out) {
        for (Map.Entry<String, Object> e : obj) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof JsonObject nested) {
                flatten(key, nested, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private static String firstLine(Throwable err) {
        String msg = String.valueOf(err.getMessage());
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
