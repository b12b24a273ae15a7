package dev.kitt.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kitt.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords, JWTs and API tokens never reach a log line, even at DEBUG, whatever the request does. */
class NoSecretsInLogsTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("logins, failed logins, token creation, use and revocation log no password or token")
    void noSecrets() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger kitt = (Logger) LoggerFactory.getLogger("dev.kitt");
        Level before = kitt.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        kitt.setLevel(Level.DEBUG);
        try (TestServer s = TestServer.start(TestServer.config(home, ""))) {
            String jwt = s.token();
            String apiToken = s.post("/api/v1/api-tokens", new JsonObject().put("name", "ci").put("role", "admin")
                    .encode()).bodyAsJsonObject().getString("token");
            s.send(HttpMethod.POST, "/api/v1/auth/login", new JsonObject().put("username", "admin")
                    .put("password", "guessed-password-1").encode(), null);
            s.send(HttpMethod.GET, "/api/v1/results?x=" + apiToken, null, apiToken);
            s.post("/api/v1/users", new JsonObject().put("username", "u1").put("password", "user-password-1").encode());
            String id = s.get("/api/v1/api-tokens").bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
            assertEquals(204, s.delete("/api/v1/api-tokens/" + id).statusCode());
            s.send(HttpMethod.GET, "/api/v1/results", null, apiToken);
            s.send(HttpMethod.GET, "/api/v1/results", null, "kitt_api_forged-token-value");

            List<String> secrets = List.of(TestServer.ADMIN_PASSWORD, jwt, apiToken, apiToken.substring(9),
                    "guessed-password-1", "user-password-1", "forged-token-value");
            assertTrue(captured.list.size() > 0, "the appender sees the server's logs");
            for (ILoggingEvent e : captured.list) {
                String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "a secret in the log: " + line);
                }
            }
        } finally {
            root.detachAppender(captured);
            kitt.setLevel(before);
        }
    }
}
