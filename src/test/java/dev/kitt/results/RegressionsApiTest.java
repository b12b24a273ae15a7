package dev.kitt.results;

import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /results/regressions judges each recent run against the previous comparable one, as kitt ci does. */
class RegressionsApiTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("A slower run is flagged against the previous run of its model and engine, a faster or other one is not")
    void flagsOnlyWorseRuns(String dialect) {
        String url = TestDatabases.urlFor(dialect);
        try (TestServer server = TestServer.start(TestServer.config(home, url))) {
            // vllm/llama: 100 → 80 tokens/s is a regression (and ttft rises); sim/llama 100 → 104 is within 5 %.
            store(server, Fixtures.run("v1", "vllm", "llama", "2026-03-01T10:00:00Z", 100.0));
            store(server, Fixtures.run("s1", "sim", "llama", "2026-03-01T11:00:00Z", 100.0));
            store(server, Fixtures.run("v2", "vllm", "llama", "2026-03-02T10:00:00Z", 80.0));
            store(server, Fixtures.run("s2", "sim", "llama", "2026-03-02T11:00:00Z", 104.0));
            // A later, faster vllm run improves on v2: nothing to flag for it.
            store(server, Fixtures.run("v3", "vllm", "llama", "2026-03-03T10:00:00Z", 120.0));

            JsonObject body = server.get("/api/v1/results/regressions?since=2026-03-01T00:00:00Z").bodyAsJsonObject();
            assertEquals(1, body.getInteger("total"), body.encode());
            JsonObject item = body.getJsonArray("items").getJsonObject(0);
            assertEquals("v2", item.getString("run_id"));
            assertEquals("v1", item.getString("baseline_id"));
            assertEquals("throughput", item.getString("benchmark"));
            JsonArray metrics = item.getJsonArray("regressions");
            JsonObject tput = metrics.stream().map(JsonObject.class::cast)
                    .filter(m -> m.getString("metric").equals("output_tokens_per_s")).findFirst().orElseThrow();
            assertEquals(-20.0, tput.getDouble("change_pct"), 1e-9);
            assertEquals("higher", tput.getString("better"));
            assertTrue(metrics.stream().map(JsonObject.class::cast).anyMatch(m -> m.getString("metric").equals("ttft_ms_p50")
                    && "lower".equals(m.getString("better"))), metrics.encode());

            // A wider threshold forgives a 20 % drop; a window after v2 finds nothing; both are honest empties.
            assertEquals(0, server.get("/api/v1/results/regressions?since=2026-03-01T00:00:00Z&threshold_pct=30")
                    .bodyAsJsonObject().getInteger("total"));
            assertEquals(0, server.get("/api/v1/results/regressions?since=2026-03-03T00:00:00Z")
                    .bodyAsJsonObject().getInteger("total"));
            var bad = server.get("/api/v1/results/regressions?threshold_pct=lots");
            assertEquals(400, bad.statusCode());
            assertEquals("threshold_pct", bad.bodyAsJsonObject().getString("field"));
        }
    }

    private static void store(TestServer server, JsonObject run) {
        assertEquals(201, server.post("/api/v1/results", run.encode()).statusCode());
    }
}
