package dev.kitt.bench;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * A finished run.
 *
 * @param storedId   the result store's id for the run, or null when storing failed
 * @param storeError why storing failed, or null
 */
public record RunOutcome(String runId, boolean passed, JsonObject metricsJson, Path outputDir, String storedId,
                         String storeError) {
}
