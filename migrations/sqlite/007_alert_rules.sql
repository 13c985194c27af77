-- 007: alert rules as data, and alerts that are deduplicated while their condition holds and resolved
-- when it clears. An open alert is one with resolved_at NULL; its dedupe_key names the rule and the
-- resource ("gpu_idle:3:pod-a"), so one condition is one open alert however often it is evaluated.
CREATE TABLE alert_rules (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL,
    connection_id INTEGER REFERENCES connections(id) ON DELETE CASCADE,   -- NULL: every connection
    params_json   TEXT    NOT NULL DEFAULT '{}',
    severity      TEXT    NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
    enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

ALTER TABLE alerts ADD COLUMN rule_id INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL;
ALTER TABLE alerts ADD COLUMN dedupe_key TEXT;
ALTER TABLE alerts ADD COLUMN last_seen_at INTEGER;
ALTER TABLE alerts ADD COLUMN resolved_at INTEGER;
ALTER TABLE alerts ADD COLUMN acknowledged_at INTEGER;
CREATE UNIQUE INDEX alerts_open_key ON alerts (dedupe_key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_rule ON alerts (rule_id, resolved_at);
