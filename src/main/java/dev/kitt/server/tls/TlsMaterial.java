package dev.kitt.server.tls;

import dev.kitt.config.KittConfig;
import dev.kitt.config.SecurityConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the TLS listener needs. Under KITT_HOME/certs: ca.pem and ca-key.pem (KITT's CA,
 * created once and kept, since agents pin its fingerprint) and server.pem / server-key.pem
 * (re-issued when missing or within 30 days of expiry). A certificate and key given by
 * configuration replace the generated server pair. Blocking: run off the event loop.
 */
public final class TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);

    /**
     * @param fingerprint SHA-256 of the certificate clients should pin: KITT's CA, or the top of
     *                    the configured chain
     * @param kittCa      KITT's own CA certificate, which signs agents' client certificates
     */
    public record Prepared(Path cert, Path key, Path clientCa, String fingerprint, Path kittCa) {
        /** Whether KITT's own CA signed the server certificate (no tls.cert given): then agents pin that CA. */
        public boolean generated() {
            return cert.equals(kittCa.resolveSibling("server.pem"));
        }
    }

    private TlsMaterial() {
    }

    public static Prepared prepare(KittConfig config) throws IOException, GeneralSecurityException {
        Path dir = config.certsDir();
        Files.createDirectories(dir);
        CertificateAuthority ca = loadOrCreateCa(dir);
        SecurityConfig sec = config.security();
        Path clientCa = sec.tlsClientCa() != null ? sec.tlsClientCa() : dir.resolve("ca.pem");
        if (sec.tlsCert() != null) {
            requireReadable(sec.tlsCert(), "tls.cert");
            requireReadable(sec.tlsKey(), "tls.key");
            X509Certificate given = readGiven(sec.tlsCert());
            requireMatchingKey(given, sec.tlsCert(), sec.tlsKey());
            return new Prepared(sec.tlsCert(), sec.tlsKey(), clientCa, Pem.fingerprint(given), dir.resolve("ca.pem"));
        }
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key) || expiresSoon(Pem.readCertificate(cert))) {
            CertificateAuthority.Issued server = ca.issueServer(dnsNames(config.host()), ipAddresses(config.host()));
            Files.writeString(cert, Pem.certificate(server.certificate()) + Pem.certificate(ca.certificate()));
            Pem.writePrivate(key, Pem.privateKey(server.key()));
            LOG.info("issued a server certificate under {}", dir);
        }
        return new Prepared(cert, key, clientCa, Pem.fingerprint(ca.certificate()), dir.resolve("ca.pem"));
    }

    /** KITT's CA from KITT_HOME/certs, created on first use. */
    public static CertificateAuthority loadOrCreateCa(Path dir) throws IOException, GeneralSecurityException {
        Path caCert = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca-key.pem");
        if (Files.isRegularFile(caCert) && Files.isRegularFile(caKey)) {
            return new CertificateAuthority(Pem.readCertificate(caCert), Pem.readEcKey(caKey));
        }
        Files.createDirectories(dir);
        CertificateAuthority ca = CertificateAuthority.create("KITT CA " + Instant.now().getEpochSecond());
        Pem.writePrivate(caKey, Pem.privateKey(ca.key()));
        Files.writeString(caCert, Pem.certificate(ca.certificate()));
        LOG.info("created KITT's certificate authority under {}", dir);
        return ca;
    }

    private static boolean expiresSoon(X509Certificate cert) {
        return cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(30)));
    }

    private static void requireReadable(Path p, String key) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IOException(key + ": cannot read " + p);
        }
    }

    private static X509Certificate readGiven(Path cert) throws IOException {
        try {
            return Pem.readCertificate(cert);
        } catch (GeneralSecurityException e) {
            throw new IOException("tls.cert: " + cert + " holds no PEM certificate (" + e.getMessage() + ")");
        }
    }

    /**
     * A key that is not the certificate's would only fail at the first handshake, far from its
     * cause: a signature made with the key must verify with the certificate's public key.
     */
    private static void requireMatchingKey(X509Certificate cert, Path certFile, Path keyFile) throws IOException {
        PrivateKey key;
        try {
            key = Pem.readAnyKey(keyFile);
        } catch (IOException | RuntimeException e) {
            throw new IOException("tls.key: " + keyFile + " is not a readable PEM private key (" + e.getMessage() + ")");
        }
        if (key == null) {
            throw new IOException("tls.key: " + keyFile + " holds no unencrypted PEM private key");
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return; // a key type this check does not know: the handshake will tell
        }
        boolean matches;
        try {
            byte[] probe = "kitt tls key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false; // e.g. an RSA key against an EC certificate
        }
        if (!matches) {
            throw new IOException("tls.key: " + keyFile + " is not the private key of the certificate in tls.cert "
                    + certFile);
        }
    }

    private static List<String> dnsNames(String host) {
        List<String> names = new ArrayList<>(List.of("localhost"));
        try {
            String local = InetAddress.getLocalHost().getHostName();
            if (!names.contains(local)) {
                names.add(local);
            }
        } catch (IOException e) {
            LOG.debug("no local host name for the certificate: {}", e.getMessage());
        }
        if (!isIp(host) && !names.contains(host)) {
            names.add(host);
        }
        return names;
    }

    private static List<String> ipAddresses(String host) {
        List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
        if (isIp(host) && !"0.0.0.0".equals(host) && !ips.contains(host)) {
            ips.add(host);
        }
        return ips;
    }

    private static boolean isIp(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
