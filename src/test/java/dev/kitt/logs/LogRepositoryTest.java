package dev.kitt.logs;

import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.store.Database;
import dev.kitt.store.Migrations;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chunked log store: every (source, seq) stored once whatever the boundaries and order of the
 * batches that carry it, pages that cross chunks of any size, and lines kept byte for byte.
 */
class LogRepositoryTest {
    @TempDir
    Path home;

    private final Vertx vertx = Vertx.vertx();
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            Await.result(db.close());
        }
        Await.result(vertx.close());
    }

    private LogRepository open(String dialect) {
        db = Await.result(Database.open(vertx, TestServer.config(home, TestDatabases.urlFor(dialect))));
        return new LogRepository(db);
    }

    private static LogChunk chunk(String source, long first, long last) {
        List<String> lines = new ArrayList<>();
        for (long seq = first; seq <= last; seq++) {
            lines.add("line " + seq);
        }
        return new LogChunk(source, first, 1_000L, lines);
    }

    private static List<Long> seqs(List<LogLine> lines) {
        return lines.stream().map(LogLine::seq).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** "first..last" per stored part, as append answers them. */
    private static List<String> parts(List<LogChunk> stored) {
        return stored.stream().map(c -> c.sourceId() + ":" + c.firstSeq() + ".." + c.lastSeq()).toList();
    }

    @EveryDialect
    @DisplayName("redelivered lines are stored once, whatever the boundaries of the batches that carry them")
    void redeliveryWithOtherBoundaries(String dialect) {
        LogRepository logs = open(dialect);
        assertEquals(List.of("s:1..10"), parts(Await.result(logs.append(List.of(chunk("s", 1, 10))))));
        assertEquals(List.of("s:11..15"), parts(Await.result(logs.append(List.of(chunk("s", 5, 15))))));
        assertEquals(List.of(), parts(Await.result(logs.append(List.of(chunk("s", 1, 10))))));
        // Within one write too: the second batch overlaps the first, which is not stored yet.
        assertEquals(List.of("s:16..20", "s:21..25", "t:1..3"),
                parts(Await.result(logs.append(List.of(chunk("s", 1, 20), chunk("s", 18, 25), chunk("t", 1, 3))))));

        assertEquals(range(1, 25), seqs(Await.result(logs.after("s", 0, 100))));
        Row counts = Await.result(db.query("SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d FROM logs WHERE source_id = ?", "s"))
                .iterator().next();
        assertEquals(25L, counts.getLong("n"));
        assertEquals(25L, counts.getLong("d"));
        assertEquals(25L, Await.result(logs.lastSeq("s")));
        assertEquals(3L, Await.result(logs.lastSeq("t")));
        assertEquals(0L, Await.result(logs.lastSeq("nobody")));
    }

    @EveryDialect
    @DisplayName("a batch that arrives late fills the hole before the lines already stored after it")
    void outOfOrderFillsTheHole(String dialect) {
        LogRepository logs = open(dialect);
        Await.result(logs.append(List.of(chunk("s", 11, 20), chunk("s", 31, 40))));
        assertEquals(List.of("s:1..10", "s:21..30"), parts(Await.result(logs.append(List.of(chunk("s", 1, 35))))));
        List<LogLine> all = Await.result(logs.after("s", 0, 1_000));
        assertEquals(range(1, 40), seqs(all));
        assertEquals("line 27", all.get(26).line());
    }

    @EveryDialect
    @DisplayName("pages cross rows of one line and of thousands, from any cursor, and are full while lines remain")
    void pagesAcrossChunkSizes(String dialect) {
        LogRepository logs = open(dialect);
        List<LogChunk> single = new ArrayList<>();
        for (long seq = 1; seq <= 100; seq++) {
            single.add(chunk("s", seq, seq));
        }
        Await.result(logs.append(single));
        Await.result(logs.append(List.of(chunk("s", 101, 5_100))));

        assertEquals(range(51, 110), seqs(Await.result(logs.after("s", 50, 60))));
        assertEquals(range(1, 5_000), seqs(Await.result(logs.after("s", 0, 5_000))));
        assertEquals(range(3_001, 3_010), seqs(Await.result(logs.after("s", 3_000, 10))));
        assertEquals(range(5_001, 5_100), seqs(Await.result(logs.after("s", 5_000, 500))));
        assertEquals(List.of(), Await.result(logs.after("s", 5_100, 500)));
    }

    @EveryDialect
    @DisplayName("a batch larger than a row holds is split into rows and read back whole")
    void largeBatchIsSplit(String dialect) {
        LogRepository logs = open(dialect);
        int n = LogRepository.MAX_CHUNK_LINES * 2 + 5_000;
        Await.result(logs.append(List.of(chunk("big", 1, n))));
        assertEquals(3L, Await.result(db.query("SELECT COUNT(*) AS n FROM log_chunks WHERE source_id = ?", "big"))
                .iterator().next().getLong("n"));
        assertEquals((long) n, Await.result(logs.lastSeq("big")));
        assertEquals(range(9_999, 10_002), seqs(Await.result(logs.after("big", 9_998, 4))));
        // Redelivered in full, nothing is stored twice.
        assertEquals(List.of(), Await.result(logs.append(List.of(chunk("big", 1, n)))));
    }

    @EveryDialect
    @DisplayName("lines with quotes, backslashes, control characters and non-ASCII text come back as sent")
    void linesKeptExactly(String dialect) {
        LogRepository logs = open(dialect);
        List<String> lines = List.of("say \"hi\"", "C:\\models\\x", "tab\there\nnew line\r", "bell \u0007 nul-free",
                "progress ██▌ 42 % → done ✓", "emoji 😀", "");
        Await.result(logs.append(List.of(new LogChunk("u", 1, 5L, lines))));
        List<LogLine> back = Await.result(logs.after("u", 0, 100));
        assertEquals(lines, back.stream().map(LogLine::line).toList());
        assertEquals(5L, back.get(0).ts());
        Row viewed = Await.result(db.query("SELECT line FROM logs WHERE source_id = ? AND seq = ?", "u", 5L)).iterator().next();
        assertEquals(lines.get(4), viewed.getString("line"));
    }

    @Test
    @DisplayName("the hand-written JSON escaping gives what Jackson gives")
    void escapingMatchesJackson() {
        StringBuilder all = new StringBuilder("plain \"q\" \\ / é ✓ 😀 ");
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append('\u007f').append('\u2028');
        LogLine line = new LogLine("s", 7, 9, all.toString());
        assertEquals(line.toJson().encode(), line.encode());
        assertEquals(new io.vertx.core.json.JsonArray(List.of(all.toString(), "x")).encode(),
                new LogChunk("s", 1, 1, List.of(all.toString(), "x")).linesJson());
        assertEquals(all.toString(), new JsonObject(line.encode()).getString("line"));
    }

    @EveryDialect
    @DisplayName("lines stored one per row before the chunked store are kept by its migration")
    void migrationKeepsOldLines(String dialect) throws SQLException {
        KittConfig config = TestServer.config(home, TestDatabases.urlFor(dialect));
        Flyway before = Flyway.configure().configuration(Migrations.flyway(config).getConfiguration()).target("70").load();
        before.migrate();
        try (Connection c = before.getConfiguration().getDataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO logs (source_id, seq, ts, line) VALUES (?, ?, ?, ?)")) {
            for (long seq = 1; seq <= 3; seq++) {
                insert.setString(1, "old");
                insert.setLong(2, seq);
                insert.setLong(3, 100 + seq);
                insert.setString(4, "old \"line\" " + seq);
                insert.executeUpdate();
            }
        }
        db = Await.result(Database.open(vertx, config));
        LogRepository logs = new LogRepository(db);
        List<LogLine> back = Await.result(logs.after("old", 0, 10));
        assertEquals(range(1, 3), seqs(back));
        assertEquals("old \"line\" 2", back.get(1).line());
        assertEquals(102L, back.get(1).ts());
        assertEquals(List.of("old:4..5"), parts(Await.result(logs.append(List.of(chunk("old", 2, 5))))));
    }
}
