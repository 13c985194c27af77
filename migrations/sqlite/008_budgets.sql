-- 008: spend budgets. A budget covers everything, one provider (a connection kind) or one
-- connection, and has at least one cap: per UTC month, per UTC day, or a burn rate in $/hr.
CREATE TABLE budgets (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    scope         TEXT    NOT NULL CHECK (scope IN ('all', 'provider', 'connection')),
    provider      TEXT,
    connection_id INTEGER REFERENCES connections(id) ON DELETE CASCADE,
    monthly_cap   REAL    CHECK (monthly_cap > 0),
    daily_cap     REAL    CHECK (daily_cap > 0),
    burn_rate_cap REAL    CHECK (burn_rate_cap > 0),
    created_at    INTEGER NOT NULL,
    CHECK (monthly_cap IS NOT NULL OR daily_cap IS NOT NULL OR burn_rate_cap IS NOT NULL),
    CHECK ((scope = 'provider') = (provider IS NOT NULL)),
    CHECK ((scope = 'connection') = (connection_id IS NOT NULL))
);
