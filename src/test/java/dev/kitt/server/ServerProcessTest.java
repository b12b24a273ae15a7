package dev.kitt.server;

import dev.kitt.testing.Fixtures;
import dev.kitt.testing.ServerProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as a user runs it: a real process, stopped with SIGTERM, started again. */
class ServerProcessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    private static HttpResponse<String> call(int port, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a first start prints the admin's one-time password; SIGTERM stops cleanly; data survives")
    void firstStartStopAndRestart() throws Exception {
        String password;
        try (ServerProcess first = ServerProcess.start(home, Map.of())) {
            int port = first.awaitPort(Duration.ofSeconds(60));
            assertEquals(200, call(port, "GET", "/api/v1/health", null, null).statusCode());
            String out = first.output();
            int at = out.indexOf("one-time password: ");
            assertTrue(at > 0, out);
            password = out.substring(at + "one-time password: ".length()).lines().findFirst().orElseThrow().trim();
            String token = login(port, password);
            assertEquals(201, call(port, "POST", "/api/v1/results", Fixtures.pythonMetrics(), token).statusCode());

            first.terminate(Duration.ofSeconds(30));
            assertTrue(first.output().contains("KITT stopped"), first.output());
        }
        assertTrue(Files.exists(home.resolve("kitt.db")));

        try (ServerProcess second = ServerProcess.start(home, Map.of())) {
            int port = second.awaitPort(Duration.ofSeconds(60));
            assertTrue(!second.output().contains("one-time password"), "a second start must not create another admin");
            String token = login(port, password);
            HttpResponse<String> list = call(port, "GET", "/api/v1/results", null, token);
            assertTrue(list.body().contains("\"total\":1"), list.body());
            second.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName("an invalid environment value stops start-up with one line naming the key, exit code 1")
    void invalidEnvironment() throws Exception {
        try (ServerProcess bad = ServerProcess.start(home, Map.of("KITT_DATABASE_URL", "mysql://db/kitt"))) {
            assertEquals(1, bad.awaitExit(Duration.ofSeconds(60)));
            assertTrue(bad.output().contains("kitt: invalid configuration: database.url: must be a postgresql:// URL"),
                    bad.output());
        }
    }

    private static String login(int port, String password) throws Exception {
        HttpResponse<String> res = call(port, "POST", "/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}", null);
        assertEquals(200, res.statusCode(), res.body());
        return new io.vertx.core.json.JsonObject(res.body()).getString("token");
    }
}
