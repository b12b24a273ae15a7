package dev.kitt.cli.results;

import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import dev.kitt.config.KittConfig;
import dev.kitt.results.InvalidDocumentException;
import dev.kitt.results.JsonDocumentParser;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultQuery;
import dev.kitt.results.ResultRepository;
import dev.kitt.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The result store under KITT_HOME (or the configured PostgreSQL), opened for one command. */
public final class LocalResultsClient implements ResultsClient {
    private final Vertx vertx;
    private final Database db;
    private final ResultRepository results;

    public LocalResultsClient(KittConfig config) {
        this.vertx = Vertx.vertx();
        try {
            this.db = Await.result(Database.open(vertx, config));
        } catch (RuntimeException e) {
            vertx.close();
            throw new CliException("cannot open the store: " + e.getMessage(), e);
        }
        this.results = new ResultRepository(db);
    }

    @Override
    public JsonObject list(ResultQuery query) {
        return Await.result(results.list(query));
    }

    @Override
    public JsonObject importDocument(String metricsJson) {
        MetricsDocument doc;
        try {
            doc = MetricsDocument.from(JsonDocumentParser.parseObject(metricsJson));
        } catch (InvalidDocumentException e) {
            throw new CliException(e.getMessage());
        }
        ResultRepository.Imported r = Await.result(results.importRun(doc, "cli", null));
        return new JsonObject().put("id", r.id()).put("created", r.created());
    }

    @Override
    public JsonObject get(String id) {
        return Await.result(results.get(id));
    }

    @Override
    public void close() {
        // Two separate waits: a future chained onto vertx.close() would be scheduled on an event
        // loop that is shutting down and might never complete.
        try {
            Await.result(db.close());
        } finally {
            Await.result(vertx.close());
        }
    }
}
