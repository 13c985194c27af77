-- 004: removing a connection keeps what it collected. A removed connection keeps its row (and so its
-- history) with removed_at set; a name is unique only among connections not removed, so it can be
-- used again. Mirrors migrations/sqlite/004 (which has to rebuild the table; PostgreSQL can drop
-- the constraint in place).
ALTER TABLE connections ADD COLUMN removed_at BIGINT;
ALTER TABLE connections DROP CONSTRAINT connections_name_key;
CREATE UNIQUE INDEX connections_live_name ON connections (name) WHERE removed_at IS NULL;
