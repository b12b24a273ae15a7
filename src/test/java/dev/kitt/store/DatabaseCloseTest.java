package dev.kitt.store;

import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the store drains it: work already started finishes, new work is refused with a clear
 * error, and the close itself completes even while the store is busy (the SQL pool's own close
 * can hang when it races operations in flight).
 */
class DatabaseCloseTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("a transaction started before close commits; work asked for after it is refused")
    void drainsStartedWork(String dialect) throws Exception {
        var config = TestServer.config(home, TestDatabases.urlFor(dialect));
        Vertx vertx = Vertx.vertx();
        try {
            Database db = Await.result(Database.open(vertx, config));
            Future<Void> tx = db.inTransaction(c -> db.query(c, "INSERT INTO settings (key, value, updated_at) VALUES ('a', 'x', 1)")
                    .compose(r -> pause(vertx, 300))
                    .compose(v -> db.query(c, "INSERT INTO settings (key, value, updated_at) VALUES ('b', 'x', 1)"))
                    .mapEmpty());
            Thread.sleep(100);
            Future<Void> closed = db.close();
            Throwable refused = assertThrowsCause(db.query("SELECT 1"));
            assertEquals("the store is closed", refused.getMessage());
            closed.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(tx.succeeded(), "the transaction started before close should have committed: " + tx.cause());

            Database reopened = Await.result(Database.open(vertx, config));
            long n = Await.result(reopened.query("SELECT COUNT(*) AS n FROM settings WHERE key IN ('a', 'b')"))
                    .iterator().next().getLong("n");
            assertEquals(2L, n);
            Await.result(reopened.close());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @EveryDialect
    @DisplayName("closing a store busy with queries and transactions completes, 20 times over")
    void closesUnderLoad(String dialect) throws Exception {
        var config = TestServer.config(home, TestDatabases.urlFor(dialect));
        for (int round = 0; round < 20; round++) {
            Vertx vertx = Vertx.vertx();
            Database db = Await.result(Database.open(vertx, config));
            List<Future<?>> work = new ArrayList<>();
            long timer = vertx.setPeriodic(1, t -> {
                work.add(db.inTransaction(c -> db.query(c, "SELECT 1").compose(r -> db.query(c, "SELECT 2"))));
                work.add(db.query("SELECT 3"));
            });
            Thread.sleep(5 + round * 3);
            db.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.cancelTimer(timer);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Future<Void> pause(Vertx vertx, long ms) {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(ms, t -> p.complete());
        return p.future();
    }

    private static Throwable assertThrowsCause(Future<?> f) throws InterruptedException {
        try {
            f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a query after close neither ran nor failed", e);
        }
        throw new AssertionError("a query after close ran");
    }
}
