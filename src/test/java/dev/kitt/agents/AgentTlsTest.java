package dev.kitt.agents;

import dev.kitt.agent.AgentConfig;
import dev.kitt.agent.AgentDaemon;
import dev.kitt.agent.AgentOptions;
import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.server.tls.CertificateAuthority;
import dev.kitt.server.tls.Pem;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agents over real TLS on loopback: the CA pin given at init decides which server an agent
 * accepts, and with tls.agent_mtls the agent socket takes only the client certificate issued to
 * that agent at enrollment.
 */
class AgentTlsTest {
    @TempDir
    Path serverHome;
    @TempDir
    Path agentHome;
    @TempDir
    Path otherAgentHome;

    private final Vertx vertx = Vertx.vertx();
    private Vertx agentVertx;

    @AfterEach
    void close() {
        if (agentVertx != null) {
            Await.result(agentVertx.close());
        }
        Await.result(vertx.close());
    }

    private TestServer start(boolean agentMtls) {
        KittConfig cfg = TestServer.config(serverHome, "").withInsecure(false);
        return TestServer.start(cfg.withSecurity(cfg.security().withAgentMtls(agentMtls)), FleetOptions.fast());
    }

    private static String url(TestServer s) {
        return "https://127.0.0.1:" + s.port();
    }

