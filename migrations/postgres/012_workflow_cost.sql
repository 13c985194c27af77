-- 012: cost per result: a configuration priced by a connection's running instances or by gpu_type
-- (001) times cost_gpu_count at the cheapest offer. Mirrors migrations/sqlite/012_workflow_cost.sql.
ALTER TABLE github_workflow_configs ADD COLUMN cost_connection_id BIGINT REFERENCES connections(id) ON DELETE SET NULL;
ALTER TABLE github_workflow_configs ADD COLUMN cost_gpu_count BIGINT NOT NULL DEFAULT 1 CHECK (cost_gpu_count > 0);
