package dev.kitt.results;

import dev.kitt.auth.Secrets;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL for stored runs: runs, their benchmarks, numeric metrics and hardware. An import is one
 * transaction, so a document that fails half way leaves no rows behind.
 */
public final class ResultRepository {
    /** The outcome of an import: the run id, and whether it was new (an identical run_id is not). */
    public record Imported(String id, boolean created) {
    }

    static final String SUMMARY_COLUMNS = "id, kitt_version, suite_name, engine, model, passed, total_benchmarks, "
            + "passed_count, failed_count, total_time_seconds, started_at, created_at, hardware_fingerprint, "
            + "agent_id, source";

    private final Database db;

    public ResultRepository(Database db) {
        this.db = db;
    }

    public Future<Imported> importRun(MetricsDocument doc, String source, String agentId) {
        // Documents without a run_id (the original Python KITT's) get an id derived from their
        // content, so importing the same file twice stores it once.
        String id = doc.runId() != null ? doc.runId()
                : "imp-" + Secrets.sha256(doc.source().encode()).substring(0, 32);
        return db.inTransaction(conn -> db.query(conn, "SELECT id FROM runs WHERE id = ?", id).compose(existing -> {
            if (existing.size() > 0) {
                return Future.succeededFuture(new Imported(id, false));
            }
            return insertRun(conn, id, doc, source, agentId).map(new Imported(id, true));
        }));
    }

    private Future<Void> insertRun(SqlConnection conn, String id, MetricsDocument doc, String source, String agentId) {
        JsonObject stored = doc.source().copy().put("run_id", id);
        Future<?> run = db.query(conn, "INSERT INTO runs (" + SUMMARY_COLUMNS + ", document) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, doc.kittVersion(), doc.suiteName(), doc.engine(), doc.model(), doc.passed() ? 1 : 0,
                doc.totalBenchmarks(), doc.passedCount(), doc.failedCount(), doc.totalTimeSeconds(),
                doc.startedAt(), System.currentTimeMillis(), doc.hardwareFingerprint(), agentId, source,
                stored.encode());
        if (doc.hardware() != null) {
            run = run.compose(v -> db.query(conn, "INSERT INTO hardware (run_id, fingerprint, info) VALUES (?, ?, ?)",
                    id, doc.hardwareFingerprint(), doc.hardware().encode()));
        }
        List<Tuple> benchmarks = new ArrayList<>();
        List<Tuple> metrics = new ArrayList<>();
        for (MetricsDocument.Benchmark b : doc.benchmarks()) {
            String bid = UUID.randomUUID().toString();
            benchmarks.add(Tuple.of(bid, id, b.testName(), b.testVersion(), b.runNumber(), b.passed() ? 1 : 0,
                    b.at(), new JsonArray(new ArrayList<>(b.errors())).encode()));
            for (Map.Entry<String, Double> m : b.metrics().entrySet()) {
                metrics.add(Tuple.of(bid, id, m.getKey(), m.getValue()));
            }
        }
        if (!benchmarks.isEmpty()) {
            run = run.compose(v -> conn.preparedQuery(db.dialect().sql("INSERT INTO benchmarks "
                            + "(id, run_id, test_name, test_version, run_number, passed, at, errors) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")).executeBatch(benchmarks));
        }
        if (!metrics.isEmpty()) {
            run = run.compose(v -> conn.preparedQuery(db.dialect().sql(
                    "INSERT INTO metrics (benchmark_id, run_id, name, value) VALUES (?, ?, ?, ?)")).executeBatch(metrics));
        }
        return run.mapEmpty();
    }

    public Future<JsonObject> list(ResultQuery q) {
        List<Object> params = new ArrayList<>();
        String where = q.where(params);
        Future<Long> total = db.query("SELECT COUNT(*) AS n FROM runs" + where, params.toArray())
                .map(rs -> rs.iterator().next().getLong("n"));
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(q.perPage());
        pageParams.add((long) (q.page() - 1) * q.perPage());
        Future<JsonArray> items = db.query("SELECT " + SUMMARY_COLUMNS + " FROM runs" + where
                        + " ORDER BY started_at DESC, id LIMIT ? OFFSET ?", pageParams.toArray())
                .map(rs -> {
                    JsonArray out = new JsonArray();
                    rs.forEach(row -> out.add(summary(row)));
                    return out;
                });
        return Future.all(total, items).map(v -> new JsonObject()
                .put("items", items.result()).put("total", total.result())
                .put("page", q.page()).put("per_page", q.perPage()));
    }

    /** The stored document with the summary fields the store added; null when absent. */
    public Future<JsonObject> get(String id) {
        return db.query("SELECT " + SUMMARY_COLUMNS + ", document FROM runs WHERE id = ?", id).map(rs -> {
            if (rs.size() == 0) {
                return null;
            }
            Row row = rs.iterator().next();
            return summary(row).put("document", new JsonObject(row.getString("document")));
        });
    }

