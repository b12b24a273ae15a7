package dev.kitt.store;

import dev.kitt.config.KittConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one store handle every repository shares: a Vert.x SQL pool plus its dialect.
 * SQLite goes through the JDBC pool (its blocking calls run on worker threads, never an event
 * loop); PostgreSQL through the reactive pg client. Migrations are applied before the pool opens.
 */
public final class Database {
    /** How long {@link #close} waits for operations already started before closing the pool anyway. */
    static final long DRAIN_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Vertx vertx;
    private final Pool pool;
    private final Dialect dialect;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    private Database(Vertx vertx, Pool pool, Dialect dialect) {
        this.vertx = vertx;
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Migrates (on a worker thread) and opens the configured store. */
    public static Future<Database> open(Vertx vertx, KittConfig config) {
        return vertx.executeBlocking(() -> {
            Migrations.apply(config);
            return null;
        }, false).map(ignored -> connect(vertx, config));
    }

    private static Database connect(Vertx vertx, KittConfig config) {
        if (config.usesPostgres()) {
            DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
            PgConnectOptions connect = new PgConnectOptions()
                    .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
                    .setUser(url.user()).setPassword(url.password())
                    .setCachePreparedStatements(true);
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8))
                    .connectingTo(connect).using(vertx).build();
            return new Database(vertx, pool, Dialect.POSTGRES);
        }
        // One connection: SQLite has a single writer anyway, and concurrent writers through
        // several connections were refused with SQLITE_BUSY under load despite busy_timeout.
        // Statements queue in the pool instead; PostgreSQL is the store for heavy fleets.
        Pool pool = JDBCPool.pool(vertx, sqliteDataSource(config.sqliteFile()),
                new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(10_000));
        return new Database(vertx, pool, Dialect.SQLITE);
    }

    static SQLiteDataSource sqliteDataSource(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(10_000);
        cfg.enforceForeignKeys(true);
        // Take the write lock at BEGIN: a transaction that reads first and upgrades later can be
        // refused with SQLITE_BUSY without waiting; an immediate one queues on busy_timeout.
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Pool pool() {
        return pool;
    }

    public Future<RowSet<Row>> query(String sql, Object... params) {
        return query(pool, sql, params);
    }

    /** On the pool, a new operation; on a connection, a step of one already counted. */
    public Future<RowSet<Row>> query(SqlClient client, String sql, Object... params) {
        Supplier<Future<RowSet<Row>>> run = () -> client.preparedQuery(dialect.sql(sql)).execute(Tuple.from(params));
        return client == pool ? counted(run) : run.get();
    }

    public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> work) {
        return counted(() -> pool.withConnection(work));
    }

    public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
        return counted(() -> transaction(work));
    }

    private <T> Future<T> transaction(Function<SqlConnection, Future<T>> work) {
        if (dialect == Dialect.SQLITE) {
            // The JDBC pool's own transactions leave the pooled connection with autocommit off, so
            // every later statement on that connection silently stays uncommitted (and holds the
            // write lock). Explicit BEGIN/COMMIT keep the connection in autocommit mode; IMMEDIATE
            // takes the write lock up front instead of failing to upgrade a read lock later.
            return pool.withConnection(conn -> conn.query("BEGIN IMMEDIATE").execute()
                    .compose(begun -> work.apply(conn).transform(ar -> ar.succeeded()
                            ? conn.query("COMMIT").execute().map(ar.result())
                            : conn.query("ROLLBACK").execute().transform(rb -> Future.<T>failedFuture(ar.cause())))));
        }
        return pool.withTransaction(work);
    }

    private <T> Future<T> counted(Supplier<Future<T>> operation) {
        if (closing) {
            return Future.failedFuture(new IllegalStateException("the store is closed"));
        }
        inFlight.incrementAndGet();
        try {
            return operation.get().andThen(ar -> inFlight.decrementAndGet());
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    /**
     * Refuses new operations, lets the ones already started finish, then closes the pool. The
     * Vert.x 5.0 SQL pool's close can wait forever when it races operations still in flight
     * (about one close in a hundred with the pg client busy), taking {@code Vertx.close()} with
     * it; a drained pool closed cleanly every time.
     */
    public Future<Void> close() {
        closing = true;
        Promise<Void> drained = Promise.promise();
        awaitDrain(drained, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS));
        return drained.future().compose(v -> pool.close());
    }

    private void awaitDrain(Promise<Void> drained, long deadline) {
        int left = inFlight.get();
        if (left == 0) {
            drained.complete();
        } else if (System.nanoTime() > deadline) {
            LOG.warn("closing the store with {} operation(s) still running after {} ms", left, DRAIN_MS);
            drained.complete();
        } else {
            vertx.setTimer(10, t -> awaitDrain(drained, deadline));
        }
    }
}
