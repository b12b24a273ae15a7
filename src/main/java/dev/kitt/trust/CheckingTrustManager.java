package dev.kitt.trust;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides whether a server's chain is trusted and remembers why it refused one, so the client can
 * say something better than "PKIX path building failed". With a pin, the chain must contain the
 * pinned certificate and every certificate below it must be signed by the next and be in date;
 * the leaf must be meant for servers. Without a pin, the base manager (a CA file or the system
 * trust store) decides, and a refusal names the fingerprint of the chain's top certificate so the
 * user can compare it with the one the server printed and pin it.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private final String pin;
    private final X509TrustManager base;
    private volatile String refusal;

    CheckingTrustManager(String pin, X509TrustManager base) {
        this.pin = pin;
        this.base = base;
    }

    String refusal() {
        return refusal;
    }

    void clearRefusal() {
        refusal = null;
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(X509Certificate[] chain, String authType, SSLEngine engine, Socket socket)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse("the server presented no certificate");
        }
        if (pin != null) {
            checkPinned(chain);
            return;
        }
        try {
            if (base instanceof X509ExtendedTrustManager ext && engine != null) {
                ext.checkServerTrusted(chain, authType, engine);
            } else if (base instanceof X509ExtendedTrustManager ext && socket != null) {
                ext.checkServerTrusted(chain, authType, socket);
            } else {
                base.checkServerTrusted(chain, authType);
            }
        } catch (CertificateException e) {
            String top = fingerprint(chain[chain.length - 1]);
            refusal = "the server's certificate is not trusted (" + e.getMessage() + "). The top of its chain has "
                    + "SHA-256 fingerprint " + top + ": if that is the CA fingerprint the KITT server printed at "
                    + "start, pin it with --ca-fingerprint " + top + " (or pass its CA with --ca-cert FILE)";
            throw e;
        }
    }

    private void checkPinned(X509Certificate[] chain) throws CertificateException {
        int at = -1;
        for (int i = 0; i < chain.length && at < 0; i++) {
            if (fingerprint(chain[i]).equals(pin)) {
                at = i;
            }
        }
        if (at < 0) {
            throw refuse("the server's certificate chain does not contain the pinned CA (pinned SHA-256 " + pin
                    + ", the server presented " + fingerprint(chain[chain.length - 1])
                    + "); this is not the server this host was set up for, or its CA was replaced");
        }
        try {
            for (int i = 0; i <= at; i++) {
                chain[i].checkValidity();
                if (i < at) {
                    chain[i].verify(chain[i + 1].getPublicKey());
                }
            }
        } catch (GeneralSecurityException e) {
            throw refuse("the server's chain up to the pinned CA does not verify: " + e.getMessage());
        }
        List<String> purposes = chain[0].getExtendedKeyUsage();
        if (at > 0 && purposes != null && !purposes.contains(SERVER_AUTH)) {
            // The pinned CA also signs agents' client certificates: one of those must not pass as the server.
            throw refuse("the server's certificate is not a server certificate (no serverAuth usage)");
        }
    }

    private CertificateException refuse(String why) {
        refusal = why;
        return new CertificateException(why);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, null, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, engine, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client-side trust manager does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return base == null ? new X509Certificate[0] : base.getAcceptedIssuers();
    }
}
