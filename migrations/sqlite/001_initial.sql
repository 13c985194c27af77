-- 001: the whole Fleetscope data model (DESIGN.md "Data model"), SQLite dialect.
-- Timestamps are INTEGER milliseconds since the Unix epoch, UTC. JSON columns are TEXT.
-- Unknown values are NULL, never 0.

CREATE TABLE connections (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL UNIQUE,
    settings_json   TEXT    NOT NULL DEFAULT '{}',
    enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    cadence_seconds INTEGER NOT NULL DEFAULT 300 CHECK (cadence_seconds > 0),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_sync_at    INTEGER,
    last_status     TEXT,
    last_error      TEXT
);

CREATE TABLE instance_snapshots (
    id               INTEGER PRIMARY KEY,
    snapshot_ts      INTEGER NOT NULL,
    connection_id    INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    provider         TEXT    NOT NULL,
    instance_id      TEXT    NOT NULL,
    name             TEXT,
    gpu_type         TEXT,
    gpu_count        INTEGER,
    vcpu_count       INTEGER,
    memory_gb        REAL,
    region           TEXT,
    status           TEXT,
    uptime_seconds   INTEGER,
    cost_per_hour    REAL,
    gpu_util_percent REAL,
    metadata_json    TEXT
);
CREATE INDEX instance_snapshots_conn_ts ON instance_snapshots (connection_id, snapshot_ts);
CREATE INDEX instance_snapshots_instance_ts ON instance_snapshots (instance_id, snapshot_ts);
CREATE INDEX instance_snapshots_ts ON instance_snapshots (snapshot_ts);

CREATE TABLE endpoint_snapshots (
    id                   INTEGER PRIMARY KEY,
    snapshot_ts          INTEGER NOT NULL,
    connection_id        INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    endpoint_id          TEXT    NOT NULL,
    name                 TEXT,
    compute_type         TEXT,
    gpu_type_ids         TEXT,
    workers_min          INTEGER,
    workers_max          INTEGER,
    scaler_type          TEXT,
    scaler_value         INTEGER,
    idle_timeout         INTEGER,
    execution_timeout_ms INTEGER,
    metadata_json        TEXT
);
CREATE INDEX endpoint_snapshots_conn_ts ON endpoint_snapshots (connection_id, snapshot_ts);
CREATE INDEX endpoint_snapshots_endpoint_ts ON endpoint_snapshots (endpoint_id, snapshot_ts);
CREATE INDEX endpoint_snapshots_ts ON endpoint_snapshots (snapshot_ts);

CREATE TABLE endpoint_health (
    id                   INTEGER PRIMARY KEY,
    observed_ts          INTEGER NOT NULL,
    connection_id        INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    endpoint_id          TEXT    NOT NULL,
    jobs_completed       INTEGER,
    jobs_failed          INTEGER,
    jobs_in_progress     INTEGER,
    jobs_in_queue        INTEGER,
    jobs_retried         INTEGER,
    workers_idle         INTEGER,
    workers_running      INTEGER,
    workers_throttled    INTEGER,
    workers_initializing INTEGER,
    workers_unhealthy    INTEGER,
    metadata_json        TEXT
);
CREATE INDEX endpoint_health_endpoint_ts ON endpoint_health (connection_id, endpoint_id, observed_ts);
CREATE INDEX endpoint_health_ts ON endpoint_health (observed_ts);

-- One row per job, updated as the job progresses.
CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    observed_ts    INTEGER NOT NULL,
    connection_id  INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    endpoint_id    TEXT    NOT NULL,
    job_id         TEXT    NOT NULL,
    status         TEXT,
    delay_ms       INTEGER,
    execution_ms   INTEGER,
    input_tokens   INTEGER,
    output_tokens  INTEGER,
    throughput     REAL,
    metadata_json  TEXT,
    UNIQUE (connection_id, endpoint_id, job_id)
);
CREATE INDEX jobs_endpoint_ts ON jobs (connection_id, endpoint_id, observed_ts);
CREATE INDEX jobs_ts ON jobs (observed_ts);

CREATE TABLE billing_snapshots (
    id                   INTEGER PRIMARY KEY,
    snapshot_ts          INTEGER NOT NULL,
    connection_id        INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    current_spend_per_hr REAL,
    lifetime_spend       REAL,
    balance              REAL,
    spend_breakdown_json TEXT
);
CREATE INDEX billing_snapshots_conn_ts ON billing_snapshots (connection_id, snapshot_ts);
CREATE INDEX billing_snapshots_ts ON billing_snapshots (snapshot_ts);

CREATE TABLE gpu_offers (
    id                  INTEGER PRIMARY KEY,
    observed_ts         INTEGER NOT NULL,
    provider            TEXT    NOT NULL,
    gpu_type            TEXT    NOT NULL,
    provider_gpu_id     TEXT,
    region              TEXT,
    gpu_count           INTEGER,
    memory_gb           REAL,
    price_per_hour      REAL,
    spot_price_per_hour REAL,
    available           INTEGER CHECK (available IN (0, 1)),
    metadata_json       TEXT
);
CREATE INDEX gpu_offers_type_ts ON gpu_offers (gpu_type, observed_ts);
CREATE INDEX gpu_offers_provider_ts ON gpu_offers (provider, observed_ts);
CREATE INDEX gpu_offers_ts ON gpu_offers (observed_ts);

