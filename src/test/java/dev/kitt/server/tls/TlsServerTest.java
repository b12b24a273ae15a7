package dev.kitt.server.tls;

import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS by default: OpenSSL, TLS 1.3, the generated CA, and mutual TLS for agents. */
class TlsServerTest {
    @TempDir
    Path home;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** Result of one GET over TLS: the status and the protocol the handshake settled on. */
    private record Answer(int status, String protocol) {
    }

    private Answer get(int port, PemKeyCertOptions clientCert) {
        HttpClientOptions options = new HttpClientOptions().setSsl(true)
                .setSslEngineOptions(new OpenSSLEngineOptions())
                .setTrustOptions(new PemTrustOptions().addCertPath(home.resolve("certs/ca.pem").toString()))
                .setVerifyHost(true);
        if (clientCert != null) {
            options.setKeyCertOptions(clientCert);
        }
        HttpClient client = vertx.createHttpClient(options);
        try {
            return Await.result(client.request(HttpMethod.GET, port, "localhost", "/api/v1/health")
                    .compose((HttpClientRequest req) -> req.send().compose(res -> res.body().map(b ->
                            new Answer(res.statusCode(), req.connection().sslSession().getProtocol())))));
        } finally {
            Await.result(client.close());
        }
    }

    private PemKeyCertOptions write(CertificateAuthority.Issued issued, String name) throws Exception {
        Path cert = home.resolve(name + ".pem");
        Path key = home.resolve(name + "-key.pem");
        Files.writeString(cert, Pem.certificate(issued.certificate()));
        Files.writeString(key, Pem.privateKey(issued.key()));
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }

    @Test
    @DisplayName("without --insecure the server speaks TLS 1.3 through OpenSSL with a generated CA whose fingerprint it reports")
    void tlsThroughOpenSsl() throws Exception {
        KittConfig cfg = TestServer.config(home, "").withInsecure(false);
        try (TestServer s = TestServer.start(cfg)) {
            assertTrue(OpenSsl.isAvailable(), "netty-tcnative must load: " + OpenSsl.unavailabilityCause());
            assertEquals(ServerTls.Engine.OPENSSL, s.server().http().tlsEngine());
            Answer a = get(s.port(), null);
            assertEquals(200, a.status());
            assertEquals("TLSv1.3", a.protocol());
            X509Certificate ca = Pem.readCertificate(home.resolve("certs/ca.pem"));
            assertEquals(Pem.fingerprint(ca), s.server().http().tlsFiles().fingerprint());
            assertTrue(s.server().http().tlsFiles().fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        }
        // A restart keeps the CA (agents pinned it).
        String before = Pem.fingerprint(Pem.readCertificate(home.resolve("certs/ca.pem")));
        try (TestServer s = TestServer.start(TestServer.config(home, "").withInsecure(false))) {
            assertEquals(before, s.server().http().tlsFiles().fingerprint());
        }
    }

    @Test
    @DisplayName("with client_auth require, a client without a certificate or with one from another CA is refused; a CA-issued agent certificate is accepted")
    void mutualTls() throws Exception {
        KittConfig cfg = TestServer.config(home, "").withInsecure(false);
        cfg = cfg.withSecurity(cfg.security().withClientAuth("require", null));
        try (TestServer s = TestServer.start(cfg)) {
            assertThrows(RuntimeException.class, () -> get(s.port(), null), "no client certificate");
            CertificateAuthority stranger = CertificateAuthority.create("Someone else");
            assertThrows(RuntimeException.class, () -> get(s.port(), write(stranger.issueClient("agent-x"), "stranger")),
                    "a certificate from another CA");
            AgentCertificates.Bundle bundle = AgentCertificates.issue(cfg.certsDir(), "agent-1");
            assertEquals(s.server().http().tlsFiles().fingerprint(), bundle.caFingerprint());
            Files.writeString(home.resolve("agent-1.pem"), bundle.certificatePem());
            Files.writeString(home.resolve("agent-1-key.pem"), bundle.privateKeyPem());
            Answer a = get(s.port(), new PemKeyCertOptions().setCertPath(home.resolve("agent-1.pem").toString())
                    .setKeyPath(home.resolve("agent-1-key.pem").toString()));
            assertEquals(200, a.status());
        }
    }
}
