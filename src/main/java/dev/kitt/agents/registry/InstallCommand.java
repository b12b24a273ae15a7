package dev.kitt.agents.registry;

import io.vertx.ext.web.RoutingContext;

/**
 * The one-line install command an admin copies to a GPU host. Over https the host cannot trust
 * KITT's self-signed CA yet, so the line first fetches the CA, checks its SHA-256 against the
 * fingerprint written into the line itself (which came to the admin over a trusted channel), and
 * only then fetches the installer through that CA; the installer pins the same fingerprint.
 */
final class InstallCommand {
    private InstallCommand() {
    }

    /** The server's own base URL as the admin's request reached it. */
    static String serverUrl(RoutingContext rc) {
        String host = rc.request().authority() == null ? "localhost" : rc.request().authority().toString();
        return rc.request().scheme() + "://" + host;
    }

    /**
     * @param caFingerprint KITT's CA fingerprint ("AB:CD:..."), or null over plain http
     */
    static String of(String serverUrl, String enrollToken, String caFingerprint) {
        String installer = serverUrl + "/api/v1/agent/install.sh";
        if (caFingerprint == null) {
            return "curl -fsSL " + installer + " | KITT_ENROLL_TOKEN=" + enrollToken + " sh";
        }
        return "curl -fsSLk " + serverUrl + "/api/v1/agent/ca.pem -o kitt-ca.pem"
                + " && openssl x509 -in kitt-ca.pem -noout -fingerprint -sha256 | grep -qi '=" + caFingerprint + "$'"
                + " && curl -fsSL --cacert kitt-ca.pem " + installer
                + " | KITT_CA_FINGERPRINT=" + caFingerprint + " KITT_ENROLL_TOKEN=" + enrollToken + " sh";
    }
}
