package dev.kitt.store;

import dev.kitt.config.KittConfig;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Row counts per table for `kitt storage stats` (plain JDBC: it is a one-shot CLI command). */
public final class StoreStats {
    static final List<String> TABLES = List.of("runs", "benchmarks", "metrics", "hardware", "agents",
            "agent_settings", "enrollment_tokens", "commands", "quick_tests", "campaigns", "logs", "events",
            "settings", "engine_profiles", "users", "api_tokens");

    private StoreStats() {
    }

    public static void print(KittConfig cfg, PrintStream out) {
        try (Connection conn = connect(cfg); Statement st = conn.createStatement()) {
            out.printf("%-20s %12s%n", "table", "rows");
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery(countOf(table))) {
                    rs.next();
                    out.printf("%-20s %12d%n", table, rs.getLong(1));
                }
            }
            if (!cfg.usesPostgres()) {
                out.printf("%-20s %12d bytes%n", "file size", cfg.sqliteFile().toFile().length());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Log lines are stored in chunks (see LogRepository): counted from the chunks' ranges, not by expanding them. */
    private static String countOf(String table) {
        return "logs".equals(table) ? "SELECT COALESCE(SUM(last_seq - first_seq + 1), 0) FROM log_chunks"
                : "SELECT COUNT(*) FROM " + table;
    }

    private static Connection connect(KittConfig cfg) throws SQLException {
        if (cfg.usesPostgres()) {
            DatabaseUrl url = DatabaseUrl.parse(cfg.databaseUrl());
            return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        }
        return Database.sqliteDataSource(cfg.sqliteFile()).getConnection();
    }
}
