-- 006: workflow metrics, first slice (issue 7). The four seed-002 tables came with 001; this adds
-- what importing and analysing runs needs, without renaming any seed column.

-- Files larger than this are skipped with a reason, not read (seed 002: 5 MB per file).
ALTER TABLE github_workflow_configs ADD COLUMN max_file_bytes INTEGER NOT NULL DEFAULT 5242880 CHECK (max_file_bytes > 0);

-- A run's identity within its configuration, whatever its source: "run:<id>" for a GitHub run id
-- (given to an import or, later, from the Actions API), "sha256:<hex>" for an import of files
-- without one. Storing a run again with the same key replaces it and its metrics: no duplicates.
-- Runner-bound runs keep their (config_id, workload_uid) identity from 001 and may leave this NULL.
ALTER TABLE github_workflow_runs ADD COLUMN run_key TEXT;
CREATE UNIQUE INDEX github_workflow_runs_key ON github_workflow_runs (config_id, run_key) WHERE run_key IS NOT NULL;

-- Per metric of a row, keyed like `metrics`: its unit ("ns", "tok/s") and which way is better
-- ("lower", "higher", or "neutral" for counts and parameters that are not judged).
ALTER TABLE github_workflow_metrics ADD COLUMN units TEXT NOT NULL DEFAULT '{}';
ALTER TABLE github_workflow_metrics ADD COLUMN directions TEXT NOT NULL DEFAULT '{}';

-- Where a schema version came from: a built-in recognizer, a heuristic or AI proposal, or the user.
ALTER TABLE github_workflow_metric_schemas ADD COLUMN source TEXT NOT NULL DEFAULT 'user'
    CHECK (source IN ('builtin', 'heuristic', 'ai', 'user'));
