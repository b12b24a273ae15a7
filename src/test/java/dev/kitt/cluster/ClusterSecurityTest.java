package dev.kitt.cluster;

import dev.kitt.agents.FleetOptions;
import dev.kitt.cli.Await;
import dev.kitt.config.ClusterConfig;
import dev.kitt.config.ConfigException;
import dev.kitt.config.KittConfig;
import dev.kitt.server.KittServer;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security across two clustered in-process nodes over TLS (one fresh PostgreSQL database): the
 * login limit counts failures cluster-wide, and the nodes must share one CA. Node B starts from
 * a copy of node A's certs folder; a third node with a CA of its own is refused. The nodes name
 * their cluster host {@code localhost}, so this class also shows nodes known by a host name
 * (as a generated stack's are) forming one cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Cluster security on two in-process TLS nodes")
class ClusterSecurityTest {
    @TempDir
    static Path tmp;

    private String db;
    private List<Integer> ports;
    private TestServer a;
    private TestServer b;

    /**
     * The cluster host is a name, not an address, as in a generated stack (`--cluster-host kitt-1`):
     * Hazelcast announces the name and binds every interface, which this class is the one to run.
     */
    /** A node on its own cluster port, listing A's and B's as members. */
    private KittConfig node(Path home, int port) {
        List<String> members = Stream.concat(ports.stream(), Stream.of(port))
                .distinct().map(p -> "localhost:" + p).toList();
        return TestServer.config(home, db).withInsecure(false)
                .withCluster(new ClusterConfig(true, "localhost", port, members));
    }

    @BeforeAll
    void startNodes() throws IOException {
        db = TestDatabases.freshPostgres();
        ports = List.of(ClusterHarness.freePort(), ClusterHarness.freePort());
        a = TestServer.start(node(tmp.resolve("a"), ports.get(0)), FleetOptions.fast());
        copy(tmp.resolve("a/certs"), tmp.resolve("b/certs"));
        b = TestServer.start(node(tmp.resolve("b"), ports.get(1)), FleetOptions.fast());
    }

    @AfterAll
    void stopNodes() {
        Stream.of(b, a).filter(java.util.Objects::nonNull).forEach(TestServer::close);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static int login(TestServer node, String password) {
        HttpResponse<Buffer> res = node.send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", "mallory").put("password", password).encode(), null);
        return res.statusCode();
    }

    @Test
    @DisplayName("nodes named by host name form one cluster; sharing one certs folder, both start over TLS and present the same CA")
    void sharedCertsStart() {
        assertEquals(2, a.server().context().cluster().nodes().size(), "members seen by node A");
        assertEquals(2, b.server().context().cluster().nodes().size(), "members seen by node B");
        assertEquals(a.server().http().tlsFiles().fingerprint(), b.server().http().tlsFiles().fingerprint());
        assertEquals(200, b.get("/api/v1/version").statusCode());
    }

    @Test
    @DisplayName("failed logins spread over two nodes reach the limit at the same total as on one node")
    void loginLimitIsClusterWide() {
        // The default limit is five failures per user and address: A, B, A, B, then B's fifth is still a 401.
        for (TestServer node : List.of(a, b, a, b, b)) {
            assertEquals(401, login(node, "guess"), "below the limit the answer is 401");
        }
        assertEquals(429, login(a, "guess"), "node A saw only two failures itself, but the cluster saw five");
        assertEquals(429, login(b, "guess"));
    }

    @Test
    @DisplayName("a node whose CA differs from the cluster's refuses to start, naming both fingerprints and the certs folder")
    void differentCaRefused() throws Exception {
        Path home = tmp.resolve("c");
        Throwable err = assertThrows(RuntimeException.class, () -> {
            // Its port is chosen now, not at setup: a port picked minutes earlier may be taken by then.
            KittServer started = Await.result(KittServer.start(node(home, ClusterHarness.freePort()), FleetOptions.fast()));
            Await.result(started.stop());
        });
        assertTrue(err instanceof ConfigException, "a configuration error, printed as one `kitt:` line: " + err);
        String clusterCa = a.server().http().tlsFiles().fingerprint();
        String ownCa = dev.kitt.server.tls.Pem.fingerprint(dev.kitt.server.tls.Pem.readCertificate(home.resolve("certs/ca.pem")));
        assertNotEquals(clusterCa, ownCa);
        String msg = err.getMessage();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains(clusterCa) && msg.contains(ownCa), "both fingerprints: " + msg);
        assertTrue(msg.contains("same certs folder"), msg);
        dev.kitt.testing.Poll.until(java.time.Duration.ofSeconds(30), () -> a.server().context().cluster().nodes().size(),
                n -> n == 2, "the refused node to leave the cluster");
    }
}
