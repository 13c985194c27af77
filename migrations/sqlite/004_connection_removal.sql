-- 004: removing a connection keeps what it collected. A removed connection keeps its row (and so its
-- history) with removed_at set; a name is unique only among connections not removed, so it can be
-- used again. SQLite cannot drop a UNIQUE constraint, so the table is rebuilt (the runner turns
-- foreign keys off around every migration and checks them before committing).
CREATE TABLE connections_new (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    settings_json   TEXT    NOT NULL DEFAULT '{}',
    enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    cadence_seconds INTEGER NOT NULL DEFAULT 300 CHECK (cadence_seconds > 0),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_sync_at    INTEGER,
    last_status     TEXT,
    last_error      TEXT,
    removed_at      INTEGER
);

INSERT INTO connections_new (id, kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,
                             last_sync_at, last_status, last_error)
SELECT id, kind, name, settings_json, enabled, cadence_seconds, created_at, updated_at,
       last_sync_at, last_status, last_error
FROM connections;

DROP TABLE connections;
ALTER TABLE connections_new RENAME TO connections;

CREATE UNIQUE INDEX connections_live_name ON connections (name) WHERE removed_at IS NULL;
