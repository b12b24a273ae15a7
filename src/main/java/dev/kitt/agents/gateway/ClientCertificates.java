package dev.kitt.agents.gateway;

import io.vertx.ext.web.RoutingContext;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Agents' mutual TLS at the socket: the certificate the connection presented must name the agent
 * whose token it sent. Trust in the certificate itself (chains to KITT's CA, in date) is the TLS
 * layer's job; a presented certificate that fails it never gets this far.
 */
final class ClientCertificates {
    private ClientCertificates() {
    }

    /** Why this connection may not be the agent {@code agentId}, or null when its certificate says it is. */
    static String problem(RoutingContext rc, String agentId) {
        List<Certificate> chain;
        try {
            chain = rc.request().connection().peerCertificates();
        } catch (SSLPeerUnverifiedException | RuntimeException e) {
            chain = null;
        }
        if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate cert)) {
            return "this server requires agents to present the client certificate issued at enrollment; "
                    + "re-enroll with `kitt agent init` over https";
        }
        String cn = commonName(cert);
        if (!agentId.equals(cn)) {
            return "the client certificate was issued to another agent (" + cn + ")";
        }
        return null;
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "an unreadable name";
        }
        return "no name";
    }
}