    public Future<Boolean> delete(String id) {
        return db.inTransaction(conn -> db.query(conn, "DELETE FROM metrics WHERE run_id = ?", id)
                .compose(v -> db.query(conn, "DELETE FROM benchmarks WHERE run_id = ?", id))
                .compose(v -> db.query(conn, "DELETE FROM hardware WHERE run_id = ?", id))
                .compose(v -> db.query(conn, "DELETE FROM runs WHERE id = ?", id))
                .map(rs -> rs.rowCount() > 0));
    }

    /** Every numeric metric of the given runs: (run_id, test_name, run_number, name, value) rows. */
    public Future<List<Row>> metricsOf(List<String> runIds) {
        String marks = String.join(", ", runIds.stream().map(x -> "?").toList());
        return db.query("SELECT m.run_id, b.test_name, b.run_number, m.name, m.value FROM metrics m "
                        + "JOIN benchmarks b ON b.id = m.benchmark_id WHERE m.run_id IN (" + marks + ") "
                        + "ORDER BY b.test_name, m.name", runIds.toArray())
                .map(rs -> {
                    List<Row> rows = new ArrayList<>();
                    rs.forEach(rows::add);
                    return rows;
                });
    }

    /** Runs started at or after {@code since}, newest first. */
    public Future<List<JsonObject>> startedSince(long since, int limit) {
        return summaryList("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE started_at >= ? "
                + "ORDER BY started_at DESC, id LIMIT ?", since, limit);
    }

    /** The latest runs of one model × engine started at or before {@code until}, newest first. */
    public Future<List<JsonObject>> latestOf(String model, String engine, long until, int limit) {
        return summaryList("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE model = ? AND engine = ? "
                + "AND started_at <= ? ORDER BY started_at DESC, id LIMIT ?", model, engine, until, limit);
    }

    private Future<List<JsonObject>> summaryList(String sql, Object... params) {
        return db.query(sql, params).map(rs -> {
            List<JsonObject> out = new ArrayList<>();
            rs.forEach(row -> out.add(summary(row)));
            return out;
        });
    }

    public Future<List<JsonObject>> summaries(List<String> runIds) {
        String marks = String.join(", ", runIds.stream().map(x -> "?").toList());
        return db.query("SELECT " + SUMMARY_COLUMNS + " FROM runs WHERE id IN (" + marks + ")", runIds.toArray())
                .map(rs -> {
                    List<JsonObject> out = new ArrayList<>();
                    rs.forEach(row -> out.add(summary(row)));
                    return out;
                });
    }

    /** Per group (model or engine): count, mean, min, max and stddev of one metric over the filtered runs. */
    public Future<JsonArray> aggregate(String groupColumn, String metric, String benchmark, ResultQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        q.conditions(params, "r.").forEach(c -> where.append(" AND ").append(c));
        List<Object> all = new ArrayList<>();
        all.add(metric);
        String benchmarkClause = "";
        if (benchmark != null) {
            benchmarkClause = " AND b.test_name = ?";
            all.add(benchmark);
        }
        all.addAll(params);
        return db.query("SELECT r." + groupColumn + " AS grp, COUNT(DISTINCT r.id) AS runs, COUNT(*) AS n, "
                        + "AVG(m.value) AS mean, MIN(m.value) AS min, MAX(m.value) AS max, "
                        + "AVG(m.value * m.value) AS mean_sq FROM metrics m "
                        + "JOIN benchmarks b ON b.id = m.benchmark_id JOIN runs r ON r.id = m.run_id "
                        + "WHERE m.name = ?" + benchmarkClause + where
                        + " GROUP BY r." + groupColumn + " ORDER BY r." + groupColumn, all.toArray())
                .map(rs -> {
                    JsonArray groups = new JsonArray();
                    rs.forEach(row -> {
                        long n = row.getLong("n");
                        double mean = row.getDouble("mean");
                        double variance = Math.max(0, row.getDouble("mean_sq") - mean * mean) * (n > 1 ? n / (n - 1.0) : 0);
                        groups.add(new JsonObject().put("key", row.getString("grp")).put("runs", row.getLong("runs"))
                                .put("count", n).put("mean", mean).put("min", row.getDouble("min"))
                                .put("max", row.getDouble("max")).put("stddev", Math.sqrt(variance)));
                    });
                    return groups;
                });
    }

    public Future<Long> count() {
        return db.query("SELECT COUNT(*) AS n FROM runs").map(rs -> rs.iterator().next().getLong("n"));
    }

    static JsonObject summary(Row row) {
        return new JsonObject()
                .put("id", row.getString("id"))
                .put("kitt_version", row.getString("kitt_version"))
                .put("suite_name", row.getString("suite_name"))
                .put("engine", row.getString("engine"))
                .put("model", row.getString("model"))
                .put("passed", row.getLong("passed") != 0)
                .put("total_benchmarks", row.getLong("total_benchmarks"))
                .put("passed_count", row.getLong("passed_count"))
                .put("failed_count", row.getLong("failed_count"))
                .put("total_time_seconds", row.getDouble("total_time_seconds"))
                .put("started_at", row.getLong("started_at"))
                .put("created_at", row.getLong("created_at"))
                .put("hardware_fingerprint", row.getString("hardware_fingerprint"))
                .put("agent_id", row.getString("agent_id"))
                .put("source", row.getString("source"));
    }
}
