-- 014: github_workflow_metrics_config_ts ascending, as in SQLite: rows come in time order, so new
-- entries go to the index's right edge; a B-tree is read backwards just as well.
DROP INDEX github_workflow_metrics_config_ts;
CREATE INDEX github_workflow_metrics_config_ts ON github_workflow_metrics (config_id, timestamp);
