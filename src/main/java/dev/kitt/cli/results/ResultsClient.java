package dev.kitt.cli.results;

import dev.kitt.results.ResultQuery;
import io.vertx.core.json.JsonObject;

/**
 * What `kitt results` needs from a result store, either the local one under KITT_HOME or a
 * server's API (with --server). Calls block: the CLI thread is not an event loop.
 */
public interface ResultsClient extends AutoCloseable {
    JsonObject list(ResultQuery query);

    /** Imports one metrics.json text; returns {"id", "created"}. */
    JsonObject importDocument(String metricsJson);

    /** The stored run with its document, or null. */
    JsonObject get(String id);

    @Override
    void close();
}
