package dev.kitt.stack;

import dev.kitt.server.tls.CertificateAuthority;
import dev.kitt.server.tls.Pem;
import dev.kitt.server.tls.TlsMaterial;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's certs/, in the layout the server expects under KITT_HOME/certs (ca.pem,
 * ca-key.pem, server.pem with the CA after the certificate, server-key.pem), so every node
 * serves them as they are and issues agents' client certificates from the same CA. The CA is
 * kept when the stack is regenerated, since agents pin its fingerprint; the server certificate
 * is issued anew for the current node names. Blocking.
 */
final class StackCertificates {
    private StackCertificates() {
    }

    /** Returns the SHA-256 fingerprint of the stack's CA. */
    static String write(Path certsDir, StackOptions o) throws IOException {
        try {
            CertificateAuthority ca = TlsMaterial.loadOrCreateCa(certsDir);
            List<String> dns = new ArrayList<>(List.of("localhost"));
            dns.addAll(o.nodeNames());
            List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
            for (String h : o.hostnames()) {
                (h.matches("[0-9.]+") || h.contains(":") ? ips : dns).add(h);
            }
            CertificateAuthority.Issued server = ca.issueServer(dns, ips);
            java.nio.file.Files.writeString(certsDir.resolve("server.pem"),
                    Pem.certificate(server.certificate()) + Pem.certificate(ca.certificate()));
            Pem.writePrivate(certsDir.resolve("server-key.pem"), Pem.privateKey(server.key()));
            return Pem.fingerprint(ca.certificate());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the stack's CA under " + certsDir + ": " + e.getMessage(), e);
        }
    }
}
