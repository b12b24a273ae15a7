package dev.kitt.auth;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

/** SQL for users: the only place that reads or writes the users table. */
public final class UserRepository {
    public record User(String id, String username, String passwordHash, String role, boolean disabled) {
    }

    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    public Future<Long> count() {
        return db.query("SELECT COUNT(*) AS n FROM users").map(rs -> rs.iterator().next().getLong("n"));
    }

    public Future<User> findByUsername(String username) {
        return db.query("SELECT id, username, password_hash, role, disabled FROM users WHERE username = ?", username)
                .map(rs -> rs.size() == 0 ? null : toUser(rs.iterator().next()));
    }

    /** Creates the user; a concurrent creation of the same name is not an error. */
    public Future<Void> createIfAbsent(String username, String passwordHash, String role) {
        return db.query("INSERT INTO users (id, username, password_hash, role, created_at, disabled) "
                        + "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (username) DO NOTHING",
                UUID.randomUUID().toString(), username, passwordHash, role, System.currentTimeMillis()).mapEmpty();
    }

    public Future<User> findById(String id) {
        return db.query("SELECT id, username, password_hash, role, disabled FROM users WHERE id = ?", id)
                .map(rs -> rs.size() == 0 ? null : toUser(rs.iterator().next()));
    }

    /** Every user without the password hash, by name. */
    public Future<JsonArray> list() {
        return db.query("SELECT id, username, role, created_at, disabled FROM users ORDER BY username").map(rs -> {
            JsonArray items = new JsonArray();
            for (Row r : rs) {
                items.add(new JsonObject().put("id", r.getString("id")).put("username", r.getString("username"))
                        .put("role", r.getString("role")).put("created_at", r.getLong("created_at"))
                        .put("disabled", r.getLong("disabled") != 0));
            }
            return items;
        });
    }

    /** Creates a user and returns its id, or null when the name is taken. */
    public Future<String> create(String username, String passwordHash, String role) {
        String id = UUID.randomUUID().toString();
        return db.query("INSERT INTO users (id, username, password_hash, role, created_at, disabled) "
                        + "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (username) DO NOTHING",
                id, username, passwordHash, role, System.currentTimeMillis())
                .map(rs -> rs.rowCount() > 0 ? id : null);
    }

    public Future<Void> update(String id, String role, boolean disabled) {
        return db.query("UPDATE users SET role = ?, disabled = ? WHERE id = ?", role, disabled ? 1 : 0, id).mapEmpty();
    }

    public Future<Void> setPassword(String id, String passwordHash) {
        return db.query("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id).mapEmpty();
    }

    public Future<Boolean> delete(String id) {
        return db.query("DELETE FROM users WHERE id = ?", id).map(rs -> rs.rowCount() > 0);
    }

    /** Admins who can still log in: the last one may not be demoted, disabled or deleted. */
    public Future<Long> activeAdmins() {
        return db.query("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")
                .map(rs -> rs.iterator().next().getLong("n"));
    }

    private static User toUser(Row row) {
        return new User(row.getString("id"), row.getString("username"), row.getString("password_hash"),
                row.getString("role"), row.getLong("disabled") != 0);
    }
}
