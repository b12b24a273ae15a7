package dev.kitt.testing;

import dev.kitt.store.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dialects every store test runs against: SQLite always, PostgreSQL when
 * KITT_TEST_DATABASE_URL is set (CI always sets it; under CI its absence is an error).
 */
public final class TestDatabases {
    public static final String ENV = "KITT_TEST_DATABASE_URL";

    private TestDatabases() {
    }

    /** "sqlite" and, when configured, "postgresql". */
    public static List<String> dialects() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        String url = System.getenv(ENV);
        if (url != null && !url.isBlank()) {
            out.add("postgresql");
        } else if (System.getenv("CI") != null) {
            throw new IllegalStateException(ENV + " must be set in CI so the PostgreSQL dialect is tested");
        } else {
            System.err.println("note: " + ENV + " is not set; PostgreSQL store tests are skipped on this run");
        }
        return out;
    }

    /** A new, empty database on the test PostgreSQL server; returns its postgresql:// URL. */
    public static String freshPostgres() {
        DatabaseUrl base = DatabaseUrl.parse(System.getenv(ENV));
        String name = "kitt_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return "postgresql://" + base.user() + ":" + base.password() + "@" + base.host() + ":" + base.port() + "/" + name;
    }

    /** The database URL for a dialect: "" (SQLite under the home) or a fresh PostgreSQL database. */
    public static String urlFor(String dialect) {
        return "postgresql".equals(dialect) ? freshPostgres() : "";
    }
}
