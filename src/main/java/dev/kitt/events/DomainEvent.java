package dev.kitt.events;

import io.vertx.core.json.JsonObject;

/** A stored domain event; seq orders all events of the installation. */
public record DomainEvent(long seq, String type, String sourceId, long at, JsonObject body) {
    public JsonObject toJson() {
        return new JsonObject().put("seq", seq).put("type", type).put("source_id", sourceId)
                .put("at", at).put("body", body);
    }

    public static DomainEvent fromJson(JsonObject json) {
        return new DomainEvent(json.getLong("seq"), json.getString("type"), json.getString("source_id"),
                json.getLong("at"), json.getJsonObject("body", new JsonObject()));
    }
}
