package dev.kitt.server.tls;

import dev.kitt.config.SecurityConfig;
import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/** Turns TLS files and settings into HTTP server options. */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    /** The SSL engine in use. */
    public enum Engine { OPENSSL, JDK }

    private ServerTls() {
    }

    /**
     * Enables TLS 1.2 and 1.3 with OpenSSL (BoringSSL from netty-tcnative) when it loads, the
     * JDK's engine otherwise, and mutual TLS as configured. Returns the engine chosen.
     */
    public static Engine configure(HttpServerOptions options, TlsMaterial.Prepared files, SecurityConfig sec) {
        options.setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(files.cert().toString())
                        .setKeyPath(files.key().toString()))
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        Engine engine;
        if (OpenSSLEngineOptions.isAvailable()) {
            options.setSslEngineOptions(new OpenSSLEngineOptions());
            engine = Engine.OPENSSL;
        } else {
            // The cause as one line: SLF4J would read a lone Throwable argument as the exception and
            // print a stack trace while leaving the placeholder empty.
            LOG.warn("OpenSSL could not be loaded ({}); using the JDK's TLS engine",
                    oneLine(OpenSsl.unavailabilityCause()));
            options.setSslEngineOptions(new JdkSSLEngineOptions());
            engine = Engine.JDK;
        }
        switch (sec.tlsClientAuth()) {
            case "request" -> options.setClientAuth(ClientAuth.REQUEST);
            case "require" -> options.setClientAuth(ClientAuth.REQUIRED);
            // Agents' mutual TLS only asks: browsers and API clients have no certificate, and the
            // agent socket itself refuses a connection that presented none (AgentGateway).
            default -> options.setClientAuth(sec.agentMtls() ? ClientAuth.REQUEST : ClientAuth.NONE);
        }
        if (!"none".equals(sec.tlsClientAuth()) || sec.agentMtls()) {
            PemTrustOptions trust = new PemTrustOptions().addCertPath(files.clientCa().toString());
            if (sec.agentMtls() && !files.clientCa().equals(files.kittCa())) {
                trust.addCertPath(files.kittCa().toString());
            }
            options.setTrustOptions(trust);
        }
        return engine;
    }

    /** "Type: message" of a failure and, when different, of its root cause, on one line. */
    static String oneLine(Throwable err) {
        if (err == null) {
            return "no cause given";
        }
        Throwable root = err;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(err) + (root == err ? "" : "; caused by " + describe(root));
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String describe(Throwable err) {
        return err.getClass().getSimpleName() + (err.getMessage() == null ? "" : ": " + err.getMessage());
    }
}
