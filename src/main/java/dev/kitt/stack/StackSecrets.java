package dev.kitt.stack;

import dev.kitt.server.tls.Pem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack's .env: generated passwords and the owner's uid/gid, which compose substitutes into
 * docker-compose.yaml. Readable by its owner only and never printed. Regenerating a stack keeps
 * the passwords it already has, because PostgreSQL's volume was initialised with them.
 */
final class StackSecrets {
    static final String FILE = ".env";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private StackSecrets() {
    }

    static void write(Path stackDir, StackOptions o) throws IOException {
        Path file = stackDir.resolve(FILE);
        Map<String, String> old = Files.isRegularFile(file) ? read(file) : Map.of();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KITT_UID", owner(stackDir, "unix:uid"));
        env.put("KITT_GID", owner(stackDir, "unix:gid"));
        env.put("KITT_ADMIN_PASSWORD", old.getOrDefault("KITT_ADMIN_PASSWORD", password()));
        if (o.postgres()) {
            env.put("POSTGRES_PASSWORD", old.getOrDefault("POSTGRES_PASSWORD", password()));
        }
        if (o.monitoring()) {
            env.put("GRAFANA_ADMIN_PASSWORD", old.getOrDefault("GRAFANA_ADMIN_PASSWORD", password()));
        }
        if (o.agent()) {
            env.put("KITT_ENROLL_TOKEN", old.getOrDefault("KITT_ENROLL_TOKEN", ""));
        }
        StringBuilder text = new StringBuilder("# Secrets of this KITT stack (kitt stack generate). Keep this file private.\n");
        if (o.agent()) {
            text.append("# KITT_ENROLL_TOKEN: an enrollment token from the server, for the agent's first start.\n");
        }
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Pem.writePrivate(file, text.toString());
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    /** 32 characters from an unambiguous alphabet: safe inside a URL and a YAML scalar unquoted. */
    static String password() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String owner(Path dir, String attribute) {
        try {
            return String.valueOf(Files.getAttribute(dir, attribute));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No numeric owner on this file system: the image's own non-root user.
            return "10001";
        }
    }
}
