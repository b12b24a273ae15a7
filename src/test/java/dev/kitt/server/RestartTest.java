package dev.kitt.server;

import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a server stored is there after a restart, and tokens it issued stay valid. */
class RestartTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("results and logins survive a server restart")
    void dataSurvivesRestart(String dialect) {
        var config = TestServer.config(home, TestDatabases.urlFor(dialect));
        String token;
        try (TestServer first = TestServer.start(config)) {
            assertEquals(dialect, first.send(HttpMethod.GET, "/api/v1/health", null, null)
                    .bodyAsJsonObject().getString("database"));
            assertEquals(201, first.post("/api/v1/results", Fixtures.pythonMetrics()).statusCode());
            token = first.token();
        }
        try (TestServer second = TestServer.start(config)) {
            var res = second.send(HttpMethod.GET, "/api/v1/results", null, token);
            assertEquals(200, res.statusCode(), res.bodyAsString());
            assertEquals(1L, res.bodyAsJsonObject().getLong("total"));
        }
    }
}
