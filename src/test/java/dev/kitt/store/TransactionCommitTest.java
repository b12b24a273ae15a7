package dev.kitt.store;

import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statements run after a transaction on a pooled connection are committed like any other. */
class TransactionCommitTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("writes after transactions are visible to a freshly opened store")
    void writesAfterTransactionsAreCommitted(String dialect) {
        var config = TestServer.config(home, TestDatabases.urlFor(dialect));
        Vertx vertx = Vertx.vertx();
        try {
            Database db = Await.result(Database.open(vertx, config));
            for (int i = 0; i < 4; i++) {
                String key = "t" + i;
                Await.result(db.inTransaction(c -> db.query(c,
                        "INSERT INTO settings (key, value, updated_at) VALUES (?, 'x', 1)", key)));
            }
            for (int i = 0; i < 8; i++) {
                Await.result(db.query("INSERT INTO settings (key, value, updated_at) VALUES (?, 'x', 1)", "p" + i));
            }
            Await.result(db.close());
            Database reopened = Await.result(Database.open(vertx, config));
            long n = Await.result(reopened.query("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 't%' OR key LIKE 'p%'"))
                    .iterator().next().getLong("n");
            assertEquals(12L, n);
            Await.result(reopened.close());
        } finally {
            Await.result(vertx.close());
        }
    }
}
