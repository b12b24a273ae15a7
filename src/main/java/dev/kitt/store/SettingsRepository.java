package dev.kitt.store;

import io.vertx.core.Future;

/** Key/value settings shared by every node (UI settings, the JWT signing secret). */
public final class SettingsRepository {
    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Future<String> get(String key) {
        return db.query("SELECT value FROM settings WHERE key = ?", key)
                .map(rs -> rs.size() == 0 ? null : rs.iterator().next().getString("value"));
    }

    public Future<Void> put(String key, String value) {
        return db.query("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                key, value, System.currentTimeMillis()).mapEmpty();
    }

    /** Stores several values in one transaction: all or none. */
    public Future<Void> putAll(java.util.Map<String, String> values) {
        long now = System.currentTimeMillis();
        return db.inTransaction(conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (java.util.Map.Entry<String, String> e : values.entrySet()) {
                chain = chain.compose(v -> db.query(conn, "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                        e.getKey(), e.getValue(), now).mapEmpty());
            }
            return chain;
        });
    }

    /** Stores the value unless the key exists, then returns whichever value won (safe across nodes). */
    public Future<String> putIfAbsent(String key, String value) {
        return db.query("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
                key, value, System.currentTimeMillis()).compose(ignored -> get(key));
    }
}
