package dev.kitt.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Client certificates for agents' mutual TLS, issued by KITT's CA at enrollment. The fleet's
 * enrollment calls {@link #issue} (blocking: run it in executeBlocking) and hands the three PEM
 * texts to the agent, which presents the certificate and pins the CA by its fingerprint.
 */
public final class AgentCertificates {
    /** PEM texts for the agent: its certificate, its private key, and the CA with its SHA-256 fingerprint. */
    public record Bundle(String certificatePem, String privateKeyPem, String caPem, String caFingerprint) {
    }

    private AgentCertificates() {
    }

    public static Bundle issue(Path certsDir, String agentId) throws IOException, GeneralSecurityException {
        CertificateAuthority ca = TlsMaterial.loadOrCreateCa(certsDir);
        CertificateAuthority.Issued issued = ca.issueClient(agentId);
        return new Bundle(Pem.certificate(issued.certificate()), Pem.privateKey(issued.key()),
                Pem.certificate(ca.certificate()), Pem.fingerprint(ca.certificate()));
    }
}
