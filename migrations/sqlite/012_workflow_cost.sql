-- 012: cost per result. A workflow configuration is priced either by the instances of a connection
-- (cost_connection_id: the sum of its running instances' cost_per_hour in the snapshot nearest each
-- run) or by a GPU type: the existing gpu_type column (001, a canonical name) times cost_gpu_count
-- GPUs at the cheapest stored offer of that type observed nearest each run.
ALTER TABLE github_workflow_configs ADD COLUMN cost_connection_id INTEGER REFERENCES connections(id) ON DELETE SET NULL;
ALTER TABLE github_workflow_configs ADD COLUMN cost_gpu_count INTEGER NOT NULL DEFAULT 1 CHECK (cost_gpu_count > 0);
