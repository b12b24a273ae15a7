package dev.kitt.server.metrics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard reader keeps metric names and drops functions, groupings, matchers, ranges and variables. */
class DashboardQueriesTest {
    @Test
    @DisplayName("metric names are read out of PromQL, without functions, grouping labels, matchers or variables")
    void readsMetricNames() {
        assertEquals(Set.of("kitt_command_dispatch_seconds_bucket"), DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(kitt_command_dispatch_seconds_bucket[5m])))"));
        assertEquals(Set.of("kitt_benchmark_result"), DashboardQueries.metricNames(
                "kitt_benchmark_result{metric=~\"$metric\", model=~\"$model\"}"));
        assertEquals(Set.of("kitt_runs_total"), DashboardQueries.metricNames(
                "sum by (outcome) (increase(kitt_runs_total[24h])) * 60"));
        assertEquals(Set.of("a_total", "b_total"), DashboardQueries.metricNames(
                "sum(rate(a_total[$__rate_interval])) / ignoring (x) sum(rate(b_total[5m])) and on (y) a_total"));
        assertEquals(Set.of("kitt_benchmark_result"), DashboardQueries.metricNames("label_values(kitt_benchmark_result, model)"));
        assertEquals(Set.of(), DashboardQueries.metricNames("label_values(model)"));
    }

    @Test
    @DisplayName("the shipped dashboard under docs/ is the one in the jar's resources")
    void docsLinkToResources() throws Exception {
        assertEquals(Files.readString(Path.of("src/main/resources/grafana/kitt-dashboard.json")),
                Files.readString(Path.of("docs/grafana/kitt-dashboard.json")));
    }
}
