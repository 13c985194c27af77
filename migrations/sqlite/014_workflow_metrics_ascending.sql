-- 014: github_workflow_metrics_config_ts ascending. Rows come in time order, so each new row's entry
-- now lands at the index's right edge, where SQLite fills pages whole; descending, every entry went
-- between the newest run and the older ones, splitting pages. Queries read it either way round.
DROP INDEX github_workflow_metrics_config_ts;
CREATE INDEX github_workflow_metrics_config_ts ON github_workflow_metrics (config_id, timestamp);
