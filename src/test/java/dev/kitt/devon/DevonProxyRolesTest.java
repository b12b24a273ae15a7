package dev.kitt.devon;

import dev.kitt.cli.Await;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Roles through the Devon proxy, against a stand-in Devon on a loopback socket that records every
 * request it gets: Devon receives the admin-configured API key, so a viewer's change must stop at
 * KITT and never reach it.
 */
class DevonProxyRolesTest {
    @TempDir
    Path home;
    private final Vertx vertx = Vertx.vertx();
    private final List<String> seenByDevon = new CopyOnWriteArrayList<>();
    private TestServer server;
    private WebClient web;
    private String viewer;

    @BeforeEach
    void start() {
        HttpServer devon = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            seenByDevon.add(req.method().name() + " " + req.uri() + " " + req.getHeader("X-API-Key"));
            req.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("method", req.method().name()).encode());
        })).listen(0, "127.0.0.1"));
        server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")));
        assertEquals(200, server.put("/api/v1/settings", new JsonObject()
                .put("devon_url", "http://127.0.0.1:" + devon.actualPort()).put("devon_api_key", "devon-admin-key")
                .encode()).statusCode());
        assertEquals(201, server.post("/api/v1/users", new JsonObject().put("username", "vera")
                .put("password", "viewer-password").put("role", "viewer").encode()).statusCode());
        HttpResponse<Buffer> login = server.send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", "vera").put("password", "viewer-password").encode(), null);
        viewer = login.bodyAsJsonObject().getString("token");
        web = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        server.close();
        Await.result(vertx.close());
    }

    private HttpResponse<Buffer> proxy(HttpMethod method, String path, String token) {
        return Await.result(web.request(method, server.port(), "127.0.0.1", path)
                .putHeader("Cookie", "kitt_token=" + token)
                .sendBuffer(Buffer.buffer(method == HttpMethod.GET || method == HttpMethod.HEAD ? "" : "{}")));
    }

    @Test
    @DisplayName("A viewer reads through the Devon proxy but its DELETE and POST stop at KITT with 403, unseen by Devon")
    void viewerReadsOnly() {
        HttpResponse<Buffer> read = proxy(HttpMethod.GET, "/devon-app/api/models", viewer);
        assertEquals(200, read.statusCode(), read.bodyAsString());
        assertEquals("GET", read.bodyAsJsonObject().getString("method"));
        assertEquals(200, proxy(HttpMethod.HEAD, "/devon-app/api/models", viewer).statusCode());
        assertEquals(List.of("GET /api/models devon-admin-key", "HEAD /api/models devon-admin-key"), seenByDevon);

        for (HttpMethod m : List.of(HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH)) {
            HttpResponse<Buffer> refused = proxy(m, "/devon-app/api/models/x", viewer);
            assertEquals(403, refused.statusCode(), m + ": " + refused.bodyAsString());
            JsonObject body = refused.bodyAsJsonObject();
            assertEquals("forbidden", body.getString("code"));
            assertFalse(body.getString("error").isBlank());
        }
        assertEquals(2, seenByDevon.size(), "Devon never saw a viewer's change: " + seenByDevon);
    }

    @Test
    @DisplayName("An admin's DELETE goes through the Devon proxy with Devon's API key")
    void adminChanges() {
        HttpResponse<Buffer> res = proxy(HttpMethod.DELETE, "/devon-app/api/models/x", server.token());
        assertEquals(200, res.statusCode(), res.bodyAsString());
        assertEquals(List.of("DELETE /api/models/x devon-admin-key"), seenByDevon);
    }
}
