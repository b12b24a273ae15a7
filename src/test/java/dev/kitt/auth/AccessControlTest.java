package dev.kitt.auth;

import dev.kitt.cli.Await;
import dev.kitt.server.ApiException;
import dev.kitt.store.SettingsRepository;
import dev.kitt.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every protected route of the running router, driven from the router itself: no token, a bad
 * signature, an expired token, an agent token and a viewer on a change all get 401/403 JSON.
 */
class AccessControlTest {
    private static final Set<String> PUBLIC = Set.of("GET /metrics", "GET /api/v1/health", "GET /api/v1/version",
            "GET /api/v1/openapi.yaml", "POST /api/v1/auth/login", "GET /api/v1/agent/install.sh",
            "GET /api/v1/agent/package", "GET /api/v1/agent/package/sha256", "GET /api/v1/agent/ca.pem",
            "POST /api/v1/agents/enroll");
    /** The agent's own route: an agent token is exactly what it takes. */
    private static final String AGENT_ROUTE = "GET /api/v1/agents/connect";
    private static final Set<String> VIEWER_WRITES = Set.of("POST /api/v1/results/compare",
            "POST /api/v1/users/me/password");
    /**
     * Every prefix route of the root router and how it is guarded. A new prefix route fails
     * {@link #prefixRoutesAreKnown()} until it is listed here with a check of its own.
     */
    private static final Set<String> PREFIX_ROUTES = Set.of(
            "* /api/v1/*",      // the API sub-router: its routes are walked by protectedRoutes()
            "* /devon-app/*",   // the Devon proxy: kitt_token cookie, then roles (devonProxy test)
            "GET /webjars/*",   // browser libraries: public static files, GET only
            "GET /*");          // the SPA: public static files, GET only
    private static String agentToken;

