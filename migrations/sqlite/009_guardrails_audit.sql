-- 009: guardrail policies (one per connection, off and dry-run unless the user opts in) and the
-- audit log of lifecycle actions taken or previewed by a guardrail, the window or the CLI.
CREATE TABLE guardrail_policies (
    connection_id     INTEGER PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
    stop_idle_enabled INTEGER NOT NULL DEFAULT 0 CHECK (stop_idle_enabled IN (0, 1)),
    idle_minutes      INTEGER NOT NULL DEFAULT 60 CHECK (idle_minutes > 0),
    idle_util_percent REAL    NOT NULL DEFAULT 5 CHECK (idle_util_percent >= 0 AND idle_util_percent <= 100),
    dry_run           INTEGER NOT NULL DEFAULT 1 CHECK (dry_run IN (0, 1)),
    updated_at        INTEGER NOT NULL
);

-- Audit rows outlive the connection they name (the history of what was done stays true).
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    actor         TEXT    NOT NULL CHECK (actor IN ('user', 'guardrail', 'cli')),
    connection_id INTEGER REFERENCES connections(id) ON DELETE SET NULL,
    resource_id   TEXT    NOT NULL DEFAULT '',
    action        TEXT    NOT NULL,
    dry_run       INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
    outcome       TEXT    NOT NULL CHECK (outcome IN ('ok', 'failed', 'would')),
    message       TEXT    NOT NULL DEFAULT '',
    rule          TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
