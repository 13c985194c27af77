-- 006: workflow metrics, first slice (issue 7); mirrors migrations/sqlite/006_workflow_metrics.sql.

-- Files larger than this are skipped with a reason, not read (seed 002: 5 MB per file).
ALTER TABLE github_workflow_configs ADD COLUMN max_file_bytes BIGINT NOT NULL DEFAULT 5242880 CHECK (max_file_bytes > 0);

-- A run's identity within its configuration: "run:<id>" or "sha256:<hex>"; storing a run again
-- with the same key replaces it and its metrics.
ALTER TABLE github_workflow_runs ADD COLUMN run_key TEXT;
CREATE UNIQUE INDEX github_workflow_runs_key ON github_workflow_runs (config_id, run_key) WHERE run_key IS NOT NULL;

-- Per metric of a row, keyed like `metrics`: its unit and which way is better.
ALTER TABLE github_workflow_metrics ADD COLUMN units JSONB NOT NULL DEFAULT '{}';
ALTER TABLE github_workflow_metrics ADD COLUMN directions JSONB NOT NULL DEFAULT '{}';

-- Where a schema version came from: a built-in recognizer, a heuristic or AI proposal, or the user.
ALTER TABLE github_workflow_metric_schemas ADD COLUMN source TEXT NOT NULL DEFAULT 'user'
    CHECK (source IN ('builtin', 'heuristic', 'ai', 'user'));
