package dev.kitt.trust;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.TrustOptions;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Which servers a KITT client trusts over https, in one place for the agent's WebSocket and every
 * CLI client: a pinned CA fingerprint (what `kitt agent init --ca-fingerprint` stores), a CA file
 * ({@code --ca-cert}), the system trust store when neither is given, or anything at all with
 * {@code --insecure} (development only). A pin skips the host-name check on purpose: KITT's CA
 * signs certificates for this one server only, and a server bound to 0.0.0.0 cannot name every
 * address its agents use. Optionally carries the agent's client certificate for mutual TLS.
 */
public final class ServerTrust {
    private final String pin;
    private final boolean insecure;
    private final CheckingTrustManager manager;
    private KeyCertOptions clientCertificate;

    private ServerTrust(String pin, boolean insecure, CheckingTrustManager manager) {
        this.pin = pin;
        this.insecure = insecure;
        this.manager = manager;
    }

    /**
     * @param fingerprint a CA's SHA-256 (hex, with or without colons, optionally "SHA256:"), or null
     * @param caFile      PEM file with the CA certificate(s) to trust, or null
     * @param insecure    trust any certificate (development only); wins over the rest
     * @throws IllegalArgumentException when the fingerprint or the CA file cannot be used (one line)
     */
    public static ServerTrust of(String fingerprint, Path caFile, boolean insecure) {
        String pin = fingerprint == null || fingerprint.isBlank() ? null : normalize(fingerprint);
        if (insecure) {
            return new ServerTrust(pin, true, null);
        }
        X509TrustManager base = pin != null ? null : baseManager(caFile);
        return new ServerTrust(pin, false, new CheckingTrustManager(pin, base));
    }

    /** The pin in KITT's printed form (colon-separated upper-case hex), or null. */
    public String pin() {
        return pin;
    }

    /** Presents this client certificate when the server asks (agents' mutual TLS). */
    public ServerTrust withClientCertificate(Path cert, Path key) {
        if (cert != null && key != null) {
            clientCertificate = new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
        }
        return this;
    }

    /** "AB:CD:..." from any common spelling of a SHA-256 fingerprint. */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.trim().replaceFirst("(?i)^sha-?256[:=]?", "").replaceAll("[:\\s]", "");
        if (!hex.matches("[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("a CA fingerprint is 32 bytes of SHA-256 in hex (AB:CD:... as the "
                    + "server prints it), got '" + fingerprint.trim() + "'");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    public <T extends HttpClientOptions> T apply(T options) {
        options.setVerifyHost(verifyHost());
        return applyTrust(options);
    }

    public WebSocketClientOptions apply(WebSocketClientOptions options) {
        options.setVerifyHost(verifyHost());
        return applyTrust(options);
    }

    // verifyHost lives on each client's options class rather than their common base, hence two doors.
    private boolean verifyHost() {
        return !insecure && pin == null;
    }

    private <T extends ClientOptionsBase> T applyTrust(T options) {
        options.setTrustAll(insecure);
        if (manager != null) {
            options.setTrustOptions(trustOptions());
        }
        if (clientCertificate != null) {
            options.setKeyCertOptions(clientCertificate);
        }
        return options;
    }

    private TrustOptions trustOptions() {
        return TrustOptions.wrap((TrustManager) manager);
    }

    /** Why the last handshake was refused by this client, or null when it was not (or not for trust). */
    public String refusal() {
        return manager == null ? null : manager.refusal();
    }

    /** Forgets the last refusal, before a new connection attempt. */
    public void clearRefusal() {
        if (manager != null) {
            manager.clearRefusal();
        }
    }

    /** One line for a failed call: the trust refusal when there was one, else the error itself. */
    public String explain(Throwable err) {
        String why = refusal();
        return why != null ? why : String.valueOf(err.getMessage());
    }

    private static X509TrustManager baseManager(Path caFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                tmf.init((KeyStore) null);
            } else {
                tmf.init(keyStore(caFile));
            }
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X.509 trust manager in this JVM");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("the CA file " + caFile + " holds no PEM certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + (i++), c);
        }
        return ks;
    }
}
