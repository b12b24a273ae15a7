package dev.kitt.server.tls;

import dev.kitt.testing.ServerProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS as `kitt server` runs it in its own process: the printed CA fingerprint, the JDK engine when
 * OpenSSL is switched off, and the operator's own certificate and key given by flags.
 */
class TlsServerProcessTest {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern PRINTED = Pattern.compile("SHA-256 fingerprint ([0-9A-F:]+)");

    @TempDir
    Path home;

    /** SHA-256 of the certificate's DER bytes, colon-separated upper-case hex, computed here. */
    private static String sha256(Certificate cert) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** A TLS 1.3-only handshake with the server, trusting only the given CA; the session it settled. */
    private static SSLSession handshake(int port, X509Certificate ca) throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting(ca).getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[]{"TLSv1.3"});
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private static int health(int port, X509Certificate ca) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(ca)).connectTimeout(Duration.ofSeconds(30)).build();
        return http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String printedFingerprint(String output) {
        Matcher m = PRINTED.matcher(output);
        assertTrue(m.find(), "no fingerprint line in:\n" + output);
        return m.group(1);
    }

    @Test
    @DisplayName("A server started without --insecure prints the SHA-256 fingerprint of the CA in KITT_HOME/certs")
    void printedCaFingerprint() throws Exception {
        try (ServerProcess server = ServerProcess.startTls(home, List.of())) {
            int port = server.awaitPort(START);
            X509Certificate ca = read(home.resolve("certs/ca.pem"));
            String expected = sha256(ca);
            String out = server.output();
            assertEquals(expected, printedFingerprint(out), out);
            assertTrue(out.contains("--ca-fingerprint " + expected), out);
            // The CA on disk is the one the served chain leads to.
            SSLSession session = handshake(port, ca);
            assertEquals("TLSv1.3", session.getProtocol());
            assertEquals(200, health(port, ca));
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    @DisplayName("With OpenSSL switched off the server serves TLS 1.3 through the JDK's engine and says why in one warning line")
    void jdkFallback() throws Exception {
        try (ServerProcess server = ServerProcess.startTls(home, List.of("-Dio.netty.handler.ssl.noOpenSsl=true"))) {
            int port = server.awaitPort(START);
            X509Certificate ca = read(home.resolve("certs/ca.pem"));
            assertEquals("TLSv1.3", handshake(port, ca).getProtocol());
            assertEquals(200, health(port, ca));
            String out = server.output();
            assertTrue(out.contains("TLS through jdk"), out);
            List<String> warnings = out.lines().filter(l -> l.contains("OpenSSL could not be loaded")).toList();
            assertEquals(1, warnings.size(), out);
            String warning = warnings.get(0);
            assertTrue(warning.contains("WARN"), warning);
            assertFalse(warning.contains("{}"), warning);
            // The cause is named: Netty's reason mentions the property that switched OpenSSL off.
            assertTrue(warning.contains("UnsupportedOperationException") && warning.contains("noOpenSsl"), warning);
            assertTrue(warning.endsWith("using the JDK's TLS engine"), warning);
            assertFalse(out.lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("java.lang.")),
                    "no stack trace:\n" + out);
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    @DisplayName("--tls-cert and --tls-key serve the operator's own certificate, and print its fingerprint")
    void ownCertificate() throws Exception {
        CertificateAuthority own = CertificateAuthority.create("Operator CA");
        CertificateAuthority.Issued issued = own.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        Path cert = home.resolve("own.pem");
        Path key = home.resolve("own-key.pem");
        Files.writeString(cert, Pem.certificate(issued.certificate()));
        Files.writeString(key, Pem.privateKey(issued.key()));
        try (ServerProcess server = ServerProcess.startTls(home, List.of(), "--tls-cert", cert.toString(),
                "--tls-key", key.toString())) {
            int port = server.awaitPort(START);
            SSLSession session = handshake(port, own.certificate());
            String served = sha256(session.getPeerCertificates()[0]);
            assertEquals(sha256(issued.certificate()), served);
            assertEquals(served, printedFingerprint(server.output()), server.output());
            assertEquals(200, health(port, own.certificate()));
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    @DisplayName("A missing key file or a key that is not the certificate's stops start-up with exit 1, naming the file")
    void badKeyFiles() throws Exception {
        CertificateAuthority own = CertificateAuthority.create("Operator CA");
        CertificateAuthority.Issued issued = own.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        CertificateAuthority.Issued other = own.issueServer(List.of("localhost"), List.of("127.0.0.1"));
        Path cert = home.resolve("own.pem");
        Files.writeString(cert, Pem.certificate(issued.certificate()));
        Path missing = home.resolve("no-such-key.pem");
        try (ServerProcess server = ServerProcess.startTls(home, List.of(), "--tls-cert", cert.toString(),
                "--tls-key", missing.toString())) {
            assertEquals(1, server.awaitExit(START), server.output());
            assertTrue(server.output().contains("tls.key: cannot read " + missing), server.output());
        }
        Path wrong = home.resolve("other-key.pem");
        Files.writeString(wrong, Pem.privateKey(other.key()));
        try (ServerProcess server = ServerProcess.startTls(home, List.of(), "--tls-cert", cert.toString(),
                "--tls-key", wrong.toString())) {
            assertEquals(1, server.awaitExit(START), server.output());
            assertTrue(server.output().contains("tls.key: " + wrong + " is not the private key of the certificate in tls.cert "
                    + cert), server.output());
        }
    }
}
