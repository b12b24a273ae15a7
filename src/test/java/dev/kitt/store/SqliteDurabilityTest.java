package dev.kitt.store;

import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("SQLite writes survive closing the store")
class SqliteDurabilityTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("writes after a transaction and after a batch are committed, not left in an open transaction")
    void writesAreCommitted() {
        KittConfig config = TestServer.config(tmp, null);
        Vertx vertx = Vertx.vertx();
        Database db = Await.result(Database.open(vertx, config));
        Await.result(db.inTransaction(conn -> db.query(conn, "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)", "a", "1", 1L)));
        Await.result(db.query("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)", "b", "1", 1L));
        Await.result(db.pool().preparedQuery(db.dialect().sql("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"))
                .executeBatch(List.of(Tuple.of("c", "1", 1L), Tuple.of("d", "1", 1L))));
        Await.result(db.query("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)", "e", "1", 1L));
        Await.result(db.close());
        Await.result(vertx.close());
        Vertx again = Vertx.vertx();
        Database reopened = Await.result(Database.open(again, config));
        long n = Await.result(reopened.query("SELECT COUNT(*) FROM settings WHERE key IN ('a','b','c','d','e')"))
                .iterator().next().getLong(0);
        Await.result(reopened.close());
        Await.result(again.close());
        assertEquals(5, n);
    }
}
