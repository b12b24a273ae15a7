package dev.kitt.engines.client;

import io.vertx.core.json.JsonObject;

/** What differs between API styles: the path, the request body and how reply lines are read. */
interface WireFormat {
    String path(GenerationRequest request);

    JsonObject body(GenerationRequest request, String model);

    /** One line of a streamed reply; throws {@link MalformedStreamException} on garbage. */
    void streamLine(String line, long nanos, ResultBuilder result);

    /** A complete non-streamed reply body. */
    void wholeBody(JsonObject body, long nanos, ResultBuilder result);
}
