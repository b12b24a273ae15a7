-- KITT schema v1. Timestamps are epoch milliseconds; JSON documents are TEXT; booleans 0/1.

CREATE TABLE runs (
    id                   TEXT PRIMARY KEY,
    kitt_version         TEXT,
    suite_name           TEXT NOT NULL,
    engine               TEXT NOT NULL,
    model                TEXT NOT NULL,
    passed               INTEGER NOT NULL,
    total_benchmarks     INTEGER NOT NULL,
    passed_count         INTEGER NOT NULL,
    failed_count         INTEGER NOT NULL,
    total_time_seconds   REAL,
    started_at           INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    hardware_fingerprint TEXT,
    agent_id             TEXT,
    source               TEXT NOT NULL,
    document             TEXT NOT NULL
);
CREATE INDEX runs_started_at ON runs (started_at);
CREATE INDEX runs_model ON runs (model, started_at);
CREATE INDEX runs_engine ON runs (engine, started_at);
CREATE INDEX runs_suite ON runs (suite_name, started_at);

CREATE TABLE benchmarks (
    id           TEXT PRIMARY KEY,
    run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    test_name    TEXT NOT NULL,
    test_version TEXT,
    run_number   INTEGER NOT NULL,
    passed       INTEGER NOT NULL,
    at           INTEGER,
    errors       TEXT NOT NULL
);
CREATE INDEX benchmarks_run ON benchmarks (run_id);

CREATE TABLE metrics (
    benchmark_id TEXT NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,
    run_id       TEXT NOT NULL,
    name         TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (benchmark_id, name)
);
CREATE INDEX metrics_run ON metrics (run_id, name);

CREATE TABLE hardware (
    run_id      TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    fingerprint TEXT,
    info        TEXT NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL,
    user_id      TEXT,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);

CREATE TABLE agents (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    token_hash        TEXT UNIQUE,
    status            TEXT NOT NULL,
    hostname          TEXT,
    version           TEXT,
    hardware          TEXT,
    engines           TEXT,
    tags              TEXT,
    notes             TEXT,
    is_test           INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    last_heartbeat_at INTEGER,
    last_heartbeat    TEXT,
    revoked_at        INTEGER
);

CREATE TABLE agent_settings (
    agent_id   TEXT PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
    settings   TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE enrollment_tokens (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name       TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    revoked_at INTEGER,
    agent_id   TEXT
);

CREATE TABLE commands (
    id          TEXT PRIMARY KEY,
    agent_id    TEXT NOT NULL,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL,
    deadline    INTEGER,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    acked_at    INTEGER,
    finished_at INTEGER,
    error       TEXT,
    result      TEXT
);
CREATE INDEX commands_agent_state ON commands (agent_id, state);

CREATE TABLE quick_tests (
    id         TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL,
    model      TEXT NOT NULL,
    engine     TEXT NOT NULL,
    suite      TEXT,
    benchmark  TEXT,
    profile    TEXT,
    status     TEXT NOT NULL,
    command_id TEXT,
    result_id  TEXT,
    error      TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE campaigns (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    status     TEXT NOT NULL,
    definition TEXT NOT NULL,
    schedule   TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE logs (
    source_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    line      TEXT NOT NULL,
    PRIMARY KEY (source_id, seq)
);

CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    type      TEXT NOT NULL,
    source_id TEXT,
    at        INTEGER NOT NULL,
    body      TEXT NOT NULL
);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE engine_profiles (
    id         TEXT PRIMARY KEY,
    engine     TEXT NOT NULL,
    name       TEXT NOT NULL,
    args       TEXT NOT NULL,
    env        TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (engine, name)
);
