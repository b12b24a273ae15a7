package dev.kitt.results;

import dev.kitt.cli.Await;
import dev.kitt.store.Database;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result store, run against every dialect: SQLite and PostgreSQL. */
class ResultRepositoryTest {
    @TempDir
    Path home;

    private Vertx vertx;
    private Database db;
    private ResultRepository repo;

    private void open(String dialect) {
        vertx = Vertx.vertx();
        db = Await.result(Database.open(vertx, TestServer.config(home, TestDatabases.urlFor(dialect))));
        repo = new ResultRepository(db);
    }

    @AfterEach
    void close() {
        if (db != null) {
            Await.result(db.close());
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    private ResultRepository.Imported importDoc(JsonObject doc) {
        return Await.result(repo.importRun(MetricsDocument.from(doc), "test", null));
    }

    @EveryDialect
    @DisplayName("a metrics.json written by the original Python KITT imports unchanged and reads back whole")
    void importsPythonKittDocument(String dialect) {
        open(dialect);
        JsonObject original = new JsonObject(Fixtures.pythonMetrics());
        ResultRepository.Imported r = importDoc(original);
        assertTrue(r.created());

        JsonObject stored = Await.result(repo.get(r.id()));
        assertEquals("llama_cpp", stored.getString("engine"));
        assertEquals("performance", stored.getString("suite_name"));
        assertFalse(stored.getBoolean("passed"));
        assertEquals(2L, stored.getLong("total_benchmarks"));
        JsonObject doc = stored.getJsonObject("document");
        assertEquals(original.getJsonObject("system_info"), doc.getJsonObject("system_info"));
        assertEquals(original.getJsonArray("results"), doc.getJsonArray("results"));
        // The zone-less Python timestamp is read as UTC.
        assertEquals(java.time.Instant.parse("2026-02-02T18:04:11.202Z").toEpochMilli(), stored.getLong("started_at"));
    }

    @EveryDialect
    @DisplayName("importing a run_id that is already stored is success and adds nothing")
    void duplicateRunIdIsIdempotent(String dialect) {
        open(dialect);
        JsonObject doc = Fixtures.run("run-1", "vllm", "m", "2026-01-01T00:00:00Z", 100);
        assertTrue(importDoc(doc).created());
        ResultRepository.Imported again = importDoc(doc);
        assertFalse(again.created());
        assertEquals("run-1", again.id());
        assertEquals(1L, Await.result(repo.count()));
        assertEquals(1, Await.result(repo.metricsOf(List.of("run-1"))).stream()
                .filter(r -> r.getString("name").equals("output_tokens_per_s")).count());
    }

    @EveryDialect
    @DisplayName("lists filter by model, engine, suite and time, newest first, with paging")
    void listFiltersAndPages(String dialect) {
        open(dialect);
        importDoc(Fixtures.run("a", "vllm", "llama", "2026-01-01T00:00:00Z", 100));
        importDoc(Fixtures.run("b", "vllm", "qwen", "2026-01-02T00:00:00Z", 110));
        importDoc(Fixtures.run("c", "ollama", "llama", "2026-01-03T00:00:00Z", 90));

        JsonObject all = Await.result(repo.list(ResultQuery.all(1, 2)));
        assertEquals(3L, all.getLong("total"));
        assertEquals(List.of("c", "b"), ids(all.getJsonArray("items")));
        assertEquals(List.of("a"), ids(Await.result(repo.list(ResultQuery.all(2, 2))).getJsonArray("items")));

        JsonObject vllm = Await.result(repo.list(new ResultQuery(null, "vllm", null, null, null, null, null, 1, 50)));
        assertEquals(List.of("b", "a"), ids(vllm.getJsonArray("items")));
        JsonObject llama = Await.result(repo.list(new ResultQuery("llama", null, "quick", null, null, null, null, 1, 50)));
        assertEquals(List.of("c", "a"), ids(llama.getJsonArray("items")));
        long jan2 = java.time.Instant.parse("2026-01-02T00:00:00Z").toEpochMilli();
        JsonObject since = Await.result(repo.list(new ResultQuery(null, null, null, jan2, null, null, null, 1, 50)));
        assertEquals(List.of("c", "b"), ids(since.getJsonArray("items")));
    }

    @EveryDialect
    @DisplayName("aggregating a metric by engine gives count, mean, min, max and stddev per engine")
    void aggregatesByEngine(String dialect) {
        open(dialect);
        importDoc(Fixtures.run("a", "vllm", "llama", "2026-01-01T00:00:00Z", 100));
        importDoc(Fixtures.run("b", "vllm", "qwen", "2026-01-02T00:00:00Z", 120));
        importDoc(Fixtures.run("c", "ollama", "llama", "2026-01-03T00:00:00Z", 90));

        JsonArray groups = Await.result(repo.aggregate("engine", "output_tokens_per_s", null,
                ResultQuery.all(1, 50)));
        assertEquals(2, groups.size());
        JsonObject ollama = groups.getJsonObject(0);
        JsonObject vllm = groups.getJsonObject(1);
        assertEquals("ollama", ollama.getString("key"));
        assertEquals(90.0, ollama.getDouble("mean"), 1e-9);
        assertEquals("vllm", vllm.getString("key"));
        assertEquals(2L, vllm.getLong("count"));
        assertEquals(110.0, vllm.getDouble("mean"), 1e-9);
        assertEquals(100.0, vllm.getDouble("min"), 1e-9);
        assertEquals(120.0, vllm.getDouble("max"), 1e-9);
        assertEquals(Math.sqrt(200), vllm.getDouble("stddev"), 1e-6);
    }

    @EveryDialect
    @DisplayName("deleting a run removes its benchmarks, metrics and hardware too")
    void deleteRemovesEverything(String dialect) {
        open(dialect);
        String id = importDoc(new JsonObject(Fixtures.pythonMetrics())).id();
        assertTrue(Await.result(repo.delete(id)));
        assertNull(Await.result(repo.get(id)));
        assertTrue(Await.result(repo.metricsOf(List.of(id))).isEmpty());
        assertFalse(Await.result(repo.delete(id)));
    }

    @EveryDialect
    @DisplayName("a malformed document is refused before anything is written")
    void malformedDocumentWritesNothing(String dialect) {
        open(dialect);
        JsonObject bad = Fixtures.run("x", "vllm", "m", "2026-01-01T00:00:00Z", 100);
        bad.getJsonArray("results").getJsonObject(0).put("passed", "yes");
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> MetricsDocument.from(bad));
        assertEquals("$.results[0].passed", e.path());
        assertEquals(0L, Await.result(repo.count()));
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }
}
