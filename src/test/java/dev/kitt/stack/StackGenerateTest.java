package dev.kitt.stack;

import dev.kitt.server.tls.Pem;
import dev.kitt.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kitt stack generate`: the files it writes, parsed back, for each combination of flags. */
class StackGenerateTest {
    @TempDir
    Path home;

    private CliRun generate(String... args) {
        List<String> all = new ArrayList<>(List.of("stack", "generate", "--home", home.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Map<String, Object> yaml(Path file) throws Exception {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private Map<String, Object> services(String stack) throws Exception {
        return map(yaml(home.resolve("stacks").resolve(stack).resolve("docker-compose.yaml")).get("services"));
    }

    @Test
    @DisplayName("with no flags the stack is one KITT node on 127.0.0.1:8080, without cluster flags, PostgreSQL or monitoring")
    void minimalStack() throws Exception {
        CliRun run = generate("solo");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> services = services("solo");
        assertEquals(List.of("kitt-1"), List.copyOf(services.keySet()));
        Map<String, Object> node = map(services.get("kitt-1"));
        assertEquals(List.of("server"), node.get("command"));
        assertEquals(List.of("127.0.0.1:8080:8080"), node.get("ports"));
        assertNull(map(node.get("environment")).get("KITT_DATABASE_URL"));
        Path dir = home.resolve("stacks/solo");
        assertFalse(Files.exists(dir.resolve("prometheus")));
        assertFalse(Files.exists(dir.resolve("grafana")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env"))));
    }

    @Test
    @DisplayName("--nodes 3 --postgres --monitoring --agent --web --port 9000 gives three clustered nodes on public ports and every extra service")
    @SuppressWarnings("unchecked")
    void fullStack() throws Exception {
        CliRun run = generate("full", "--nodes", "3", "--postgres", "--monitoring", "--agent", "--web", "--port", "9000");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> services = services("full");
        assertEquals(List.of("kitt-1", "kitt-2", "kitt-3", "postgres", "prometheus", "grafana", "agent"),
                List.copyOf(services.keySet()));
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> node = map(services.get("kitt-" + i));
            assertEquals(List.of("0.0.0.0:" + (8999 + i) + ":8080"), node.get("ports"));
            assertEquals(List.of("server", "--cluster", "--cluster-host", "kitt-" + i, "--cluster-port", "5701",
                    "--cluster-members", "kitt-1:5701,kitt-2:5701,kitt-3:5701"), node.get("command"));
            assertEquals("postgresql://kitt:${POSTGRES_PASSWORD}@postgres:5432/kitt",
                    map(node.get("environment")).get("KITT_DATABASE_URL"));
        }
        assertNull(map(services.get("postgres")).get("ports"), "PostgreSQL stays on the stack's network");
        assertEquals(List.of("0.0.0.0:9090:9090"), map(services.get("prometheus")).get("ports"));
        assertEquals(List.of("0.0.0.0:3000:3000"), map(services.get("grafana")).get("ports"));
        Map<String, Object> agent = map(services.get("agent"));
        assertEquals(List.of("agent"), agent.get("command"));
        assertTrue(((List<String>) agent.get("volumes")).contains("/var/run/docker.sock:/var/run/docker.sock"));
        // Every node, as `kitt agent init --server` takes a cluster's: the agent fails over when a node dies.
        assertEquals("https://localhost:9000,https://localhost:9001,https://localhost:9002",
                map(agent.get("environment")).get("KITT_SERVER_URL"));
        assertEquals(List.of("kitt-1", "kitt-2", "kitt-3"), agent.get("depends_on"));

        Path dir = home.resolve("stacks/full");
        Map<String, String> env = StackSecrets.read(dir.resolve(".env"));
        String pg = env.get("POSTGRES_PASSWORD");
        assertEquals(32, pg.length());
        assertEquals(32, env.get("GRAFANA_ADMIN_PASSWORD").length());
        assertFalse(run.out().contains(pg) || run.err().contains(pg), "the password is never printed");
        assertFalse(Files.readString(dir.resolve("docker-compose.yaml")).contains(pg), "the compose file holds no secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env"))));
    }

    @Test
    @DisplayName("Prometheus scrapes /metrics over HTTPS on exactly the stack's nodes, trusting the mounted CA")
    @SuppressWarnings("unchecked")
    void prometheusTargetsMatchNodes() throws Exception {
        assertEquals(0, generate("mon", "--nodes", "2", "--postgres", "--monitoring").exitCode());
        Path dir = home.resolve("stacks/mon");
        Map<String, Object> job = map(((List<Object>) yaml(dir.resolve("prometheus/prometheus.yml")).get("scrape_configs")).get(0));
        assertEquals("https", job.get("scheme"));
        assertEquals("/metrics", job.get("metrics_path"));
        Map<String, Object> staticConfig = map(((List<Object>) job.get("static_configs")).get(0));
        assertEquals(List.of("kitt-1:8080", "kitt-2:8080"), staticConfig.get("targets"));
        String caFile = (String) map(job.get("tls_config")).get("ca_file");
        List<String> mounts = (List<String>) map(services("mon").get("prometheus")).get("volumes");
        assertTrue(mounts.contains("./certs/ca.pem:" + caFile + ":ro"), mounts.toString());
        assertTrue(mounts.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"), mounts.toString());
    }

    @Test
    @DisplayName("Grafana's provisioning points at the mounted dashboard, KITT's own from the jar, bound to the provisioned Prometheus")
    @SuppressWarnings("unchecked")
    void grafanaProvisionsTheDashboard() throws Exception {
        assertEquals(0, generate("graf", "--monitoring").exitCode());
        Path dir = home.resolve("stacks/graf");
        Map<String, Object> provider = map(((List<Object>) yaml(dir.resolve("grafana/provisioning/dashboards/kitt.yaml")).get("providers")).get(0));
        String path = (String) map(provider.get("options")).get("path");
        List<String> mounts = (List<String>) map(services("graf").get("grafana")).get("volumes");
        assertTrue(mounts.contains("./grafana/dashboards:" + path + ":ro"), mounts.toString());
        assertTrue(mounts.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), mounts.toString());
        Map<String, Object> ds = map(((List<Object>) yaml(dir.resolve("grafana/provisioning/datasources/prometheus.yaml")).get("datasources")).get(0));
        assertEquals("http://prometheus:9090", ds.get("url"));

        String dashboard = Files.readString(dir.resolve("grafana/dashboards/kitt-dashboard.json"));
        String shipped = Files.readString(Path.of("docs/grafana/kitt-dashboard.json"));
        assertEquals(shipped.replace("${DS_PROMETHEUS}", (String) ds.get("uid")), dashboard);
        assertTrue(dashboard.contains("\"uid\": \"" + ds.get("uid") + "\""));
        assertFalse(dashboard.contains("${DS_PROMETHEUS}"));
        assertTrue(Files.isSameFile(Path.of("docs/grafana/kitt-dashboard.json"),
                Path.of("src/main/resources/grafana/kitt-dashboard.json")), "docs/grafana links to the file the jar carries");
    }

    @Test
    @DisplayName("the certificates are a CA and a server certificate it signed for every node name, and the printed fingerprint is the CA's")
    void certificates() throws Exception {
        CliRun run = generate("tls", "--nodes", "2", "--postgres", "--hostname", "kitt.example.org,10.1.2.3");
        assertEquals(0, run.exitCode(), run.err());
        Path certs = home.resolve("stacks/tls/certs");
        X509Certificate ca = Pem.readCertificate(certs.resolve("ca.pem"));
        X509Certificate server = Pem.readCertificate(certs.resolve("server.pem"));
        server.verify(ca.getPublicKey());
        server.checkValidity();
        List<String> names = server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.containsAll(List.of("localhost", "kitt-1", "kitt-2", "kitt.example.org", "10.1.2.3", "127.0.0.1")),
                names.toString());
        assertTrue(run.out().contains("CA SHA-256 fingerprint: " + Pem.fingerprint(ca)), run.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve("ca-key.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve("server-key.pem"))));
    }

    @Test
    @DisplayName("regenerating with --force keeps the CA and the passwords, and issues the certificate for the new node names")
    void forceKeepsCaAndSecrets() throws Exception {
        assertEquals(0, generate("grow", "--postgres").exitCode());
        Path dir = home.resolve("stacks/grow");
        String ca = Files.readString(dir.resolve("certs/ca.pem"));
        String pg = StackSecrets.read(dir.resolve(".env")).get("POSTGRES_PASSWORD");
        CliRun again = generate("grow", "--postgres");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("stack 'grow' already exists") && again.err().contains("--force"), again.err());
        assertEquals(0, generate("grow", "--postgres", "--nodes", "2", "--force").exitCode());
        assertEquals(ca, Files.readString(dir.resolve("certs/ca.pem")));
        assertEquals(pg, StackSecrets.read(dir.resolve(".env")).get("POSTGRES_PASSWORD"));
        X509Certificate server = Pem.readCertificate(dir.resolve("certs/server.pem"));
        assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> "kitt-2".equals(n.get(1))));
        assertEquals(List.of("kitt-1", "kitt-2", "postgres"), List.copyOf(services("grow").keySet()));
    }

    @Test
    @DisplayName("bad names, several nodes without PostgreSQL and impossible ports are refused with one line and exit 1")
    void badInput() {
        for (String bad : List.of("../escape", "a b", "UPPER", "_under", "x/y", "dot.name", "")) {
            CliRun run = generate(bad);
            assertEquals(1, run.exitCode(), bad);
            assertTrue(run.err().startsWith("kitt: bad stack name"), bad + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        CliRun cluster = generate("c", "--nodes", "2");
        assertEquals(1, cluster.exitCode());
        assertEquals("kitt: --nodes 2 needs --postgres: cluster mode shares one PostgreSQL database", cluster.err().strip());
        CliRun port = generate("p", "--port", "65535", "--nodes", "2", "--postgres");
        assertEquals(1, port.exitCode());
        assertTrue(port.err().contains("--port 65535"), port.err());
        assertFalse(Files.exists(home.resolve("stacks/c")) || Files.exists(home.resolve("stacks/p")));
        assertFalse(Files.exists(home.resolve("escape")));
    }

    @Test
    @DisplayName("kitt stack list shows each stack's name, creation time, services and path")
    void list() {
        assertEquals(0, generate("alpha").exitCode());
        assertEquals(0, generate("beta", "--postgres", "--monitoring").exitCode());
        CliRun run = CliRun.of("stack", "list", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(1).matches("alpha\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z\\s+kitt-1\\s+" + java.util.regex.Pattern.quote(
                home.resolve("stacks/alpha").toString())), lines.get(1));
        assertTrue(lines.get(2).startsWith("beta") && lines.get(2).contains("kitt-1,postgres,prometheus,grafana"), lines.get(2));
    }
}
