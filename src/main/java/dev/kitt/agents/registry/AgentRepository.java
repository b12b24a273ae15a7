package dev.kitt.agents.registry;

import dev.kitt.auth.Secrets;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

/** SQL for agent records, their tokens and their settings: the one place these tables are written. */
public final class AgentRepository {
    public static final String TOKEN_PREFIX = "kitt_agent_";
    private static final String COLUMNS = "id, name, status, hostname, version, hardware, engines, tags, notes, "
            + "is_test, created_at, last_heartbeat_at, last_heartbeat, revoked_at";

    private final Database db;

    public AgentRepository(Database db) {
        this.db = db;
    }

    /** A new agent and its token (returned once, only the hash is kept). */
    public record Created(String id, String token) {
    }

    public Future<Created> create(io.vertx.sqlclient.SqlClient client, String name, String hostname,
                                  JsonObject hardware, boolean test) {
        String id = UUID.randomUUID().toString();
        String token = Secrets.token(TOKEN_PREFIX);
        long now = System.currentTimeMillis();
        return db.query(client, "INSERT INTO agents (id, name, token_hash, status, hostname, hardware, engines, tags, "
                        + "is_test, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, name, Secrets.sha256(token), test ? "online" : "offline", hostname,
                        hardware == null ? null : hardware.encode(), test ? "[\"sim\"]" : "[]", "[]", test ? 1 : 0, now)
                .compose(r -> db.query(client, "INSERT INTO agent_settings (agent_id, settings, updated_at) VALUES (?, ?, ?)",
                        id, AgentSettings.defaults().encode(), now))
                .map(r -> new Created(id, token));
    }

    public Future<Created> create(String name, String hostname, JsonObject hardware, boolean test) {
        return create(db.pool(), name, hostname, hardware, test);
    }

    /** The agent a token belongs to, or null when the token is unknown or revoked. */
    public Future<JsonObject> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Future.succeededFuture(null);
        }
        return db.query("SELECT " + COLUMNS + " FROM agents WHERE token_hash = ?", Secrets.sha256(token))
                .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()))
                .map(a -> a == null || a.getValue("revoked_at") != null ? null : a);
    }

    public Future<JsonObject> get(String id) {
        return db.query("SELECT " + COLUMNS + " FROM agents WHERE id = ?", id)
                .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
    }

    public Future<JsonArray> list() {
        return db.query("SELECT " + COLUMNS + " FROM agents ORDER BY created_at, id").map(rows -> {
            JsonArray out = new JsonArray();
            rows.forEach(r -> out.add(toJson(r)));
            return out;
        });
    }

    public Future<Boolean> update(String id, String name, JsonArray tags, String notes) {
        return db.query("UPDATE agents SET name = COALESCE(?, name), tags = COALESCE(?, tags), "
                        + "notes = COALESCE(?, notes) WHERE id = ?", name, tags == null ? null : tags.encode(), notes, id)
                .map(r -> r.rowCount() > 0);
    }

    public Future<Boolean> delete(String id) {
        return db.inTransaction(conn -> db.query(conn, "DELETE FROM agent_settings WHERE agent_id = ?", id)
                .compose(r -> db.query(conn, "DELETE FROM agents WHERE id = ?", id))
                .map(r -> r.rowCount() > 0));
    }

    /** A fresh token for the agent; the old one stops working at once. Null when no such agent. */
    public Future<String> rotateToken(String id) {
        String token = Secrets.token(TOKEN_PREFIX);
        return db.query("UPDATE agents SET token_hash = ?, revoked_at = NULL WHERE id = ?", Secrets.sha256(token), id)
                .map(r -> r.rowCount() > 0 ? token : null);
    }

    public Future<Boolean> revoke(String id) {
        return db.query("UPDATE agents SET revoked_at = ?, status = 'offline' WHERE id = ?",
                System.currentTimeMillis(), id).map(r -> r.rowCount() > 0);
    }

    public Future<Void> recordHello(String id, String version, String hostname, JsonObject hardware, JsonArray engines) {
        return db.query("UPDATE agents SET version = ?, hostname = COALESCE(?, hostname), "
                                + "hardware = COALESCE(?, hardware), engines = ? WHERE id = ?", version, hostname,
                        hardware == null ? null : hardware.encode(), engines == null ? "[]" : engines.encode(), id)
                .mapEmpty();
    }

    public Future<JsonObject> settings(String id) {
        return db.query("SELECT settings FROM agent_settings WHERE agent_id = ?", id)
                .map(rows -> rows.size() == 0 ? null
                        : AgentSettings.defaults().mergeIn(new JsonObject(rows.iterator().next().getString(0))));
    }

    public Future<Void> putSettings(String id, JsonObject settings) {
        return db.query("UPDATE agent_settings SET settings = ?, updated_at = ? WHERE agent_id = ?",
                settings.encode(), System.currentTimeMillis(), id).mapEmpty();
    }

    static JsonObject toJson(Row r) {
        return new JsonObject()
                .put("id", r.getString("id"))
                .put("name", r.getString("name"))
                .put("status", r.getString("status"))
                .put("hostname", r.getString("hostname"))
                .put("version", r.getString("version"))
                .put("hardware", parse(r.getString("hardware")))
                .put("engines", r.getString("engines") == null ? new JsonArray() : new JsonArray(r.getString("engines")))
                .put("tags", r.getString("tags") == null ? new JsonArray() : new JsonArray(r.getString("tags")))
                .put("notes", r.getString("notes"))
                .put("is_test", r.getValue("is_test") != null && ((Number) r.getValue("is_test")).intValue() == 1)
                .put("created_at", r.getLong("created_at"))
                .put("last_heartbeat_at", r.getLong("last_heartbeat_at"))
                .put("last_heartbeat", parse(r.getString("last_heartbeat")))
                .put("revoked_at", r.getLong("revoked_at"));
    }

    private static JsonObject parse(String s) {
        return s == null ? null : new JsonObject(s);
    }
}
