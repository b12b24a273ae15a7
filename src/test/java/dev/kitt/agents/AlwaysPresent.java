package dev.kitt.agents;

import dev.kitt.server.tls.CertificateAuthority;
import io.vertx.core.net.KeyCertOptions;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A client key manager that presents its one certificate whatever CAs the server asks for: a
 * well-behaved client would send nothing when its certificate is from another CA, so this is how
 * a test makes the server see, and judge, a foreign certificate.
 */
final class AlwaysPresent extends X509ExtendedKeyManager {
    private final CertificateAuthority.Issued issued;

    private AlwaysPresent(CertificateAuthority.Issued issued) {
        this.issued = issued;
    }

    static KeyCertOptions of(CertificateAuthority.Issued issued) {
        return KeyCertOptions.wrap(new AlwaysPresent(issued));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[]{"it"};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return "it";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return "it";
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return new X509Certificate[]{issued.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return issued.key();
    }
}
