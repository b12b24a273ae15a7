package dev.kitt.auth;

import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API tokens and user management over real HTTP, on SQLite and PostgreSQL. */
class ApiTokensAndUsersTest {
    @TempDir
    Path home;

    private static HttpResponse<Buffer> as(TestServer s, String token, HttpMethod m, String path, JsonObject body) {
        return s.send(m, path, body == null ? null : body.encode(), token);
    }

    @EveryDialect
    @DisplayName("the api_tokens table holds the SHA-256 of each token and never the token itself")
    void tokensStoredHashed(String dialect) throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            String token = s.post("/api/v1/api-tokens", new JsonObject().put("name", "ci").put("role", "viewer")
                    .encode()).bodyAsJsonObject().getString("token");
            assertEquals(200, as(s, token, HttpMethod.GET, "/api/v1/results", null).statusCode(), "the token works");
            String secret = token.substring("kitt_api_".length());
            // Every column of every row, straight from the table.
            RowSet<Row> rows = Await.result(s.server().context().db().query("SELECT * FROM api_tokens"));
            assertEquals(1, rows.size());
            Row row = rows.iterator().next();
            for (int i = 0; i < row.size(); i++) {
                String value = String.valueOf(row.getValue(i));
                assertFalse(value.contains(secret), "column " + row.getColumnName(i) + " holds the token");
            }
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, row.getString("token_hash"));
            if ("sqlite".equals(dialect)) {
                // Nor anywhere in the database files (main file, WAL, journal).
                try (var files = Files.list(home)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("kitt.db")).toList()) {
                        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        assertFalse(bytes.contains(secret), f + " holds the token");
                    }
                }
            }
        }
    }

    @EveryDialect
    @DisplayName("an API token is shown once, listed without its secret, works with its role, and stops at once when revoked")
    void tokenLifecycle(String dialect) {
        try (TestServer s = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            HttpResponse<Buffer> created = s.post("/api/v1/api-tokens",
                    new JsonObject().put("name", "ci").put("role", "viewer").encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String token = created.bodyAsJsonObject().getString("token");
            String id = created.bodyAsJsonObject().getString("id");
            assertTrue(token.startsWith("kitt_api_"), token);

            JsonArray listed = s.get("/api/v1/api-tokens").bodyAsJsonObject().getJsonArray("items");
            assertEquals(1, listed.size());
            assertFalse(listed.encode().contains(token.substring(9)), "the list must not carry the secret");
            assertNull(listed.getJsonObject(0).getValue("last_used_at"));

            assertEquals(200, as(s, token, HttpMethod.GET, "/api/v1/results", null).statusCode());
            assertEquals("api_token", as(s, token, HttpMethod.GET, "/api/v1/users/me", null).bodyAsJsonObject()
                    .getString("kind"));
            assertEquals(403, as(s, token, HttpMethod.POST, "/api/v1/results", new JsonObject()).statusCode());
            assertNotNull(s.get("/api/v1/api-tokens").bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
                    .getLong("last_used_at"), "use is recorded");

            assertEquals(204, s.delete("/api/v1/api-tokens/" + id).statusCode());
            HttpResponse<Buffer> after = as(s, token, HttpMethod.GET, "/api/v1/results", null);
            assertEquals(401, after.statusCode());
            assertTrue(after.bodyAsJsonObject().getString("error").contains("revoked"), after.bodyAsString());
            assertEquals(404, s.delete("/api/v1/api-tokens/nope").statusCode());

            HttpResponse<Buffer> admin = s.post("/api/v1/api-tokens",
                    new JsonObject().put("name", "deploy").put("role", "admin").encode());
            String adminToken = admin.bodyAsJsonObject().getString("token");
            assertEquals(201, as(s, adminToken, HttpMethod.POST, "/api/v1/api-tokens",
                    new JsonObject().put("name", "nested").put("role", "viewer")).statusCode());
            assertEquals(400, s.post("/api/v1/api-tokens", new JsonObject().put("name", "x").put("role", "root")
                    .encode()).statusCode());
        }
    }

    @EveryDialect
    @DisplayName("admins create, change and delete users; the last admin stays; users change their own password")
    void users(String dialect) {
        try (TestServer s = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            HttpResponse<Buffer> created = s.post("/api/v1/users", new JsonObject().put("username", "olga")
                    .put("password", "first-password").encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String id = created.bodyAsJsonObject().getString("id");
            assertEquals("viewer", created.bodyAsJsonObject().getString("role"));
            assertEquals(409, s.post("/api/v1/users", new JsonObject().put("username", "olga")
                    .put("password", "first-password").encode()).statusCode());
            assertEquals(400, s.post("/api/v1/users", new JsonObject().put("username", "x")
                    .put("password", "short").encode()).statusCode());
            assertEquals(2, s.get("/api/v1/users").bodyAsJsonObject().getJsonArray("items").size());

            String olga = AccessControlTestSupport.login(s, "olga", "first-password");
            assertEquals(403, as(s, olga, HttpMethod.POST, "/api/v1/users/me/password", new JsonObject()
                    .put("current_password", "wrong-password").put("new_password", "second-password")).statusCode());
            assertEquals(204, as(s, olga, HttpMethod.POST, "/api/v1/users/me/password", new JsonObject()
                    .put("current_password", "first-password").put("new_password", "second-password")).statusCode());
            AccessControlTestSupport.login(s, "olga", "second-password");

            HttpResponse<Buffer> promoted = as(s, s.token(), HttpMethod.PATCH, "/api/v1/users/" + id,
                    new JsonObject().put("role", "admin"));
            assertEquals("admin", promoted.bodyAsJsonObject().getString("role"), promoted.bodyAsString());
            assertEquals(201, as(s, olga, HttpMethod.POST, "/api/v1/api-tokens",
                    new JsonObject().put("name", "olga-ci").put("role", "viewer")).statusCode(),
                    "a role change applies to tokens already issued");

            assertEquals(200, as(s, s.token(), HttpMethod.PATCH, "/api/v1/users/" + id,
                    new JsonObject().put("disabled", true)).statusCode());
            assertEquals(401, as(s, olga, HttpMethod.GET, "/api/v1/results", null).statusCode(),
                    "a disabled user's token stops at once");

            String adminId = s.get("/api/v1/users/me").bodyAsJsonObject().getString("id");
            HttpResponse<Buffer> last = s.delete("/api/v1/users/" + adminId);
            assertEquals(409, last.statusCode(), last.bodyAsString());
            assertEquals(204, s.delete("/api/v1/users/" + id).statusCode());
            assertEquals(404, s.get("/api/v1/users/" + id).statusCode());
        }
    }
}
