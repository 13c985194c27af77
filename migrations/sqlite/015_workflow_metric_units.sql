-- 015: units and directions stored once per distinct pair. Nearly every row of a run repeated the
-- same two documents (a table's columns have one unit each): about a quarter of a row's bytes, which
-- SQLite wrote to its log and checkpointed again on every import. Rows now point at the
-- pair; the documents read as before through a join. Existing rows keep theirs.
CREATE TABLE github_workflow_metric_units (
    id         INTEGER PRIMARY KEY,
    units      TEXT NOT NULL DEFAULT '{}',
    directions TEXT NOT NULL DEFAULT '{}',
    UNIQUE (units, directions)
);
INSERT INTO github_workflow_metric_units (units, directions)
    SELECT DISTINCT units, directions FROM github_workflow_metrics ORDER BY 1, 2;
-- No foreign key, as samples.series_id has none: a pair is never deleted, and the check would cost
-- every row a lookup.
ALTER TABLE github_workflow_metrics ADD COLUMN units_id INTEGER;
UPDATE github_workflow_metrics SET units_id = (SELECT u.id FROM github_workflow_metric_units u
                                               WHERE u.units = github_workflow_metrics.units AND u.directions = github_workflow_metrics.directions);
ALTER TABLE github_workflow_metrics DROP COLUMN units;
ALTER TABLE github_workflow_metrics DROP COLUMN directions;
