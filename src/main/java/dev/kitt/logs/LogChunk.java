package dev.kitt.logs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive log lines of one source received together: line {@code i} has sequence number
 * {@code firstSeq + i}, and all share the time {@code ts} the server received them. The unit the
 * store writes (one row) and the live feed publishes (one message), so neither pays per line.
 */
public record LogChunk(String sourceId, long firstSeq, long ts, List<String> lines) {
    public LogChunk {
        lines = List.copyOf(lines);
    }

    public long lastSeq() {
        return firstSeq + lines.size() - 1;
    }

    /** Lines {@code from..to} (sequence numbers, inclusive) of this chunk. */
    LogChunk slice(long from, long to) {
        return new LogChunk(sourceId, from, ts, lines.subList((int) (from - firstSeq), (int) (to - firstSeq) + 1));
    }

    public List<LogLine> toLines() {
        List<LogLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(new LogLine(sourceId, firstSeq + i, ts, lines.get(i)));
        }
        return out;
    }

    /** The lines as a JSON array of strings, as the store keeps them. */
    String linesJson() {
        StringBuilder sb = new StringBuilder(lines.size() * 96).append('[');
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"");
            JsonText.quote(lines.get(i), sb);
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    static LogChunk fromStore(String sourceId, long firstSeq, long ts, String linesJson) {
        return new LogChunk(sourceId, firstSeq, ts, strings(new JsonArray(linesJson)));
    }

    /** The live message on {@code kitt.logs.live.<sourceId>}. */
    JsonObject toJson() {
        return new JsonObject().put("sourceId", sourceId).put("firstSeq", firstSeq).put("ts", ts)
                .put("lines", new JsonArray(new ArrayList<>(lines)));
    }

    static LogChunk fromJson(JsonObject live) {
        return new LogChunk(live.getString("sourceId"), live.getLong("firstSeq"), live.getLong("ts"),
                strings(live.getJsonArray("lines")));
    }

    /** A batch's lines as text: a null line is empty, anything else its JSON text. */
    static List<String> strings(JsonArray lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Object v = lines.getValue(i);
            out.add(v == null ? "" : v.toString());
        }
        return out;
    }
}
