package dev.kitt.testing;

import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.server.KittServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.file.Path;

/**
 * A real KITT server in this JVM on a free loopback port, plus a real HTTP client. Calls block
 * the test thread (never an event loop) so tests read top to bottom.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final KittServer server;
    private final Vertx clientVertx = Vertx.vertx();
    private final WebClient client;
    private String token;

    private TestServer(KittServer server) {
        this.server = server;
        WebClientOptions options = new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port());
        var tls = server.http().tlsFiles();
        if (tls != null) {
            // Over TLS (a test that leaves --insecure off) the helper trusts KITT's own CA.
            options.setSsl(true).setTrustOptions(new io.vertx.core.net.PemTrustOptions()
                    .addCertPath(tls.kittCa().toString()));
        }
        this.client = WebClient.create(clientVertx, options);
    }

    public static KittConfig config(Path home, String databaseUrl) {
        return new KittConfig(home, "127.0.0.1", 0, databaseUrl, true, false, 1024 * 1024, 60,
                ADMIN_PASSWORD, Path.of("webroot"), 5);
    }

    public static TestServer start(KittConfig config) {
        return new TestServer(Await.result(KittServer.start(config)));
    }

    /** With the fleet's intervals (tests use {@code FleetOptions.fast()}). */
    public static TestServer start(KittConfig config, dev.kitt.agents.FleetOptions fleet) {
        return new TestServer(Await.result(KittServer.start(config, fleet)));
    }

    public KittServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** Logs in as admin once and remembers the token. */
    public String token() {
        if (token == null) {
            HttpResponse<Buffer> res = send(HttpMethod.POST, "/api/v1/auth/login",
                    new JsonObject().put("username", "admin").put("password", ADMIN_PASSWORD).encode(), null);
            if (res.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + res.bodyAsString());
            }
            token = res.bodyAsJsonObject().getString("token");
        }
        return token;
    }

    public HttpResponse<Buffer> get(String path) {
        return send(HttpMethod.GET, path, null, token());
    }

    public HttpResponse<Buffer> post(String path, String json) {
        return send(HttpMethod.POST, path, json, token());
    }

    public HttpResponse<Buffer> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, token());
    }

    public HttpResponse<Buffer> patch(String path, String json) {
        return send(HttpMethod.PATCH, path, json, token());
    }

    public HttpResponse<Buffer> delete(String path) {
        return send(HttpMethod.DELETE, path, null, token());
    }

    public HttpResponse<Buffer> send(HttpMethod method, String path, String body, String bearer) {
        HttpRequest<Buffer> req = client.request(method, path);
        if (bearer != null) {
            req.bearerTokenAuthentication(bearer);
        }
        if (body == null) {
            return Await.result(req.send());
        }
        return Await.result(req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
    }

    /** An unauthenticated GET-like request carrying one extra header (Origin for CORS, for instance). */
    public HttpResponse<Buffer> sendWithHeader(HttpMethod method, String path, String header, String value) {
        return sendWithHeaders(method, path, java.util.Map.of(header, value));
    }

    /** An unauthenticated request without a body carrying these headers (a CORS preflight, for instance). */
    public HttpResponse<Buffer> sendWithHeaders(HttpMethod method, String path, java.util.Map<String, String> headers) {
        HttpRequest<Buffer> req = client.request(method, path);
        headers.forEach(req::putHeader);
        return Await.result(req.send());
    }

    @Override
    public void close() {
        Await.result(server.stop());
        Await.result(clientVertx.close());
    }
}
