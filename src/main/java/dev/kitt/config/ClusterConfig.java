package dev.kitt.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cluster mode ({@code cluster.*}): whether this server joins a Vert.x cluster, the address its
 * cluster traffic uses (Hazelcast membership on {@code port}, the event bus on a free port of the
 * same host) and the members it contacts to join (TCP, no multicast).
 *
 * @param enabled whether to join a cluster at all; false loads nothing of Hazelcast
 * @param host    the address this node binds and announces to the others
 * @param port    Hazelcast's membership port on {@code host}
 * @param members host:port of other nodes (this one may be listed too)
 */
public record ClusterConfig(boolean enabled, String host, int port, List<String> members) {
    public static final int DEFAULT_PORT = 5701;

    public ClusterConfig {
        members = List.copyOf(members);
    }

    public static ClusterConfig disabled() {
        return new ClusterConfig(false, "127.0.0.1", DEFAULT_PORT, List.of());
    }

    static ClusterConfig from(JsonObject flat, boolean postgres) {
        boolean enabled = ConfigValidator.bool(flat, "cluster.enabled", false);
        String host = ConfigValidator.string(flat, "cluster.host", "127.0.0.1").trim();
        if (host.isEmpty()) {
            throw new ConfigException("cluster.host", "must not be empty");
        }
        int port = ConfigValidator.integer(flat, "cluster.port", DEFAULT_PORT, 1, 65535);
        List<String> members = members(flat.getValue("cluster.members"));
        if (enabled && !postgres) {
            throw new ConfigException("cluster.enabled", "cluster mode needs PostgreSQL shared by every node: "
                    + "set database.url (KITT_DATABASE_URL or --database-url); SQLite is one file on one machine");
        }
        return new ClusterConfig(enabled, host, port, members);
    }

    /** A YAML list or a comma-separated string (the environment's form); each must be host:port. */
    private static List<String> members(Object v) {
        List<String> raw = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(o -> raw.add(String.valueOf(o)));
        } else if (v != null) {
            raw.addAll(Arrays.asList(v.toString().split(",")));
        }
        List<String> out = new ArrayList<>();
        for (String m : raw) {
            String member = m.trim();
            if (member.isEmpty()) {
                continue;
            }
            int colon = member.lastIndexOf(':');
            String host = colon <= 0 ? "" : member.substring(0, colon);
            String port = colon < 0 ? "" : member.substring(colon + 1);
            if (host.isBlank() || !port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535
                    || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new ConfigException("cluster.members", "each member must be host:port with a port from 1 to 65535, got '"
                        + member + "'");
            }
            out.add(member);
        }
        return out;
    }
}
