package dev.kitt.cli;

import dev.kitt.hardware.HardwareFixtures;
import dev.kitt.hardware.Host;
import dev.kitt.server.tls.CertificateAuthority;
import dev.kitt.server.tls.Pem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kitt agent preflight` trusts an https server by the same rule as every KITT client: against a
 * real TLS server on loopback whose certificate KITT's own CA signed (self-signed, as a fresh
 * server's is), so the JVM's default trust store would refuse it.
 */
class AgentPreflightTlsTest {
    @TempDir
    Path tmp;

    private final Vertx vertx = Vertx.vertx();
    private String url;
    private String pin;

    @BeforeEach
    void serve() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("KITT CA preflight");
        CertificateAuthority.Issued issued = ca.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        Path cert = tmp.resolve("server.pem");
        Path key = tmp.resolve("server-key.pem");
        Files.writeString(cert, Pem.certificate(issued.certificate()) + Pem.certificate(ca.certificate()));
        Files.writeString(key, Pem.privateKey(issued.key()));
        int port = Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString())))
                .requestHandler(req -> req.response().setStatusCode(req.path().equals("/api/v1/health") ? 200 : 404)
                        .end("{\"status\":\"ok\"}"))
                .listen(0, "127.0.0.1")).actualPort();
        url = "https://127.0.0.1:" + port;
        pin = Pem.fingerprint(ca.certificate());
    }

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private String serverLine(int expectedExit, String... trust) {
        Host host = HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path(
                HardwareFixtures.bin(tmp, "tools"), HardwareFixtures.bin(tmp, "a6000")));
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AgentPreflightCommand(host));
        cl.setOut(new PrintWriter(out));
        String[] base = {"--server", url, "--model-dir", tmp.resolve("models").toString(), "--min-free-gb", "0",
                "--agent-port", "0"};
        String[] args = new String[base.length + trust.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(trust, 0, args, base.length, trust.length);
        int exit = cl.execute(args);
        assertEquals(expectedExit, exit, out.toString());
        return out.toString().lines().filter(l -> l.startsWith("server reachable")).findFirst()
                .orElseThrow(() -> new AssertionError("no server line in: " + out));
    }

    @Test
    @DisplayName("the right CA fingerprint reaches the server's health check and the preflight passes")
    void rightPin() {
        String line = serverLine(0, "--ca-fingerprint", pin);
        assertTrue(line.contains("→ 200"), line);
    }

    @Test
    @DisplayName("a wrong CA fingerprint fails the server check with a line naming the pin and what the server presented")
    void wrongPin() {
        String line = serverLine(1, "--ca-fingerprint", "AB".repeat(32));
        assertTrue(line.contains("FAIL"), line);
        assertTrue(line.contains("does not contain the pinned CA"), line);
        assertTrue(line.contains(pin), "names the CA the server presented: " + line);
    }

    @Test
    @DisplayName("--insecure accepts the self-signed server as every other CLI client does")
    void insecure() {
        String line = serverLine(0, "--insecure");
        assertTrue(line.contains("→ 200"), line);
    }

    @Test
    @DisplayName("with no trust option the system store refuses KITT's CA and the line names the fingerprint to pin")
    void systemStore() {
        String line = serverLine(1);
        assertTrue(line.contains("--ca-fingerprint " + pin), line);
    }
}
