-- 015: units and directions stored once per distinct pair, as in SQLite: rows point at the pair.
CREATE TABLE github_workflow_metric_units (
    id         BIGSERIAL PRIMARY KEY,
    units      JSONB NOT NULL DEFAULT '{}',
    directions JSONB NOT NULL DEFAULT '{}',
    UNIQUE (units, directions)
);
INSERT INTO github_workflow_metric_units (units, directions)
    SELECT DISTINCT units, directions FROM github_workflow_metrics ORDER BY 1, 2;
-- No foreign key, as samples.series_id has none: a pair is never deleted.
ALTER TABLE github_workflow_metrics ADD COLUMN units_id BIGINT;
UPDATE github_workflow_metrics m SET units_id = u.id FROM github_workflow_metric_units u
    WHERE u.units = m.units AND u.directions = m.directions;
ALTER TABLE github_workflow_metrics DROP COLUMN units, DROP COLUMN directions;
