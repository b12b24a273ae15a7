package dev.kitt.results;

import dev.kitt.bench.RunSink;
import dev.kitt.config.ConfigLoader;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Map;

/**
 * Stores a run finished by the CLI in the user's result store: the SQLite file under KITT_HOME,
 * or the PostgreSQL named by KITT_DATABASE_URL / conf/kitt.yaml. The store is opened for the one
 * import and closed again, so a CLI run never holds it longer than needed.
 */
public final class StoreRunSink implements RunSink {
    private final Vertx vertx;
    private final Path home;

    public StoreRunSink(Vertx vertx, Path home) {
        this.vertx = vertx;
        this.home = home;
    }

    @Override
    public Future<String> store(JsonObject metricsJson) {
        MetricsDocument doc;
        try {
            doc = MetricsDocument.from(metricsJson);
        } catch (InvalidDocumentException e) {
            return Future.failedFuture(e);
        }
        return ConfigLoader.load(vertx, null, System.getenv(), Map.of("home", home.toString()))
                .compose(config -> Database.open(vertx, config))
                .compose(db -> new ResultRepository(db).importRun(doc, "run", null)
                        .eventually(db::close))
                .map(ResultRepository.Imported::id);
    }
}
