package dev.kitt.campaigns;

import dev.kitt.agents.FleetOptions;
import dev.kitt.campaigns.slo.Slos;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign's SLOs are checked against every succeeded run's stored result; the rollup shows the verdicts. */
class CampaignSloTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("objectives are max_/min_ bounds on metrics; the worst benchmark decides and unmeasured ones fail")
    void checks() {
        JsonObject doc = new JsonObject().put("results", new JsonArray()
                .add(new JsonObject().put("test_name", "throughput").put("metrics", new JsonObject()
                        .put("output_tokens_per_s", 120.0).put("error_rate", 0.0)))
                .add(new JsonObject().put("test_name", "streaming_latency").put("metrics", new JsonObject()
                        .put("ttft_ms_p99", 80.0).put("error_rate", 0.25))));
        Slos ok = Slos.parse(new JsonObject().put("min_output_tokens_per_s", 100).put("max_ttft_ms_p99", 100));
        assertTrue(ok.check(doc).passed());
        Slos.Verdict bad = Slos.parse(new JsonObject().put("max_error_rate", 0).put("max_gpu_memory_peak_mb", 1000))
                .check(doc);
        assertFalse(bad.passed());
        assertTrue(bad.reason().contains("error_rate 0.250 > max 0 (streaming_latency)"), bad.reason());
        assertTrue(bad.reason().contains("gpu_memory_peak_mb not measured"), bad.reason());
        assertEquals("slos.p99 is not an objective: use max_<metric> or min_<metric>, e.g. max_ttft_ms_p99: 500 or "
                + "min_output_tokens_per_s: 40", assertThrows(SpecException.class,
                () -> Slos.parse(new JsonObject().put("p99", 5))).getMessage());
        assertThrows(SpecException.class, () -> Slos.parse(new JsonObject().put("max_ttft_ms_p99", "fast")));
    }

    private static String campaign(String name, String agent, String slos) {
        return """
                campaign_name: %s
                models:
                  - name: m1
                    gguf_repo: org/m1-GGUF
                engines:
                  - name: llama_cpp
                    suite: quick
                agents: [%s]
                slos: %s
                """.formatted(name, agent, slos);
    }

    private static JsonObject runToEnd(TestServer server, String yaml) {
        var created = server.post("/api/v1/campaigns", new JsonObject().put("yaml", yaml).put("launch", true).encode());
        assertEquals(201, created.statusCode(), created.bodyAsString());
        String id = created.bodyAsJsonObject().getString("id");
        Poll.until(Duration.ofSeconds(90), () -> server.get("/api/v1/campaigns/" + id).bodyAsJsonObject()
                .getString("status"), s -> !"running".equals(s), "the campaign to finish");
        return server.get("/api/v1/campaigns/" + id + "/report").bodyAsJsonObject().put("id", id);
    }

    @Test
    @DisplayName("each succeeded run gets an SLO verdict with its reason, counted and shown in both rollups")
    void enforced() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")),
                FleetOptions.fast())) {
            String agent = server.post("/api/v1/agents/test", "{\"name\":\"sim\",\"hardware\":{\"gpu\":\"H100\"}}")
                    .bodyAsJsonObject().getString("id");
            var bad = server.post("/api/v1/campaigns", new JsonObject()
                    .put("yaml", campaign("bad", agent, "{fastest: 1}")).encode());
            assertEquals(400, bad.statusCode(), bad.bodyAsString());
            assertTrue(bad.bodyAsJsonObject().getString("error").contains("slos.fastest"), bad.bodyAsString());

            JsonObject met = runToEnd(server, campaign("met", agent, "{min_output_tokens_per_s: 1, max_error_rate: 0}"));
            assertEquals(1L, met.getJsonObject("counts").getLong("succeeded"), met.encode());
            assertEquals(1L, met.getJsonObject("counts").getLong("slo_passed"));
            assertEquals(0L, met.getJsonObject("counts").getLong("slo_failed"));
            assertEquals("passed", met.getJsonArray("runs").getJsonObject(0).getJsonObject("slo").getString("status"));

            JsonObject missed = runToEnd(server, campaign("missed", agent, "{min_output_tokens_per_s: 1000000000}"));
            assertEquals("completed", missed.getJsonObject("campaign").getString("status"),
                    "an SLO miss is a finding, not a failed run");
            assertEquals(1L, missed.getJsonObject("counts").getLong("slo_failed"), missed.encode());
            JsonObject slo = missed.getJsonArray("runs").getJsonObject(0).getJsonObject("slo");
            assertEquals("failed", slo.getString("status"));
            assertTrue(slo.getString("reason").matches("output_tokens_per_s [0-9.e+]+ < min 1000000000 \\((throughput|streaming_latency)\\)"),
                    slo.getString("reason"));
            String md = server.get("/api/v1/campaigns/" + missed.getString("id") + "/report?format=md").bodyAsString();
            assertTrue(md.contains("SLOs: 0 passed, 1 failed"), md);
            assertTrue(md.contains("FAILED: output_tokens_per_s"), md);

            JsonObject none = runToEnd(server, campaign("none", agent, "{}"));
            assertNull(none.getJsonArray("runs").getJsonObject(0).getValue("slo"));
            assertEquals(0L, none.getJsonObject("counts").getLong("slo_passed"));
        }
    }
}
