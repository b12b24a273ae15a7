package dev.kitt.agents;

import dev.kitt.server.metrics.DashboardQueries;
import dev.kitt.server.metrics.PrometheusText;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /metrics moves with the real fleet, not only with facts a test publishes: a real agent daemon
 * connecting, and a run it finishes (a real child process standing in for `kitt run`), show in
 * the scrape, and the finished run is a run.completed domain event.
 */
class FleetMetricsTest {
    @TempDir
    Path serverHome;
    @TempDir
    Path agentHome;
    @TempDir
    Path work;

    private static double value(TestServer s, String name, String... labels) {
        PrometheusText t = PrometheusText.parse(s.get("/metrics").bodyAsString());
        Double v = t.value(name, labels);
        return v == null ? 0 : v;
    }

    @Test
    @DisplayName("a real agent connecting and a run it finishes move the sockets, agents and runs series")
    void realFleetMovesSeries() throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(serverHome, ""), FleetOptions.fast())) {
            assertEquals(0.0, value(s, "kitt_agent_sockets_connected"));
            double passedBefore = value(s, "kitt_runs_total", "outcome", "passed");

            String agentId = FleetHarness.enroll(s, agentHome, "gpu-metrics");
            Path gate = work.resolve("gate");
            Files.createFile(gate);
            try (FleetHarness.Agent agent = new FleetHarness.Agent(agentHome,
                    FleetHarness.standInCommand(gate, work.resolve("count")))) {
                Poll.until(Duration.ofSeconds(20), () -> value(s, "kitt_agent_sockets_connected"), v -> v == 1.0,
                        "the agent's socket in the scrape");
                assertTrue(value(s, "kitt_agent_heartbeat_age_seconds", "agent", agentId) >= 0);

                String cmd = FleetHarness.submit(s, agentId,
                        "{\"type\":\"run_test\",\"payload\":{\"model\":\"tiny-model\",\"engine\":\"sim\"}}");
                Poll.until(Duration.ofSeconds(30), () -> FleetHarness.command(s, cmd).getString("state"),
                        "succeeded"::equals, "the run to finish");
                Poll.until(Duration.ofSeconds(20), () -> value(s, "kitt_runs_total", "outcome", "passed"),
                        v -> v == passedBefore + 1, "the finished run in kitt_runs_total");
                assertEquals(1.0, value(s, "kitt_commands_total", "type", "run_test", "outcome", "succeeded"));
                JsonArray events = s.get("/api/v1/events").bodyAsJsonObject().getJsonArray("items");
                assertTrue(events.stream().anyMatch(e -> e.toString().contains("run.completed")
                        && e.toString().contains(agentId)), events.encode());
            }
            Poll.until(Duration.ofSeconds(20), () -> value(s, "kitt_agent_sockets_connected"), v -> v == 0.0,
                    "the socket to leave the scrape when the agent stops");
        }
    }

    @Test
    @DisplayName("a real agent's failed run moves kitt_runs_total{outcome=failed}, and every series the Grafana dashboard queries is in the scrape")
    void failedRunAndDashboardSeries() throws Exception {
        try (TestServer s = TestServer.start(TestServer.config(serverHome, ""), FleetOptions.fast())) {
            double passedBefore = value(s, "kitt_runs_total", "outcome", "passed");
            String agentId = FleetHarness.enroll(s, agentHome, "gpu-dashboard");
            Path gate = work.resolve("gate");
            Files.createFile(gate);
            try (FleetHarness.Agent agent = new FleetHarness.Agent(agentHome,
                    FleetHarness.standInCommand(gate, work.resolve("count")))) {
                Poll.until(Duration.ofSeconds(20), () -> value(s, "kitt_agent_sockets_connected"), v -> v == 1.0,
                        "the agent's socket in the scrape");
                // The stand-in reports passed: false for a model named *failing*.
                String cmd = FleetHarness.submit(s, agentId,
                        "{\"type\":\"run_test\",\"payload\":{\"model\":\"failing-model\",\"engine\":\"sim\"}}");
                Poll.until(Duration.ofSeconds(30), () -> value(s, "kitt_runs_total", "outcome", "failed"),
                        v -> v == 1.0, "the failed run in kitt_runs_total");
                assertEquals(passedBefore, value(s, "kitt_runs_total", "outcome", "passed"), "not counted as passed");
                Poll.until(Duration.ofSeconds(30), () -> FleetHarness.command(s, cmd).getString("state"),
                        st -> st.equals("succeeded") || st.equals("failed"), "the command to finish");

                // A server that has seen an agent, a command and a run: the dashboard's queries
                // must all name series it really exports.
                PrometheusText scrape = PrometheusText.parse(s.get("/metrics").bodyAsString());
                Set<String> queried = DashboardQueries.metricNames(Path.of("docs/grafana/kitt-dashboard.json"));
                assertTrue(queried.containsAll(Set.of("kitt_agents", "kitt_runs_total",
                        "kitt_command_dispatch_seconds_bucket", "kitt_benchmark_result",
                        "vertx_http_server_requests_total")), "the reader finds the dashboard's series: " + queried);
                Set<String> missing = new TreeSet<>(queried);
                missing.removeAll(scrape.names());
                assertEquals(Set.of(), missing, "dashboard series absent from a real scrape");
            }
        }
    }
}
