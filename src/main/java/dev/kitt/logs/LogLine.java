package dev.kitt.logs;

import io.vertx.core.json.JsonObject;

/** One stored log line of a source (a test, a campaign, an agent), numbered from 1 per source. */
public record LogLine(String sourceId, long seq, long ts, String line) {
    public JsonObject toJson() {
        return new JsonObject().put("seq", seq).put("ts", ts).put("line", line);
    }

    /** What {@code toJson().encode()} gives, without a JSON generator per line: SSE sends every line this way. */
    public String encode() {
        return encode(seq, ts, line);
    }

    static String encode(long seq, long ts, String line) {
        StringBuilder sb = new StringBuilder(line.length() + 48).append("{\"seq\":").append(seq)
                .append(",\"ts\":").append(ts).append(",\"line\":\"");
        JsonText.quote(line, sb);
        return sb.append("\"}").toString();
    }
}
