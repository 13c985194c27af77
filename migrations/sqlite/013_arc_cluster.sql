-- 013: the ARC binding's cluster. A configuration bound to an AutoscalingRunnerSet (runner_set_namespace,
-- runner_set_name, 001) names the Kubernetes connection whose API server lists its EphemeralRunners.
ALTER TABLE github_workflow_configs ADD COLUMN cluster_connection_id INTEGER REFERENCES connections(id) ON DELETE SET NULL;
