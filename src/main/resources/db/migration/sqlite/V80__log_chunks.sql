-- Log lines are stored as chunks: one row per batch of consecutive lines of a source, received
-- together (so with one ts), the lines a JSON array of strings. A row per line capped ingest at
-- the store's cost per row; a chunk costs one row for up to thousands of lines. Chunks of a
-- source never overlap, and none holds more than 10,000 lines (LogRepository relies on both).
CREATE TABLE log_chunks (
    source_id TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    lines     TEXT NOT NULL,
    PRIMARY KEY (source_id, first_seq)
);

INSERT INTO log_chunks (source_id, first_seq, last_seq, ts, lines)
    SELECT source_id, seq, seq, ts, json_array(line) FROM logs;

DROP TABLE logs;

-- The one-row-per-line shape, for reading by hand and for tests: (source_id, seq, ts, line).
CREATE VIEW logs AS
    SELECT c.source_id AS source_id, c.first_seq + j.key AS seq, c.ts AS ts, j.value AS line
    FROM log_chunks c, json_each(c.lines) j;
