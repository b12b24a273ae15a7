package dev.kitt.auth;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** SQL for api_tokens: the only place that reads or writes that table. Secrets are stored as SHA-256 only. */
final class ApiTokenRepository {
    record ActiveToken(String id, String name, String role) {
    }

    private final Database db;

    ApiTokenRepository(Database db) {
        this.db = db;
    }

    Future<Void> insert(String id, String name, String tokenHash, String role, String userId) {
        return db.query("INSERT INTO api_tokens (id, name, token_hash, role, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, name, tokenHash, role, userId, System.currentTimeMillis()).mapEmpty();
    }

    /** The token with this digest, unless revoked; null otherwise. Indexed by the UNIQUE token_hash. */
    Future<ActiveToken> findActive(String tokenHash) {
        return db.query("SELECT id, name, role FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", tokenHash)
                .map(rs -> {
                    if (rs.size() == 0) {
                        return null;
                    }
                    Row r = rs.iterator().next();
                    return new ActiveToken(r.getString("id"), r.getString("name"), r.getString("role"));
                });
    }

    Future<Void> touch(String id, long at) {
        return db.query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", at, id).mapEmpty();
    }

    /** Every token, newest first, without the digest. */
    Future<JsonArray> list() {
        return db.query("SELECT id, name, role, user_id, created_at, last_used_at, revoked_at FROM api_tokens "
                + "ORDER BY created_at DESC").map(rs -> {
                    JsonArray items = new JsonArray();
                    for (Row r : rs) {
                        items.add(new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"))
                                .put("role", r.getString("role")).put("user_id", r.getString("user_id"))
                                .put("created_at", r.getLong("created_at"))
                                .put("last_used_at", r.getLong("last_used_at"))
                                .put("revoked_at", r.getLong("revoked_at")));
                    }
                    return items;
                });
    }

    /** Marks the token revoked; false when no such token. Revoking twice keeps the first time. */
    Future<Boolean> revoke(String id) {
        return db.query("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                System.currentTimeMillis(), id).map(rs -> rs.rowCount() > 0);
    }
}
