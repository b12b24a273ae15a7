package dev.kitt.store;

import dev.kitt.config.KittConfig;
import io.vertx.core.Future;
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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one store handle every repository shares: a Vert.x SQL pool plus its dialect.
 * SQLite goes through the JDBC pool (its blocking calls run on worker threads, never an event
 * loop); PostgreSQL through the reactive pg client. Migrations are applied before the pool opens.
 */
public final class Database {
    private final Pool pool;
    private final Dialect dialect;

    private Database(Pool pool, Dialect dialect) {
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
            return new Database(pool, Dialect.POSTGRES);
        }
        // One connection: SQLite has a single writer anyway, and concurrent writers through
        // several connections were refused with SQLITE_BUSY under load despite busy_timeout.
        // Statements queue in the pool instead; PostgreSQL is the store for heavy fleets.
        Pool pool = JDBCPool.pool(vertx, sqliteDataSource(config.sqliteFile()),
                new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(10_000));
        return new Database(pool, Dialect.SQLITE);
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

    public Future<RowSet<Row>> query(SqlClient client, String sql, Object... params) {
        return client.preparedQuery(dialect.sql(sql)).execute(Tuple.from(params));
    }

    public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
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

    public Future<Void> close() {
        return pool.close();
    }
}
