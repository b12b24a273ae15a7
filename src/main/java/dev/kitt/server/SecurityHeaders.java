package dev.kitt.server;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers that keep browsers strict with the SPA and the API: no framing, no MIME sniffing, no
 * referrer leaking run ids, and a content policy allowing only KITT's own origin. HSTS only over
 * TLS, where it means something. The SPA's one inline script, its import map (browsers do not load
 * import maps from files), is allowed by its hash, taken from the index.html actually served.
 * The Devon proxy is framed by KITT's own Devon tab, so its pages may be framed by the same origin.
 */
final class SecurityHeaders {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final String POLICY = "default-src 'self'; script-src 'self'%s; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors %s";
    static final String CSP = String.format(POLICY, "", "'none'");

    private final boolean tls;
    private volatile String csp = CSP;
    private volatile String framedCsp = String.format(POLICY, "", "'self'");

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    /** Allows the import map found in this index.html (if any) by its SHA-256. */
    void allowImportMapOf(String indexHtml) {
        Matcher m = IMPORT_MAP.matcher(indexHtml);
        if (!m.find()) {
            return;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            String hash = " 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
            csp = String.format(POLICY, hash, "'none'");
            framedCsp = String.format(POLICY, hash, "'self'");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        boolean framed = ctx.normalizedPath().startsWith("/devon-app/");
        res.putHeader("Content-Security-Policy", framed ? framedCsp : csp)
                .putHeader("X-Frame-Options", framed ? "SAMEORIGIN" : "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (tls) {
            res.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.next();
    }
}
