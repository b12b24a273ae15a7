package dev.kitt.server;

import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login rate limit, browser security headers, CORS and the optional /metrics token. */
class HardeningTest {
    @TempDir
    Path home;

    private static final String EVIL = "http://evil.example";

    /** What a browser sends before a cross-origin DELETE with a bearer token. */
    private static Map<String, String> preflight(String origin) {
        return Map.of("Origin", origin, "Access-Control-Request-Method", "DELETE",
                "Access-Control-Request-Headers", "authorization");
    }

    private static void assertNoCorsGrant(HttpResponse<Buffer> res, String what) {
        assertNull(res.getHeader("Access-Control-Allow-Origin"), what + " got a CORS grant");
        assertNull(res.getHeader("Access-Control-Allow-Methods"), what);
        assertNull(res.getHeader("Access-Control-Allow-Credentials"), what);
    }

    private static HttpResponse<Buffer> login(TestServer s, String password) {
        return s.send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", password).encode(), null);
    }

    @Test
    @DisplayName("five failed logins for one user and address answer 429 with Retry-After, even with the right password")
    void loginRateLimit() {
        try (TestServer s = TestServer.start(TestServer.config(home, ""))) {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(s, "wrong-" + i).statusCode());
            }
            HttpResponse<Buffer> limited = login(s, TestServer.ADMIN_PASSWORD);
            assertEquals(429, limited.statusCode(), limited.bodyAsString());
            assertEquals("rate_limited", limited.bodyAsJsonObject().getString("code"));
            long retry = Long.parseLong(limited.getHeader("Retry-After"));
            assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        }
    }

    @Test
    @DisplayName("the app and the API carry CSP, frame, referrer and nosniff headers, and CORS stays closed by default")
    void headersAndClosedCors() {
        try (TestServer s = TestServer.start(TestServer.config(home, ""))) {
            for (String path : List.of("/", "/api/v1/health")) {
                HttpResponse<Buffer> res = s.send(HttpMethod.GET, path, null, null);
                assertTrue(res.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
                assertEquals("DENY", res.getHeader("X-Frame-Options"), path);
                assertEquals("nosniff", res.getHeader("X-Content-Type-Options"), path);
                assertEquals("no-referrer", res.getHeader("Referrer-Policy"), path);
            }
            // A browser on another site: a simple cross-origin request and a preflight for a change.
            HttpResponse<Buffer> cross = s.sendWithHeader(HttpMethod.GET, "/api/v1/health", "Origin", EVIL);
            assertEquals(200, cross.statusCode(), "the request itself is served; only the CORS grant is withheld");
            assertNoCorsGrant(cross, "cross-origin GET");
            HttpResponse<Buffer> preflight = s.sendWithHeaders(HttpMethod.OPTIONS, "/api/v1/results/x", preflight(EVIL));
            assertNoCorsGrant(preflight, "preflight");
            assertNoCorsGrant(s.sendWithHeaders(HttpMethod.OPTIONS, "/api/v1/health", preflight(EVIL)), "preflight on a public route");
            assertTrue(s.get("/metrics").bodyAsString().contains("kitt_agent_sockets_connected"));
            assertEquals(200, s.send(HttpMethod.GET, "/metrics", null, null).statusCode(), "open by default");
        }
    }

    @Test
    @DisplayName("a configured origin gets CORS answers, another origin none; /metrics can require a token")
    void corsAllowlistAndMetricsToken() {
        KittConfig cfg = TestServer.config(home, "");
        cfg = cfg.withSecurity(cfg.security().withCorsOrigins(List.of("https://dash.example"))
                .withMetricsRequireToken(true));
        try (TestServer s = TestServer.start(cfg)) {
            HttpResponse<Buffer> allowed = s.sendWithHeader(HttpMethod.GET, "/api/v1/health", "Origin", "https://dash.example");
            assertEquals("https://dash.example", allowed.getHeader("Access-Control-Allow-Origin"));
            HttpResponse<Buffer> allowedPreflight = s.sendWithHeaders(HttpMethod.OPTIONS, "/api/v1/results/x",
                    preflight("https://dash.example"));
            assertTrue(allowedPreflight.statusCode() / 100 == 2, "preflight " + allowedPreflight.statusCode());
            assertEquals("https://dash.example", allowedPreflight.getHeader("Access-Control-Allow-Origin"));
            assertTrue(allowedPreflight.getHeader("Access-Control-Allow-Methods").contains("DELETE"),
                    allowedPreflight.getHeader("Access-Control-Allow-Methods"));
            assertTrue(allowedPreflight.getHeader("Access-Control-Allow-Headers").toLowerCase().contains("authorization"),
                    allowedPreflight.getHeader("Access-Control-Allow-Headers"));
            for (String origin : List.of(EVIL, "https://dash.example.evil.example", "http://dash.example")) {
                HttpResponse<Buffer> other = s.sendWithHeader(HttpMethod.GET, "/api/v1/health", "Origin", origin);
                assertNoCorsGrant(other, "GET from " + origin);
                assertNoCorsGrant(s.sendWithHeaders(HttpMethod.OPTIONS, "/api/v1/results/x", preflight(origin)),
                        "preflight from " + origin);
            }

            HttpResponse<Buffer> anonymous = s.send(HttpMethod.GET, "/metrics", null, null);
            assertEquals(401, anonymous.statusCode());
            assertEquals("unauthorized", anonymous.bodyAsJsonObject().getString("code"));
            String viewerToken = s.post("/api/v1/api-tokens", new JsonObject().put("name", "prometheus")
                    .put("role", "viewer").encode()).bodyAsJsonObject().getString("token");
            HttpResponse<Buffer> scraped = s.send(HttpMethod.GET, "/metrics", null, viewerToken);
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.bodyAsString().contains("kitt_agent_sockets_connected"));
        }
    }
}