    private static CliRun init(TestServer s, Path home, String name, String... trust) {
        String[] base = {"agent", "init", "--home", home.toString(), "--server", url(s),
                "--enroll-token", FleetHarness.enrollmentToken(s), "--name", name};
        String[] args = new String[base.length + trust.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(trust, 0, args, base.length, trust.length);
        return CliRun.of(args);
    }

    private AgentDaemon startDaemon(Path home) {
        agentVertx = Vertx.vertx();
        AgentDaemon daemon = new AgentDaemon(new AgentOptions(home, false, 50, 400, null));
        Await.result(agentVertx.deployVerticle(daemon));
        return daemon;
    }

    private static String fingerprint(TestServer s) {
        return s.server().http().tlsFiles().fingerprint();
    }

    @Test
    @DisplayName("an agent pinned to the server's CA connects; a wrong pin or no pin on a self-signed CA is refused, once, with how to fix it")
    void pinning() throws Exception {
        try (TestServer s = start(false)) {
            String pin = fingerprint(s);
            CliRun noPin = init(s, agentHome, "gpu-unpinned");
            assertEquals(1, noPin.exitCode(), noPin.out());
            assertTrue(noPin.err().contains("--ca-fingerprint " + pin), "tells how to pin: " + noPin.err());

            String wrong = pin.replace(pin.substring(0, 2), pin.startsWith("00") ? "11" : "00");
            CliRun wrongPin = init(s, agentHome, "gpu-wrong", "--ca-fingerprint", wrong);
            assertEquals(1, wrongPin.exitCode());
            assertTrue(wrongPin.err().contains("does not contain the pinned CA"), wrongPin.err());
            assertFalse(Files.exists(AgentConfig.file(agentHome)), "nothing written for a refused server");

            // "SHA256:" and lower case are fine too: it is the same fingerprint.
            CliRun ok = init(s, agentHome, "gpu-pinned", "--ca-fingerprint", "SHA256:" + pin.toLowerCase());
            assertEquals(0, ok.exitCode(), ok.err());
            AgentConfig config = AgentConfig.load(agentHome);
            assertEquals(pin, config.caFingerprint());
            AgentDaemon daemon = startDaemon(agentHome);
            FleetHarness.await("the pinned agent connects", Duration.ofSeconds(20), daemon::isConnected,
                    daemon::fatalReason);
            Await.result(agentVertx.close());

            // The same agent told to expect another CA stops at the first handshake instead of retrying.
            new AgentConfig(config.server(), config.agentId(), config.token(), config.name(), config.modelDir(), null,
                    null, wrong, null, null, null).save(agentHome);
            AgentDaemon refused = startDaemon(agentHome);
            FleetHarness.await("the agent gives up on the wrong CA", Duration.ofSeconds(20),
                    () -> refused.fatalReason() != null);
            assertTrue(refused.fatalReason().contains("does not contain the pinned CA"), refused.fatalReason());
            assertFalse(refused.isConnected());
            Await.result(agentVertx.close());

            // Without a pin the system trust store refuses KITT's self-signed CA, and says how to pin it.
            new AgentConfig(config.server(), config.agentId(), config.token(), config.name(), config.modelDir(), null,
                    null, null, null, null, null).save(agentHome);
            AgentDaemon unpinned = startDaemon(agentHome);
            FleetHarness.await("the unpinned agent gives up", Duration.ofSeconds(20),
                    () -> unpinned.fatalReason() != null);
            assertTrue(unpinned.fatalReason().contains("--ca-fingerprint " + pin), unpinned.fatalReason());
        }
    }

    @Test
    @DisplayName("with agent mutual TLS, enrollment issues a certificate for the agent's own key and only that agent's certificate opens its socket")
    void mutualTls() throws Exception {
        try (TestServer s = start(true)) {
            String pin = fingerprint(s);
            CliRun ok = init(s, agentHome, "gpu-1", "--ca-fingerprint", pin);
            assertEquals(0, ok.exitCode(), ok.err());
            assertTrue(ok.out().contains("client certificate"), ok.out());
            AgentConfig config = AgentConfig.load(agentHome);
            Path key = Path.of(config.clientKey());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals(config.agentId(), Pem.readCertificate(Path.of(config.clientCert())).getSubjectX500Principal()
                    .getName().replace("CN=", ""));
            AgentDaemon daemon = startDaemon(agentHome);
            FleetHarness.await("the agent with its certificate connects", Duration.ofSeconds(20), daemon::isConnected,
                    daemon::fatalReason);
            // Browsers and API clients have no certificate and need none (the test's own client has none).
            assertEquals(200, s.get("/api/v1/agents").statusCode());

            // The right token without a certificate: refused at the upgrade with a JSON reason.
            UpgradeRejectedException none = assertInstanceOf(UpgradeRejectedException.class,
                    connectFailure(s, config.token(), null));
            assertEquals(403, none.getStatus());
            assertTrue(new JsonObject(none.getBody()).getString("error").contains("client certificate"));

            // A certificate from another CA, presented even though the server names KITT's CA as the
            // one it accepts, does not get through the handshake.
            CertificateAuthority stranger = CertificateAuthority.create("Someone else");
            Throwable foreign = connectFailure(s, config.token(), AlwaysPresent.of(stranger.issueClient(config.agentId())));
            assertFalse(foreign instanceof UpgradeRejectedException, "refused in the handshake: " + foreign);

            // A second agent's token with the first agent's certificate: refused.
            assertEquals(0, init(s, otherAgentHome, "gpu-2", "--ca-fingerprint", pin).exitCode());
            UpgradeRejectedException mixed = assertInstanceOf(UpgradeRejectedException.class, connectFailure(s,
                    AgentConfig.load(otherAgentHome).token(), new PemKeyCertOptions().setCertPath(config.clientCert())
                            .setKeyPath(config.clientKey())));
            assertEquals(403, mixed.getStatus());
            assertTrue(new JsonObject(mixed.getBody()).getString("error").contains("another agent"));

            // Revoking the agent ends its certificate's use too: the socket closes and the reconnect is refused.
            assertEquals(204, s.post("/api/v1/agents/" + config.agentId() + "/revoke", "{}").statusCode());
            FleetHarness.await("the revoked agent stops", Duration.ofSeconds(20), () -> daemon.fatalReason() != null);
            assertTrue(daemon.fatalReason().contains("HTTP 401"), daemon.fatalReason());

            // Enrollment without a public key is refused with the reason.
            HttpResponse<Buffer> bare = s.send(HttpMethod.POST, "/api/v1/agents/enroll", new JsonObject()
                    .put("enroll_token", FleetHarness.enrollmentToken(s)).put("name", "no-key").encode(), null);
            assertEquals(400, bare.statusCode());
            assertEquals("client_key_required", bare.bodyAsJsonObject().getString("code"));
        }
    }

    /** Opens the agent socket as a raw client and returns why it failed (it must fail). */
    private Throwable connectFailure(TestServer s, String token, KeyCertOptions clientCert) {
        WebSocketClientOptions options = new WebSocketClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false);
        if (clientCert != null) {
            options.setKeyCertOptions(clientCert);
        }
        var client = vertx.createWebSocketClient(options);
        try {
            RuntimeException err = assertThrows(RuntimeException.class, () -> {
                WebSocket ws = Await.result(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                        .setPort(s.port()).setSsl(true).setURI("/api/v1/agents/connect")
                        .addHeader("Authorization", "Bearer " + token)));
                ws.close();
            });
            Throwable cause = err;
            while (cause.getCause() != null && !(cause instanceof UpgradeRejectedException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause);
            return cause;
        } finally {
            Await.result(client.close());
        }
    }
}
