package dev.kitt.logs;

import io.vertx.core.json.JsonObject;

/** One stored log line of a source (a test, a campaign, an agent), numbered from 1 per source. */
public record LogLine(String sourceId, long seq, long ts, String line) {
    public JsonObject toJson() {
        return new JsonObject().put("seq", seq).put("ts", ts).put("line", line);
    }
}