-- Prometheus/DCGM metrics: one series row per (connection, metric, label set).
CREATE TABLE series (
    id            INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    metric        TEXT    NOT NULL,
    labels_json   TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (connection_id, metric, labels_json)
);

-- Raw samples, clustered by (series, time) so a range read is one index walk.
CREATE TABLE samples (
    series_id INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    value     REAL,
    PRIMARY KEY (series_id, ts)
) WITHOUT ROWID;

-- Workflow metrics (seed 002 names kept).
CREATE TABLE github_workflow_configs (
    id                          INTEGER PRIMARY KEY,
    name                        TEXT    NOT NULL UNIQUE,
    description                 TEXT,
    runner_set_namespace        TEXT,
    runner_set_name             TEXT,
    runner_set_uid              TEXT,
    github_owner                TEXT    NOT NULL,
    github_repo                 TEXT    NOT NULL,
    workflow_filter             TEXT,
    branch_filter               TEXT,
    file_patterns               TEXT    NOT NULL DEFAULT '[]',
    metric_schema_id            INTEGER,
    enabled                     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    last_processed_workload_uid TEXT,
    last_checked_at             INTEGER,
    cluster_name                TEXT,
    connection_id               INTEGER REFERENCES connections(id) ON DELETE SET NULL,
    gpu_type                    TEXT,
    created_at                  INTEGER NOT NULL,
    updated_at                  INTEGER NOT NULL,
    UNIQUE (runner_set_namespace, runner_set_name, cluster_name)
);

CREATE TABLE github_workflow_runs (
    id                      INTEGER PRIMARY KEY,
    config_id               INTEGER NOT NULL REFERENCES github_workflow_configs(id) ON DELETE CASCADE,
    workload_uid            TEXT,
    workload_name           TEXT,
    workload_namespace      TEXT,
    github_run_id           INTEGER,
    github_run_number       INTEGER,
    head_sha                TEXT,
    head_branch             TEXT,
    status                  TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'collecting', 'extracting', 'completed', 'failed', 'skipped')),
    trigger_source          TEXT    NOT NULL DEFAULT 'realtime'
        CHECK (trigger_source IN ('realtime', 'backfill', 'manual')),
    files_found             INTEGER NOT NULL DEFAULT 0,
    files_processed         INTEGER NOT NULL DEFAULT 0,
    metrics_count           INTEGER NOT NULL DEFAULT 0,
    workload_started_at     INTEGER,
    workload_completed_at   INTEGER,
    collection_started_at   INTEGER,
    collection_completed_at INTEGER,
    error_message           TEXT,
    retry_count             INTEGER NOT NULL DEFAULT 0,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    UNIQUE (config_id, workload_uid)
);
CREATE INDEX github_workflow_runs_config_status ON github_workflow_runs (config_id, status);
CREATE INDEX github_workflow_runs_workload ON github_workflow_runs (workload_uid);
CREATE INDEX github_workflow_runs_completed ON github_workflow_runs (workload_completed_at);
CREATE INDEX github_workflow_runs_github_run ON github_workflow_runs (config_id, github_run_id);

CREATE TABLE github_workflow_metric_schemas (
    id               INTEGER PRIMARY KEY,
    config_id        INTEGER NOT NULL REFERENCES github_workflow_configs(id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    fields           TEXT    NOT NULL DEFAULT '[]',
    dimension_fields TEXT    NOT NULL DEFAULT '[]',
    metric_fields    TEXT    NOT NULL DEFAULT '[]',
    is_active        INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (config_id, version)
);

CREATE TABLE github_workflow_metrics (
    id          INTEGER PRIMARY KEY,
    config_id   INTEGER NOT NULL REFERENCES github_workflow_configs(id) ON DELETE CASCADE,
    run_id      INTEGER NOT NULL REFERENCES github_workflow_runs(id) ON DELETE CASCADE,
    schema_id   INTEGER REFERENCES github_workflow_metric_schemas(id) ON DELETE SET NULL,
    timestamp   INTEGER NOT NULL,
    source_file TEXT,
    dimensions  TEXT    NOT NULL DEFAULT '{}',
    metrics     TEXT    NOT NULL DEFAULT '{}',
    raw_data    TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX github_workflow_metrics_config_ts ON github_workflow_metrics (config_id, timestamp DESC);
CREATE INDEX github_workflow_metrics_run ON github_workflow_metrics (run_id);

CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    ts            INTEGER NOT NULL,
    severity      TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    kind          TEXT    NOT NULL,
    connection_id INTEGER REFERENCES connections(id) ON DELETE CASCADE,
    resource_id   TEXT,
    message       TEXT    NOT NULL,
    acknowledged  INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1))
);
CREATE INDEX alerts_ts ON alerts (ts);
CREATE INDEX alerts_open ON alerts (acknowledged, ts);
