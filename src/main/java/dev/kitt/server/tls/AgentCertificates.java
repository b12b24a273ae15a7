package dev.kitt.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Client certificates for agents' mutual TLS, issued by KITT's CA at enrollment. Enrollment calls
 * {@link #sign} with the public key the agent sent (blocking: run it in executeBlocking) and hands
 * back the certificate; {@link #issue} also makes the key pair, for tests and tools. The
 * certificate's common name is the agent id, which the agent socket checks against the token.
 */
public final class AgentCertificates {
    /** PEM texts for the agent: its certificate, its private key, and the CA with its SHA-256 fingerprint. */
    public record Bundle(String certificatePem, String privateKeyPem, String caPem, String caFingerprint) {
    }

    /** What enrollment returns: the agent's certificate and the CA that signed it. */
    public record Signed(String certificatePem, String caPem, String caFingerprint) {
    }

    private AgentCertificates() {
    }

    public static Signed sign(Path certsDir, String agentId, PublicKey agentKey) throws IOException, GeneralSecurityException {
        CertificateAuthority ca = TlsMaterial.loadOrCreateCa(certsDir);
        return new Signed(Pem.certificate(ca.issueClient(agentId, agentKey)), Pem.certificate(ca.certificate()),
                Pem.fingerprint(ca.certificate()));
    }

    /** An EC public key from PEM (SubjectPublicKeyInfo, as `kitt agent init` sends it). */
    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("not base64 PEM", e);
        }
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    public static Bundle issue(Path certsDir, String agentId) throws IOException, GeneralSecurityException {
        CertificateAuthority ca = TlsMaterial.loadOrCreateCa(certsDir);
        CertificateAuthority.Issued issued = ca.issueClient(agentId);
        return new Bundle(Pem.certificate(issued.certificate()), Pem.privateKey(issued.key()),
                Pem.certificate(ca.certificate()), Pem.fingerprint(ca.certificate()));
    }
}
