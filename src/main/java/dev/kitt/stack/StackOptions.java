package dev.kitt.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What `kitt stack generate` was asked for.
 *
 * @param web        publish KITT's web UI and API (and Grafana, Prometheus) on every host
 *                   interface; without it they are bound to 127.0.0.1 only
 * @param hostnames  extra DNS names or addresses the server certificate must carry (the names
 *                   browsers and remote agents use)
 */
public record StackOptions(String name, int nodes, int port, boolean web, boolean postgres, boolean monitoring,
                           boolean agent, String image, List<String> hostnames) {
    /** Inside every KITT container the server listens here; the host port is mapped onto it. */
    public static final int CONTAINER_PORT = 8080;
    /** The Hazelcast port cluster members talk on inside the stack's network. */
    public static final int CLUSTER_PORT = 5701;
    public static final int MAX_NODES = 9;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public StackOptions {
        hostnames = List.copyOf(hostnames);
    }

    /** Stack names become directory and compose project names: lower-case letters, digits, - and _. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StackException("bad stack name '" + name + "': use 1-40 lower-case letters, digits, '-' or '_',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    /** Rejects combinations that cannot run, with the reason. */
    public StackOptions validate() {
        checkName(name);
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new StackException("--nodes must be between 1 and " + MAX_NODES + ", not " + nodes);
        }
        if (nodes > 1 && !postgres) {
            throw new StackException("--nodes " + nodes + " needs --postgres: cluster mode shares one PostgreSQL database");
        }
        if (port < 1 || port + nodes - 1 > 65535) {
            throw new StackException("--port " + port + " leaves no room for " + nodes + " node port(s) below 65536");
        }
        if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new StackException("bad --image '" + image + "'");
        }
        for (String h : hostnames) {
            if (!h.matches("[A-Za-z0-9.:-]+")) {
                throw new StackException("bad --hostname '" + h + "': a DNS name or IP address");
            }
        }
        return this;
    }

    /** Cluster mode whenever nodes share PostgreSQL, so a node can be added later without changing the others. */
    public boolean clustered() {
        return postgres;
    }

    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(nodeName(i));
        }
        return names;
    }

    public static String nodeName(int i) {
        return "kitt-" + i;
    }

    /** The address published ports bind to on the host. */
    public String bindAddress() {
        return web ? "0.0.0.0" : "127.0.0.1";
    }

    /** The compose services in the order they appear in the file. */
    public List<String> services() {
        List<String> s = new ArrayList<>(nodeNames());
        if (postgres) {
            s.add("postgres");
        }
        if (monitoring) {
            s.add("prometheus");
            s.add("grafana");
        }
        if (agent) {
            s.add("agent");
        }
        return s;
    }
}
