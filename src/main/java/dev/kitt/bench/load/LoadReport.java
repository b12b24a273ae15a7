package dev.kitt.bench.load;

import dev.kitt.engines.client.RequestResult;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The outcome of one load run: metrics, the token-count source, the first errors seen, and
 * (when asked for) every measured request so tests can compare them with the sim's truth.
 */
public record LoadReport(JsonObject metrics, String tokenCountSource, List<String> sampleErrors,
                         List<RequestResult> results, double scheduleLagMsP99) {
}
