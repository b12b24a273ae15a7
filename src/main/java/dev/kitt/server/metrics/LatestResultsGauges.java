package dev.kitt.server.metrics;

import dev.kitt.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * kitt_benchmark_result{model, engine, benchmark, metric}: every metric of the latest run per
 * (model, engine), averaged over that run's repetitions, so Grafana charts results over time
 * from Prometheus' own history. Re-read from the store on demand; rows that disappear go away.
 */
final class LatestResultsGauges {
    private static final String SQL = "SELECT r.model, r.engine, b.test_name, m.name, AVG(m.value) AS value "
            + "FROM runs r JOIN benchmarks b ON b.run_id = r.id JOIN metrics m ON m.benchmark_id = b.id "
            + "WHERE r.started_at = (SELECT MAX(r2.started_at) FROM runs r2 "
            + "WHERE r2.model = r.model AND r2.engine = r.engine) "
            + "GROUP BY r.model, r.engine, b.test_name, m.name";

    private final Database db;
    private final MultiGauge gauge;

    LatestResultsGauges(Database db, MeterRegistry registry) {
        this.db = db;
        this.gauge = MultiGauge.builder("kitt.benchmark.result")
                .description("latest stored result per model, engine, benchmark and metric").register(registry);
    }

    Future<Void> refresh() {
        return db.query(SQL).map(rs -> {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Row r : rs) {
                rows.add(MultiGauge.Row.of(Tags.of("model", r.getString("model"), "engine", r.getString("engine"),
                        "benchmark", r.getString("test_name"), "metric", r.getString("name")),
                        r.getNumeric("value").doubleValue()));
            }
            gauge.register(rows, true);
            return null;
        });
    }
}
