package dev.kitt.cli;

import dev.kitt.trust.ServerTrust;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The one way every CLI command that talks to a KITT server over https decides to trust it:
 * {@code --ca-fingerprint} (pin KITT's CA as printed at server start), {@code --ca-cert FILE}
 * (a CA to trust), or {@code --insecure} (anything; development only). Without them the system
 * trust store decides, and a self-signed KITT CA is refused with the fingerprint to pin.
 */
public final class ServerTrustOptions {
    @Option(names = "--ca-fingerprint", paramLabel = "SHA256", defaultValue = "${env:KITT_CA_FINGERPRINT}",
            description = "trust the server whose CA has this SHA-256 fingerprint (as the server prints it; "
                    + "default: KITT_CA_FINGERPRINT)")
    String caFingerprint;

    @Option(names = "--ca-cert", paramLabel = "FILE", defaultValue = "${env:KITT_CA_CERT}",
            description = "trust servers whose certificate chains to this PEM CA (default: KITT_CA_CERT)")
    Path caCert;

    @Option(names = "--insecure", description = "accept any TLS certificate (development only)")
    boolean insecure;

    /** The trust these options describe; a bad fingerprint or CA file is one `kitt:` line. */
    public ServerTrust trust() {
        try {
            return ServerTrust.of(caFingerprint, caCert, insecure);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    public String caFingerprint() {
        return caFingerprint;
    }

    public Path caCert() {
        return caCert;
    }
}
