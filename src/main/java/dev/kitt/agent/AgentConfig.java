package dev.kitt.agent;

import dev.kitt.trust.ServerTrust;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KITT_HOME/agent.yaml: who this agent is, its token, its server and its model storage, and how
 * it trusts the server: the pinned CA fingerprint or a CA file and, for mutual TLS, its client
 * certificate and key files (each null over plain http or when not used).
 */
public record AgentConfig(String server, String agentId, String token, String name, String modelDir,
                          String shareSource, String shareMount, String caFingerprint, String caCert,
                          String clientCert, String clientKey) {

    /** A copy of the CA file given to `kitt agent init --ca-cert`. */
    public static Path caFile(Path home) {
        return home.resolve("agent-ca.pem");
    }

    /** The certificate and key files `kitt agent init` writes when the server issues one. */
    public static Path clientCertFile(Path home) {
        return home.resolve("agent-client.pem");
    }

    public static Path clientKeyFile(Path home) {
        return home.resolve("agent-client-key.pem");
    }

    /** How this agent trusts its server, presenting its client certificate when it has one. */
    public ServerTrust trust(boolean insecure) {
        return ServerTrust.of(caFingerprint, caCert == null ? null : Path.of(caCert), insecure).withClientCertificate(
                clientCert == null ? null : Path.of(clientCert), clientKey == null ? null : Path.of(clientKey));
    }

    public static Path file(Path home) {
        return home.resolve("agent.yaml");
    }

    /** Reads agent.yaml; a missing file or key is one clear line, as the CLI contract wants. */
    public static AgentConfig load(Path home) {
        Path f = file(home);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException(f + " not found: run `kitt agent init --server URL --enroll-token T` first");
        }
        Map<String, Object> map;
        try {
            Object parsed = new Yaml().load(Files.readString(f, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new IllegalStateException(f + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
            map = typed;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
        }
        for (String key : new String[]{"server", "agent_id", "token"}) {
            if (!(map.get(key) instanceof String s) || s.isBlank()) {
                throw new IllegalStateException(f + ": key '" + key + "' is missing");
            }
        }
        for (String url : split((String) map.get("server"))) {
            URI.create(url);
        }
        return new AgentConfig((String) map.get("server"), (String) map.get("agent_id"), (String) map.get("token"),
                str(map, "name"), str(map, "model_dir") == null ? home.resolve("models").toString() : str(map, "model_dir"),
                str(map, "share_source"), str(map, "share_mount"), str(map, "ca_fingerprint"), str(map, "ca_cert"), str(map, "client_cert"),
                str(map, "client_key"));
    }

    /**
     * Every server this agent may use, in order: {@code server} may list several, comma-separated
     * (the nodes of a cluster); the link moves to the next one when its connection drops.
     */
    public java.util.List<String> servers() {
        return split(server);
    }

    private static java.util.List<String> split(String servers) {
        return java.util.Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Writes agent.yaml atomically, readable by its owner only (it holds the token). */
    public void save(Path home) throws IOException {
        Files.createDirectories(home);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("server", server);
        map.put("agent_id", agentId);
        map.put("token", token);
        map.put("name", name);
        map.put("model_dir", modelDir);
        map.put("share_source", shareSource);
        map.put("share_mount", shareMount);
        map.put("ca_fingerprint", caFingerprint);
        map.put("ca_cert", caCert);
        map.put("client_cert", clientCert);
        map.put("client_key", clientKey);
        StringBuilder yaml = new StringBuilder("# written by `kitt agent init`; keep private: it holds the agent token\n");
        // JSON strings are valid YAML scalars, and escape whatever a path or name may hold.
        map.forEach((k, v) -> yaml.append(k).append(": ").append(v == null ? "null"
                : new JsonObject().put("v", v).encode().replaceFirst("^\\{\"v\":", "").replaceFirst("}$", "")).append('\n'));
        Path tmp = home.resolve("agent.yaml.tmp");
        Files.writeString(tmp, yaml.toString(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the home directory's own permissions have to do.
        }
        Files.move(tmp, file(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String str(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s && !s.isBlank() ? s : null;
    }
}
