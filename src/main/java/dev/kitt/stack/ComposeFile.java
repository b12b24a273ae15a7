package dev.kitt.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The docker-compose.yaml of a stack, as a tree of maps and lists for the YAML writer. Secrets
 * are never written here: compose fills ${...} from the stack's .env file.
 */
final class ComposeFile {
    static final String KITT_HOME = "/var/lib/kitt";
    static final String DB_USER = "kitt";
    static final String DB_NAME = "kitt";

    private ComposeFile() {
    }

    static Map<String, Object> build(StackOptions o, String stackDir) {
        Map<String, Object> services = new LinkedHashMap<>();
        for (int i = 1; i <= o.nodes(); i++) {
            services.put(StackOptions.nodeName(i), node(o, i));
        }
        Map<String, Object> volumes = new LinkedHashMap<>();
        if (o.postgres()) {
            services.put("postgres", postgres());
            volumes.put("postgres-data", new LinkedHashMap<>());
        }
        if (o.monitoring()) {
            services.put("prometheus", prometheus(o));
            services.put("grafana", grafana(o));
            volumes.put("prometheus-data", new LinkedHashMap<>());
            volumes.put("grafana-data", new LinkedHashMap<>());
        }
        if (o.agent()) {
            services.put("agent", agent(o, stackDir));
            volumes.put("agent-home", new LinkedHashMap<>());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "kitt-" + o.name());
        root.put("services", services);
        if (!volumes.isEmpty()) {
            root.put("volumes", volumes);
        }
        return root;
    }

    /** The command line of node i: cluster flags exactly as `kitt server` takes them. */
    static List<String> nodeCommand(StackOptions o, int i) {
        List<String> cmd = new ArrayList<>(List.of("server"));
        if (o.clustered()) {
            List<String> members = new ArrayList<>();
            o.nodeNames().forEach(n -> members.add(n + ":" + StackOptions.CLUSTER_PORT));
            cmd.addAll(List.of("--cluster", "--cluster-host", StackOptions.nodeName(i),
                    "--cluster-port", String.valueOf(StackOptions.CLUSTER_PORT),
                    "--cluster-members", String.join(",", members)));
        }
        return cmd;
    }

    private static Map<String, Object> node(StackOptions o, int i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", o.image());
        s.put("command", nodeCommand(o, i));
        // The stack's files (certificates, the node's KITT_HOME) belong to whoever generated it.
        s.put("user", "${KITT_UID}:${KITT_GID}");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("KITT_HOME", KITT_HOME);
        env.put("KITT_ADMIN_PASSWORD", "${KITT_ADMIN_PASSWORD}");
        if (o.postgres()) {
            env.put("KITT_DATABASE_URL", "postgresql://" + DB_USER + ":${POSTGRES_PASSWORD}@postgres:5432/" + DB_NAME);
        }
        s.put("environment", env);
        s.put("ports", List.of(o.bindAddress() + ":" + (o.port() + i - 1) + ":" + StackOptions.CONTAINER_PORT));
        s.put("volumes", List.of("./data/" + StackOptions.nodeName(i) + ":" + KITT_HOME,
                "./certs:" + KITT_HOME + "/certs:ro"));
        if (o.postgres()) {
            s.put("depends_on", Map.of("postgres", Map.of("condition", "service_healthy")));
        }
        s.put("restart", "unless-stopped");
        return s;
    }

    private static Map<String, Object> postgres() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", "postgres:16");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("POSTGRES_USER", DB_USER);
        env.put("POSTGRES_DB", DB_NAME);
        env.put("POSTGRES_PASSWORD", "${POSTGRES_PASSWORD}");
        s.put("environment", env);
        s.put("volumes", List.of("postgres-data:/var/lib/postgresql/data"));
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("test", List.of("CMD-SHELL", "pg_isready -U " + DB_USER + " -d " + DB_NAME));
        health.put("interval", "5s");
        health.put("timeout", "5s");
        health.put("retries", 12);
        s.put("healthcheck", health);
        s.put("restart", "unless-stopped");
        return s;
    }

    private static Map<String, Object> prometheus(StackOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", "prom/prometheus:latest");
        s.put("ports", List.of(o.bindAddress() + ":9090:9090"));
        s.put("volumes", List.of("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./certs/ca.pem:" + PrometheusFile.CA_FILE + ":ro", "prometheus-data:/prometheus"));
        s.put("depends_on", o.nodeNames());
        s.put("restart", "unless-stopped");
        return s;
    }

    private static Map<String, Object> grafana(StackOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", "grafana/grafana:latest");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("GF_SECURITY_ADMIN_USER", "admin");
        env.put("GF_SECURITY_ADMIN_PASSWORD", "${GRAFANA_ADMIN_PASSWORD}");
        s.put("environment", env);
        s.put("ports", List.of(o.bindAddress() + ":3000:3000"));
        s.put("volumes", List.of("./grafana/provisioning:/etc/grafana/provisioning:ro",
                "./grafana/dashboards:" + GrafanaFiles.DASHBOARDS_IN_CONTAINER + ":ro", "grafana-data:/var/lib/grafana"));
        s.put("depends_on", List.of("prometheus"));
        s.put("restart", "unless-stopped");
        return s;
    }

    /**
     * Every node's published port, in order: the agent enrolls through the first that answers and,
     * when its node dies, moves to the next (on the host network each node is localhost:P+i-1).
     */
    static String agentServers(StackOptions o) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= o.nodes(); i++) {
            urls.add("https://localhost:" + (o.port() + i - 1));
        }
        return String.join(",", urls);
    }

    /**
     * The agent shares the host's network (engines it starts use --network host) and its Docker
     * socket (engines are sibling containers). Models live at the same absolute path on the host
     * and in the container, because the daemon resolves the engines' mounts on the host.
     */
    private static Map<String, Object> agent(StackOptions o, String stackDir) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", o.image());
        s.put("command", List.of("agent"));
        // Root inside the container: the Docker socket's group differs from host to host.
        s.put("user", "0:0");
        s.put("network_mode", "host");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("KITT_HOME", KITT_HOME);
        env.put("KITT_SERVER_URL", agentServers(o));
        env.put("KITT_ENROLL_TOKEN", "${KITT_ENROLL_TOKEN:-}");
        env.put("KITT_CA_CERT", "/etc/kitt/ca.pem");
        env.put("KITT_AGENT_NAME", o.name() + "-agent");
        env.put("KITT_MODEL_DIR", stackDir + "/models");
        s.put("environment", env);
        s.put("volumes", List.of("/var/run/docker.sock:/var/run/docker.sock", "./certs/ca.pem:/etc/kitt/ca.pem:ro",
                "agent-home:" + KITT_HOME, stackDir + "/models:" + stackDir + "/models"));
        s.put("healthcheck", Map.of("disable", true));
        s.put("depends_on", o.nodeNames());
        s.put("restart", "unless-stopped");
        return s;
    }
}
