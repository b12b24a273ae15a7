package dev.kitt.auth;

import dev.kitt.store.Database;
import io.vertx.core.Future;
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

    private static User toUser(Row row) {
        return new User(row.getString("id"), row.getString("username"), row.getString("password_hash"),
                row.getString("role"), row.getLong("disabled") != 0);
    }
}
