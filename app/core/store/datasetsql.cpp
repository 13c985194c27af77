// The SQL behind each export dataset: one text for both dialects, so they cannot drift apart.
#include "datasetsql.h"

namespace fleetscope {

// Each select names the dataset's columns in order; ?1/?2 bound the time column, half-open.
const char *datasetSelect(const QString &name)
{
    if (name == QLatin1String("pods"))
        return "SELECT i.snapshot_ts, c.name, i.provider, i.instance_id, i.name, i.gpu_type, i.gpu_count, i.vcpu_count,"
               " i.memory_gb, i.region, i.status, i.uptime_seconds, i.cost_per_hour, i.gpu_util_percent"
               " FROM instance_snapshots i JOIN connections c ON c.id = i.connection_id"
               " WHERE i.snapshot_ts >= ?1 AND i.snapshot_ts < ?2 ORDER BY i.snapshot_ts, i.id";
    if (name == QLatin1String("endpoints"))
        return "SELECT e.snapshot_ts, c.name, e.endpoint_id, e.name, e.gpu_type_ids, e.workers_min, e.workers_max,"
               " e.idle_timeout, e.scaler_type, e.scaler_value"
               " FROM endpoint_snapshots e JOIN connections c ON c.id = e.connection_id"
               " WHERE e.snapshot_ts >= ?1 AND e.snapshot_ts < ?2 ORDER BY e.snapshot_ts, e.id";
    if (name == QLatin1String("endpoint-health"))
        return "SELECT h.observed_ts, c.name, h.endpoint_id, h.jobs_completed, h.jobs_failed, h.jobs_in_progress,"
               " h.jobs_in_queue, h.jobs_retried, h.workers_idle, h.workers_running, h.workers_throttled,"
               " h.workers_initializing, h.workers_unhealthy"
               " FROM endpoint_health h JOIN connections c ON c.id = h.connection_id"
               " WHERE h.observed_ts >= ?1 AND h.observed_ts < ?2 ORDER BY h.observed_ts, h.id";
    if (name == QLatin1String("jobs"))
        return "SELECT j.observed_ts, c.name, j.endpoint_id, j.job_id, j.status, j.delay_ms, j.execution_ms"
               " FROM jobs j JOIN connections c ON c.id = j.connection_id"
               " WHERE j.observed_ts >= ?1 AND j.observed_ts < ?2 ORDER BY j.observed_ts, j.id";
    if (name == QLatin1String("billing"))
        return "SELECT b.snapshot_ts, c.name, b.current_spend_per_hr, b.lifetime_spend, b.month_to_date_spend,"
               " b.balance, b.spend_limit"
               " FROM billing_snapshots b JOIN connections c ON c.id = b.connection_id"
               " WHERE b.snapshot_ts >= ?1 AND b.snapshot_ts < ?2 ORDER BY b.snapshot_ts, b.id";
    if (name == QLatin1String("gpu-offers"))
        return "SELECT observed_ts, provider, gpu_type, provider_gpu_id, memory_gb, tier, price_per_hour,"
               " spot_price_per_hour, available FROM gpu_offers"
               " WHERE observed_ts >= ?1 AND observed_ts < ?2 ORDER BY observed_ts, id";
    // A run's time is when its workload started, else when its files were collected.
    if (name == QLatin1String("workflow-runs"))
        return "SELECT c.name, r.github_run_id, r.head_sha, r.head_branch, r.status, r.trigger_source, r.files_found,"
               " r.files_processed, r.metrics_count, r.workload_started_at, r.workload_completed_at, r.error_message"
               " FROM github_workflow_runs r JOIN github_workflow_configs c ON c.id = r.config_id"
               " WHERE coalesce(r.workload_started_at, r.collection_started_at, r.created_at) >= ?1"
               " AND coalesce(r.workload_started_at, r.collection_started_at, r.created_at) < ?2 AND (coalesce(?3, '') = '' OR c.name = ?3)"
               " ORDER BY coalesce(r.workload_started_at, r.collection_started_at, r.created_at), r.id";
    return nullptr;
}

const char *sqliteDatasetSelect(const QString &name)
{
    // One row per metric of a result: json_each spreads the metrics object.
    if (name == QLatin1String("workflow-metrics"))
        return "SELECT c.name, r.github_run_id, r.head_sha, m.timestamp, m.source_file, m.dimensions, e.key, e.value, u.value"
               " FROM github_workflow_metrics m JOIN github_workflow_runs r ON r.id = m.run_id"
               " JOIN github_workflow_configs c ON c.id = m.config_id LEFT JOIN github_workflow_metric_units f ON f.id = m.units_id"
               " JOIN json_each(m.metrics) e LEFT JOIN json_each(f.units) u ON u.key = e.key"
               " WHERE m.timestamp >= ?1 AND m.timestamp < ?2 AND (coalesce(?3, '') = '' OR c.name = ?3) ORDER BY m.timestamp, m.id, e.key";
    return nullptr;
}

const char *postgresDatasetSelect(const QString &name)
{
    // As SQLite's: jsonb_each spreads the metrics, keys in byte order. The dimensions come back as
    // JSONB, which PgStore::dataset writes as the compact text SQLite stores.
    if (name == QLatin1String("workflow-metrics"))
        return "SELECT c.name, r.github_run_id, r.head_sha, m.timestamp, m.source_file, m.dimensions, e.key,"
               " CASE WHEN jsonb_typeof(e.value) = 'number' THEN e.value::double precision END, f.units ->> e.key"
               " FROM github_workflow_metrics m JOIN github_workflow_runs r ON r.id = m.run_id"
               " JOIN github_workflow_configs c ON c.id = m.config_id LEFT JOIN github_workflow_metric_units f ON f.id = m.units_id"
               " CROSS JOIN LATERAL jsonb_each(m.metrics) e"
               " WHERE m.timestamp >= ?1 AND m.timestamp < ?2 AND (coalesce(?3, '') = '' OR c.name = ?3) ORDER BY m.timestamp, m.id, e.key COLLATE \"C\"";
    return nullptr;
}

} // namespace fleetscope
