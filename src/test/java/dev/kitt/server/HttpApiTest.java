package dev.kitt.server;

import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API over a real server on loopback with the embedded SQLite store. */
class HttpApiTest {
    @TempDir
    static Path home;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(home, ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(HttpResponse<Buffer> res, int status, String code, String messagePart) {
        assertEquals(status, res.statusCode(), res.bodyAsString());
        assertTrue(res.getHeader("Content-Type").startsWith("application/json"), res.getHeader("Content-Type"));
        JsonObject body = res.bodyAsJsonObject();
        assertEquals(code, body.getString("code"), body.encode());
        assertTrue(body.getString("error").contains(messagePart), body.encode());
    }

    @Test
    @DisplayName("on Linux the server runs on the epoll transport, not the JDK's NIO")
    void epollTransport() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "epoll is Linux only");
        assertTrue(server.server().vertx().isNativeTransportEnabled(),
                () -> "native transport unavailable: " + server.server().vertx().unavailableNativeTransportCause());
    }

    @Test
    @DisplayName("health and version answer without a token")
    void publicEndpoints() {
        HttpResponse<Buffer> health = server.send(HttpMethod.GET, "/api/v1/health", null, null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.bodyAsJsonObject().getString("status"));
        assertEquals("sqlite", health.bodyAsJsonObject().getString("database"));
        HttpResponse<Buffer> version = server.send(HttpMethod.GET, "/api/v1/version", null, null);
        assertEquals(200, version.statusCode());
        assertTrue(version.bodyAsJsonObject().getString("version").startsWith("0."));
    }

    @Test
    @DisplayName("every other endpoint needs a valid bearer token")
    void protectedEndpointsNeedToken() {
        assertError(server.send(HttpMethod.GET, "/api/v1/results", null, null), 401, "unauthorized", "bearer");
        assertError(server.send(HttpMethod.GET, "/api/v1/results", null, "not-a-jwt"), 401, "unauthorized", "token");
    }

    @Test
    @DisplayName("login with a wrong password is 401; with the admin password it returns a working JWT")
    void login() {
        assertError(server.send(HttpMethod.POST, "/api/v1/auth/login",
                        new JsonObject().put("username", "admin").put("password", "wrong").encode(), null),
                401, "unauthorized", "wrong username or password");
        assertError(server.send(HttpMethod.POST, "/api/v1/auth/login", "{}", null), 400, "invalid_field", "username");
        assertEquals(200, server.get("/api/v1/results").statusCode());
    }

    @Test
    @DisplayName("an imported metrics.json can be listed, filtered, fetched, compared, aggregated and deleted")
    void resultsLifecycle() {
        HttpResponse<Buffer> created = server.post("/api/v1/results",
                Fixtures.run("api-a", "vllm", "llama-8b", "2026-03-01T10:00:00Z", 100).encode());
        assertEquals(201, created.statusCode(), created.bodyAsString());
        assertEquals("api-a", created.bodyAsJsonObject().getString("id"));
        assertEquals(200, server.post("/api/v1/results",
                Fixtures.run("api-a", "vllm", "llama-8b", "2026-03-01T10:00:00Z", 100).encode()).statusCode());
        assertEquals(201, server.post("/api/v1/results",
                Fixtures.run("api-b", "vllm", "llama-8b", "2026-03-02T10:00:00Z", 125).encode()).statusCode());
        String pythonId = server.post("/api/v1/results", Fixtures.pythonMetrics()).bodyAsJsonObject().getString("id");

        JsonObject list = server.get("/api/v1/results?engine=vllm&model=llama-8b&per_page=10").bodyAsJsonObject();
        assertEquals(2L, list.getLong("total"));
        assertEquals("api-b", list.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(10, list.getInteger("per_page"));
        JsonObject since = server.get("/api/v1/results?engine=vllm&since=2026-03-02T00:00:00Z").bodyAsJsonObject();
        assertEquals(1L, since.getLong("total"));

        JsonObject one = server.get("/api/v1/results/" + pythonId).bodyAsJsonObject();
        assertEquals("llama_cpp", one.getString("engine"));
        assertEquals("NVIDIA RTX A6000", one.getJsonObject("document").getJsonObject("system_info")
                .getJsonObject("gpu").getString("model"));

        JsonObject cmp = server.post("/api/v1/results/compare",
                new JsonObject().put("ids", new JsonArray().add("api-a").add("api-b")).encode()).bodyAsJsonObject();
        JsonObject tps = cmp.getJsonArray("metrics").stream().map(JsonObject.class::cast)
                .filter(m -> m.getString("metric").equals("output_tokens_per_s")).findFirst().orElseThrow();
        assertEquals(new JsonArray().add(100.0).add(125.0), tps.getJsonArray("values"));
        assertEquals(25.0, tps.getJsonArray("delta_pct").getDouble(1), 1e-9);
        assertEquals(200, server.get("/api/v1/results/compare?ids=api-a,api-b").statusCode());
        assertError(server.get("/api/v1/results/compare?ids=api-a,nope"), 404, "not_found", "nope");
        assertError(server.get("/api/v1/results/compare?ids=api-a"), 400, "bad_request", "between 2 and 50");

        JsonObject agg = server.get("/api/v1/results/aggregate?group_by=model&metric=output_tokens_per_s")
                .bodyAsJsonObject();
        JsonObject group = agg.getJsonArray("groups").getJsonObject(0);
        assertEquals("llama-8b", group.getString("key"));
        assertEquals(112.5, group.getDouble("mean"), 1e-9);
        assertError(server.get("/api/v1/results/aggregate?group_by=gpu&metric=x"), 400, "invalid_parameter", "group_by");
        assertError(server.get("/api/v1/results/aggregate"), 400, "bad_request", "metric");

        assertEquals(204, server.delete("/api/v1/results/api-a").statusCode());
        assertError(server.get("/api/v1/results/api-a"), 404, "not_found", "api-a");
        assertError(server.delete("/api/v1/results/api-a"), 404, "not_found", "api-a");
    }

    @Test
    @DisplayName("a malformed or truncated metrics.json is 400 naming the JSON path, and stores nothing")
    void invalidDocuments() {
        long before = server.get("/api/v1/results").bodyAsJsonObject().getLong("total");
        JsonObject wrongType = Fixtures.run("bad-1", "vllm", "m", "2026-01-01T00:00:00Z", 1);
        wrongType.getJsonArray("results").getJsonObject(0).put("passed", "yes");
        assertError(server.post("/api/v1/results", wrongType.encode()), 400, "invalid_metrics_document",
                "$.results[0].passed");
        JsonObject missing = Fixtures.run("bad-2", "vllm", "m", "2026-01-01T00:00:00Z", 1);
        missing.remove("engine");
        assertError(server.post("/api/v1/results", missing.encode()), 400, "invalid_metrics_document", "$.engine");
        String python = Fixtures.pythonMetrics();
        String truncated = python.substring(0, python.indexOf("\"metrics\"") + 40);
        assertError(server.post("/api/v1/results", truncated), 400, "invalid_metrics_document", "$.results[0].metrics");
        assertError(server.post("/api/v1/results", "[1,2]"), 400, "invalid_metrics_document", "$");
        assertEquals(before, server.get("/api/v1/results").bodyAsJsonObject().getLong("total"));
    }

    @Test
    @DisplayName("unknown routes, wrong methods, oversize and non-JSON bodies get JSON errors, never a 500")
    void badRequests() {
        String token = server.token();
        assertError(server.get("/api/v1/no-such-thing"), 404, "not_found", "/api/v1/no-such-thing");
        assertError(server.send(HttpMethod.PUT, "/api/v1/health", null, null), 405, "method_not_allowed", "PUT");
        assertError(server.send(HttpMethod.PATCH, "/api/v1/results", "{}", token), 405, "method_not_allowed", "PATCH");
        String huge = "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertError(server.post("/api/v1/results", huge), 413, "body_too_large", "size limit");
        assertError(server.send(HttpMethod.POST, "/api/v1/auth/login", "{not json", null), 400, "bad_json", "not valid JSON");
        assertError(server.get("/api/v1/results?page=0"), 400, "invalid_parameter", "page");
        assertError(server.get("/api/v1/results?since=yesterday"), 400, "invalid_parameter", "since");
    }

    @Test
    @DisplayName("/metrics serves Prometheus text with the Vert.x HTTP server metrics")
    void prometheusMetrics() {
        server.send(HttpMethod.GET, "/api/v1/health", null, null);
        HttpResponse<Buffer> res = server.send(HttpMethod.GET, "/metrics", null, null);
        assertEquals(200, res.statusCode());
        assertTrue(res.bodyAsString().contains("vertx_http_server_requests_total"), "no Vert.x HTTP metrics");
    }

    @Test
    @DisplayName("the web app shell is served, and page routes fall back to index.html")
    void webApp() {
        HttpResponse<Buffer> index = server.send(HttpMethod.GET, "/", null, null);
        assertEquals(200, index.statusCode());
        assertTrue(index.bodyAsString().contains("<title>KITT</title>"));
        HttpResponse<Buffer> deep = server.send(HttpMethod.GET, "/results/some-id", null, null);
        assertEquals(200, deep.statusCode());
        assertTrue(deep.bodyAsString().contains("<title>KITT</title>"));
        assertEquals(404, server.send(HttpMethod.GET, "/missing.js", null, null).statusCode());
    }
}
