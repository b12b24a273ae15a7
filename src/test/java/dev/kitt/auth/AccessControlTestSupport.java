package dev.kitt.auth;

import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Logging in as someone other than the test server's admin. */
final class AccessControlTestSupport {
    private AccessControlTestSupport() {
    }

    static String login(TestServer s, String user, String password) {
        HttpResponse<Buffer> res = s.send(HttpMethod.POST, "/api/v1/auth/login",
                new JsonObject().put("username", user).put("password", password).encode(), null);
        assertEquals(200, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getString("token");
    }
}
