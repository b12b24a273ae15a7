package dev.kitt.agents.registry;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.tls.TlsMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Public routes that install and update agents: {@code GET /agent/install.sh} (the template from
 * agent/install.sh with this server's URL filled in), {@code GET /agent/package} (the jar this
 * server runs, so an agent always matches its server), {@code GET /agent/package/sha256} and
 * {@code GET /agent/ca.pem} (KITT's CA, which the install command checks against its fingerprint).
 */
public final class AgentPackageApi {
    private final Vertx vertx;
    private final Path jar;
    private final Supplier<TlsMaterial.Prepared> tls;
    private String cachedSha;
    private long cachedStamp;

    public AgentPackageApi(Vertx vertx, Path configuredJar) {
        this(vertx, configuredJar, () -> null);
    }

    /** @param tls the server's TLS files once prepared (null result over plain http) */
    public AgentPackageApi(Vertx vertx, Path configuredJar, Supplier<TlsMaterial.Prepared> tls) {
        this.vertx = vertx;
        this.jar = configuredJar != null ? configuredJar : runningJar();
        this.tls = tls;
    }

    public void mount(Router api) {
        api.get("/agent/install.sh").handler(this::installScript);
        api.get("/agent/ca.pem").handler(this::caCertificate);
        api.get("/agent/package").handler(this::jar);
        api.get("/agent/package/sha256").handler(this::sha);
    }

    /** The jar this class was loaded from, or null when running from a classes directory. */
    static Path runningJar() {
        try {
            Path p = Path.of(AgentPackageApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void installScript(RoutingContext rc) {
        vertx.executeBlocking(() -> {
            try (InputStream in = AgentPackageApi.class.getResourceAsStream("/agent/install.sh")) {
                if (in == null) {
                    throw new ApiException(404, "not_found", "install.sh template is missing from this build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }, false).onSuccess(text -> rc.response().putHeader("Content-Type", "text/x-shellscript; charset=utf-8")
                .end(text.replace("{{SERVER_URL}}", InstallCommand.serverUrl(rc)))).onFailure(rc::fail);
    }

    /**
     * KITT's CA certificate, public like the installer: a host fetches it before it can verify
     * anything, then checks it against the fingerprint the admin gave it, never the other way round.
     */
    private void caCertificate(RoutingContext rc) {
        TlsMaterial.Prepared files = tls.get();
        if (files == null) {
            rc.fail(new ApiException(404, "no_tls", "this server speaks plain http (--insecure): there is no CA"));
            return;
        }
        rc.response().putHeader("Content-Type", "application/x-pem-file")
                .sendFile(files.kittCa().toString()).onFailure(rc::fail);
    }

    private void jar(RoutingContext rc) {
        if (!available(rc)) {
            return;
        }
        rc.response().putHeader("Content-Type", "application/java-archive")
                .putHeader("Content-Disposition", "attachment; filename=\"kitt.jar\"")
                .sendFile(jar.toString()).onFailure(rc::fail);
    }

    private void sha(RoutingContext rc) {
        if (!available(rc)) {
            return;
        }
        vertx.executeBlocking(this::sha256, false)
                .onSuccess(sum -> Json.ok(rc, new JsonObject().put("sha256", sum).put("file", "kitt.jar")))
                .onFailure(rc::fail);
    }

    private boolean available(RoutingContext rc) {
        if (jar == null || !Files.isRegularFile(jar)) {
            rc.fail(new ApiException(404, "no_package", "no agent package: this server does not run from a jar "
                    + "(build it with mvn package, or start the server from target/kitt.jar)"));
            return false;
        }
        return true;
    }

    /** Cached per file size and modification time: hashing a large jar on every call would be waste. */
    private synchronized String sha256() throws Exception {
        long stamp = Files.getLastModifiedTime(jar).toMillis() ^ Files.size(jar);
        if (cachedSha == null || stamp != cachedStamp) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            cachedSha = HexFormat.of().formatHex(md.digest());
            cachedStamp = stamp;
        }
        return cachedSha;
    }
}