    @TempDir
    static Path home;
    static TestServer server;
    static Vertx vertx = Vertx.vertx();
    static String viewer;
    static String badSignature;
    static String expired;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(home, ""));
        // A real agent token, through enrollment as a GPU host gets one.
        String enrollToken = server.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject().getString("token");
        HttpResponse<Buffer> enrolled = server.send(HttpMethod.POST, "/api/v1/agents/enroll",
                new JsonObject().put("enroll_token", enrollToken).put("name", "gpu-1").encode(), null);
        assertEquals(201, enrolled.statusCode(), enrolled.bodyAsString());
        agentToken = enrolled.bodyAsJsonObject().getString("token");
        assertEquals(201, server.post("/api/v1/users", new JsonObject().put("username", "vera")
                .put("password", "viewer-password").put("role", "viewer").encode()).statusCode());
        viewer = login("vera", "viewer-password");
        String secret = Await.result(new SettingsRepository(server.server().context().db()).get("auth.jwt_secret"));
        String adminId = server.get("/api/v1/users/me").bodyAsJsonObject().getString("id");
        JsonObject claims = new JsonObject().put("sub", adminId).put("name", "admin").put("role", "admin");
        badSignature = jwt("a-different-secret-of-enough-length-0123456789").generateToken(claims,
                new JWTOptions().setExpiresInMinutes(10));
        expired = jwt(secret).generateToken(claims.copy().put("exp", System.currentTimeMillis() / 1000 - 120)
                .put("iat", System.currentTimeMillis() / 1000 - 3600), new JWTOptions());
    }

    @AfterAll
    static void stop() {
        server.close();
        Await.result(vertx.close());
    }

    static JWTAuth jwt(String secret) {
        return JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    }

    static String login(String user, String password) {
        HttpResponse<Buffer> res = server.send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", user).put("password", password).encode(), null);
        assertEquals(200, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getString("token");
    }

    static void assertJsonError(HttpResponse<Buffer> res, int status, String code, String what) {
        assertEquals(status, res.statusCode(), what + ": " + res.bodyAsString());
        JsonObject body = res.bodyAsJsonObject();
        assertEquals(code, body.getString("code"), what);
        assertFalse(body.getString("error").isBlank(), what);
    }

    /** The router's protected routes with path parameters filled in. */
    static List<String[]> protectedRoutes() {
        List<String[]> out = new ArrayList<>();
        for (String route : server.server().http().routes()) {
            if (!PUBLIC.contains(route)) {
                String[] parts = route.split(" ", 2);
                out.add(new String[]{parts[0], parts[1].replaceAll(":[A-Za-z_]+", "x"), route});
            }
        }
        assertTrue(out.size() >= 10, "expected the users, tokens and results routes: " + out.size());
        return out;
    }

    @Test
    @DisplayName("every protected route refuses a missing token, a bad signature and an expired token with 401 JSON")
    void unauthenticated() {
        for (String[] r : protectedRoutes()) {
            HttpMethod m = HttpMethod.valueOf(r[0]);
            String body = m == HttpMethod.GET ? null : "{}";
            assertJsonError(server.send(m, r[1], body, null), 401, "unauthorized", "no token on " + r[2]);
            assertJsonError(server.send(m, r[1], body, badSignature), 401, "unauthorized", "bad signature on " + r[2]);
            assertJsonError(server.send(m, r[1], body, expired), 401, "unauthorized", "expired token on " + r[2]);
        }
    }

    @Test
    @DisplayName("an agent token gets 403 on every user endpoint")
    void agentTokenOnUserEndpoints() {
        for (String[] r : protectedRoutes()) {
            if (r[2].equals(AGENT_ROUTE)) {
                continue;
            }
            HttpMethod m = HttpMethod.valueOf(r[0]);
            assertJsonError(server.send(m, r[1], m == HttpMethod.GET ? null : "{}", agentToken), 403, "forbidden",
                    "agent token on " + r[2]);
        }
        assertJsonError(server.send(HttpMethod.GET, "/api/v1/results", null, "kitt_agent_wrong"), 401,
                "unauthorized", "unknown agent token");
    }

    @Test
    @DisplayName("a viewer gets 403 on every change and on admin-only reads, and may still read and compare")
    void viewerOnAdminActions() {
        for (String[] r : protectedRoutes()) {
            HttpMethod m = HttpMethod.valueOf(r[0]);
            if (m != HttpMethod.GET && !VIEWER_WRITES.contains(r[2])) {
                assertJsonError(server.send(m, r[1], "{}", viewer), 403, "forbidden", "viewer on " + r[2]);
            }
        }
        assertJsonError(server.send(HttpMethod.GET, "/api/v1/users", null, viewer), 403, "forbidden", "list users");
        assertJsonError(server.send(HttpMethod.GET, "/api/v1/api-tokens", null, viewer), 403, "forbidden", "list tokens");
        assertEquals(200, server.send(HttpMethod.GET, "/api/v1/results", null, viewer).statusCode());
        assertEquals("viewer", server.send(HttpMethod.GET, "/api/v1/users/me", null, viewer).bodyAsJsonObject()
                .getString("role"));
    }

    @Test
    @DisplayName("the router's prefix routes are exactly the known, guarded ones")
    void prefixRoutesAreKnown() {
        assertEquals(new java.util.TreeSet<>(PREFIX_ROUTES), server.server().http().prefixRoutes(),
                "a new prefix route needs an access check and an entry in PREFIX_ROUTES");
    }

    @Test
    @DisplayName("the Devon proxy refuses a missing, forged or expired cookie with 401 and a viewer's change with 403")
    void devonProxy() {
        for (HttpMethod m : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            String path = "/devon-app/api/models/x";
            assertJsonError(devon(m, path, null), 401, "unauthorized", "no cookie, " + m);
            assertJsonError(devon(m, path, badSignature), 401, "unauthorized", "bad signature, " + m);
            assertJsonError(devon(m, path, expired), 401, "unauthorized", "expired, " + m);
            assertJsonError(devon(m, path, agentToken), 401, "unauthorized", "agent token, " + m);
            if (m != HttpMethod.GET) {
                assertJsonError(devon(m, path, viewer), 403, "forbidden", "viewer " + m);
            }
        }
        // Past the role check, with no Devon configured here: the viewer's read and the admin's
        // change both reach the settings lookup.
        assertJsonError(devon(HttpMethod.GET, "/devon-app/", viewer), 404, "devon_not_configured", "viewer GET");
        assertJsonError(devon(HttpMethod.DELETE, "/devon-app/api/models/x", server.token()), 404,
                "devon_not_configured", "admin DELETE");
    }

    private static HttpResponse<Buffer> devon(HttpMethod method, String path, String cookie) {
        return cookie == null ? server.send(method, path, null, null)
                : server.sendWithHeader(method, path, "Cookie", "kitt_token=" + cookie);
    }
}
