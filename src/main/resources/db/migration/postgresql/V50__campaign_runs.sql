-- Campaign execution state: one row per planned run, so a restarted server resumes where it was.
ALTER TABLE campaigns ADD COLUMN log_seq BIGINT NOT NULL DEFAULT 1;
ALTER TABLE campaigns ADD COLUMN launched_at BIGINT;
ALTER TABLE campaigns ADD COLUMN finished_at BIGINT;

CREATE TABLE campaign_runs (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
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
    attempts    BIGINT NOT NULL DEFAULT 0,
    started_at  BIGINT,
    deadline    BIGINT,
    finished_at BIGINT,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);
CREATE INDEX campaign_runs_command ON campaign_runs (command_id);
CREATE INDEX campaign_runs_status ON campaign_runs (status);

CREATE TABLE campaign_schedules (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    definition       TEXT NOT NULL,
    cron             TEXT NOT NULL,
    next_fire_at     BIGINT NOT NULL,
    last_fired_at    BIGINT,
    last_campaign_id TEXT,
    created_at       BIGINT NOT NULL
);

ALTER TABLE quick_tests ADD COLUMN mode TEXT;
ALTER TABLE quick_tests ADD COLUMN started_at BIGINT;
ALTER TABLE quick_tests ADD COLUMN finished_at BIGINT;
CREATE INDEX quick_tests_command ON quick_tests (command_id);
