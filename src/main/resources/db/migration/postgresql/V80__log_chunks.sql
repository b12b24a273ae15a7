-- Log lines are stored as chunks: one row per batch of consecutive lines of a source, received
-- together (so with one ts), the lines a JSON array of strings. A row per line capped ingest at
-- the store's cost per row; a chunk costs one row for up to thousands of lines. Chunks of a
-- source never overlap, and none holds more than 10,000 lines (LogRepository relies on both).
-- The lines are TEXT, not jsonb: the server writes and reads them whole, so parsing them here
-- would only cost CPU.
CREATE TABLE log_chunks (
    source_id TEXT NOT NULL,
    first_seq BIGINT NOT NULL,
    last_seq  BIGINT NOT NULL,
    ts        BIGINT NOT NULL,
    lines     TEXT NOT NULL,
    PRIMARY KEY (source_id, first_seq)
);

INSERT INTO log_chunks (source_id, first_seq, last_seq, ts, lines)
    SELECT source_id, seq, seq, ts, json_build_array(line)::text FROM logs;

DROP TABLE logs;

-- The one-row-per-line shape, for reading by hand and for tests: (source_id, seq, ts, line).
CREATE VIEW logs AS
    SELECT c.source_id AS source_id, c.first_seq + e.ord - 1 AS seq, c.ts AS ts, e.line AS line
    FROM log_chunks c CROSS JOIN LATERAL json_array_elements_text(c.lines::json) WITH ORDINALITY AS e(line, ord);
