package dev.kitt.trust;

import dev.kitt.cli.Await;
import dev.kitt.server.tls.CertificateAuthority;
import dev.kitt.server.tls.Pem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pin's rules on a real TLS server on loopback, serving certificates a test chooses. */
class ServerTrustTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** A TLS server presenting {@code issued} followed by its CA; returns its port. */
    private int serve(CertificateAuthority ca, CertificateAuthority.Issued issued, String name) throws Exception {
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + "-key.pem");
        Files.writeString(cert, Pem.certificate(issued.certificate()) + Pem.certificate(ca.certificate()));
        Files.writeString(key, Pem.privateKey(issued.key()));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString())));
        return Await.result(server.requestHandler(req -> req.response().end("ok")).listen()).actualPort();
    }

    private String get(int port, ServerTrust trust) {
        HttpClient client = vertx.createHttpClient(trust.apply(new HttpClientOptions().setSsl(true)));
        try {
            return Await.result(client.request(HttpMethod.GET, port, "127.0.0.1", "/")
                    .compose(req -> req.send().compose(res -> res.body())).map(Object::toString));
        } finally {
            Await.result(client.close());
        }
    }

    @Test
    @DisplayName("a pinned CA's server certificate is accepted; its agent certificate posing as a server is refused")
    void pinAcceptsOnlyServerCertificates() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("KITT CA test");
        String pin = Pem.fingerprint(ca.certificate());
        int real = serve(ca, ca.issueServer(List.of("localhost"), List.of("127.0.0.1")), "server");
        assertEquals("ok", get(real, ServerTrust.of(pin, null, false)));

        int impostor = serve(ca, ca.issueClient("agent-1"), "impostor");
        ServerTrust trust = ServerTrust.of(pin, null, false);
        assertThrows(RuntimeException.class, () -> get(impostor, trust));
        assertTrue(trust.refusal().contains("not a server certificate"), trust.refusal());
    }

    @Test
    @DisplayName("a CA file trusts its servers by name; the system store refuses KITT's CA and names the fingerprint to pin")
    void caFileAndSystemStore() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("KITT CA test");
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, Pem.certificate(ca.certificate()));
        int port = serve(ca, ca.issueServer(List.of("localhost"), List.of("127.0.0.1")), "server");
        assertEquals("ok", get(port, ServerTrust.of(null, caFile, false)));

        ServerTrust system = ServerTrust.of(null, null, false);
        assertThrows(RuntimeException.class, () -> get(port, system));
        assertTrue(system.refusal().contains("--ca-fingerprint " + Pem.fingerprint(ca.certificate())), system.refusal());
    }

    @Test
    @DisplayName("fingerprints are read in their common spellings and anything else is refused with the expected form")
    void fingerprintSpellings() {
        String colon = "AB:".repeat(31) + "AB";
        assertEquals(colon, ServerTrust.normalize("sha256:" + "ab".repeat(32)));
        assertEquals(colon, ServerTrust.normalize("SHA-256=" + colon.toLowerCase()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ServerTrust.normalize("AB:CD"));
        assertTrue(bad.getMessage().contains("32 bytes of SHA-256"), bad.getMessage());
    }
}
