-- 013: the ARC binding's cluster: the Kubernetes connection listing the bound AutoscalingRunnerSet's
-- EphemeralRunners. Mirrors migrations/sqlite/013_arc_cluster.sql.
ALTER TABLE github_workflow_configs ADD COLUMN cluster_connection_id BIGINT REFERENCES connections(id) ON DELETE SET NULL;
