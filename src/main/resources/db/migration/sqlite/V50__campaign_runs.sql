-- Campaign execution state: one row per planned run, so a restarted server resumes where it was.
ALTER TABLE campaigns ADD COLUMN log_seq INTEGER NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN launched_at INTEGER;
ALTER TABLE campaigns ADD COLUMN finished_at INTEGER;

CREATE TABLE campaign_runs (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    model       TEXT NOT NULL,
    model_ref   TEXT,
    format      TEXT,
    engine      TEXT NOT NULL,
    suite       TEXT NOT NULL,
    profile     TEXT,
    mode        TEXT,
    agents      TEXT NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT,
    agent_id    TEXT,
    command_id  TEXT,
    result_id   TEXT,
    error       TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    started_at  INTEGER,
    deadline    INTEGER,
    finished_at INTEGER,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);
CREATE INDEX campaign_runs_command ON campaign_runs (command_id);
CREATE INDEX campaign_runs_status ON campaign_runs (status);

CREATE TABLE campaign_schedules (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    definition       TEXT NOT NULL,
    cron             TEXT NOT NULL,
    next_fire_at     INTEGER NOT NULL,
    last_fired_at    INTEGER,
    last_campaign_id TEXT,
    created_at       INTEGER NOT NULL
);

ALTER TABLE quick_tests ADD COLUMN mode TEXT;
ALTER TABLE quick_tests ADD COLUMN started_at INTEGER;
ALTER TABLE quick_tests ADD COLUMN finished_at INTEGER;
CREATE INDEX quick_tests_command ON quick_tests (command_id);
