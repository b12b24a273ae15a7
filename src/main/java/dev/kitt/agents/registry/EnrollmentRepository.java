package dev.kitt.agents.registry;

import dev.kitt.auth.Secrets;
import dev.kitt.server.ApiException;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

/** Short-lived, single-use enrollment tokens, traded by `kitt agent init` for a per-agent token. */
public final class EnrollmentRepository {
    public static final String TOKEN_PREFIX = "kitt_enroll_";

    private final Database db;
    private final AgentRepository agents;

    public EnrollmentRepository(Database db, AgentRepository agents) {
        this.db = db;
        this.agents = agents;
    }

    public Future<JsonObject> create(String name, long ttlMs) {
        String id = UUID.randomUUID().toString();
        String token = Secrets.token(TOKEN_PREFIX);
        long now = System.currentTimeMillis();
        return db.query("INSERT INTO enrollment_tokens (id, token_hash, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                        id, Secrets.sha256(token), name, now, now + ttlMs)
                .map(r -> new JsonObject().put("id", id).put("token", token).put("name", name).put("expires_at", now + ttlMs));
    }

    public Future<JsonArray> list() {
        return db.query("SELECT id, name, created_at, expires_at, used_at, revoked_at, agent_id FROM enrollment_tokens "
                + "ORDER BY created_at DESC").map(rows -> {
                    JsonArray out = new JsonArray();
                    long now = System.currentTimeMillis();
                    for (Row r : rows) {
                        out.add(new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"))
                                .put("created_at", r.getLong("created_at")).put("expires_at", r.getLong("expires_at"))
                                .put("used_at", r.getLong("used_at")).put("revoked_at", r.getLong("revoked_at"))
                                .put("agent_id", r.getString("agent_id"))
                                .put("state", state(r, now)));
                    }
                    return out;
                });
    }

    public Future<Boolean> revoke(String id) {
        return db.query("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                System.currentTimeMillis(), id).map(r -> r.rowCount() > 0);
    }

    /**
     * Trades a valid enrollment token for a new agent and its token, in one transaction; the
     * conditional UPDATE makes two concurrent trades of one token yield one agent.
     */
    public Future<JsonObject> enroll(String token, String name, String hostname, JsonObject hardware) {
        long now = System.currentTimeMillis();
        return db.inTransaction(conn -> db.query(conn, "SELECT id, expires_at, used_at, revoked_at FROM enrollment_tokens "
                        + "WHERE token_hash = ?", Secrets.sha256(token == null ? "" : token))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiException.unauthorized("unknown enrollment token"));
                    }
                    Row r = rows.iterator().next();
                    String problem = switch (state(r, now)) {
                        case "revoked" -> "enrollment token was revoked";
                        case "used" -> "enrollment token was already used";
                        case "expired" -> "enrollment token expired";
                        default -> null;
                    };
                    if (problem != null) {
                        return Future.failedFuture(ApiException.unauthorized(problem));
                    }
                    String tokenId = r.getString("id");
                    return agents.create(conn, name, hostname, hardware, false).compose(created ->
                            db.query(conn, "UPDATE enrollment_tokens SET used_at = ?, agent_id = ? WHERE id = ? "
                                            + "AND used_at IS NULL", now, created.id(), tokenId)
                                    .compose(u -> u.rowCount() == 1 ? Future.succeededFuture(new JsonObject()
                                            .put("agent_id", created.id()).put("token", created.token()).put("name", name))
                                            : Future.failedFuture(ApiException.unauthorized("enrollment token was already used"))));
                }));
    }

    private static String state(Row r, long now) {
        if (r.getLong("revoked_at") != null) {
            return "revoked";
        }
        if (r.getLong("used_at") != null) {
            return "used";
        }
        return r.getLong("expires_at") < now ? "expired" : "valid";
    }
}
