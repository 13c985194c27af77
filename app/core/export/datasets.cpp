// Column contracts of the exports (issues "RunPod end to end" and 7, sections Export).
#include "datasets.h"

namespace fleetscope {
namespace {

DatasetSpec spec(const char *name, std::initializer_list<std::pair<const char *, ColumnType>> columns)
{
    DatasetSpec result;
    result.name = QString::fromLatin1(name);
    for (const auto &[column, type] : columns) {
        result.columns << QString::fromLatin1(column);
        result.types << type;
    }
    return result;
}

} // namespace

const QList<DatasetSpec> &exportDatasets()
{
    using T = ColumnType;
    static const QList<DatasetSpec> datasets{
        spec("pods", {{"snapshot_ts", T::Timestamp}, {"connection", T::Text}, {"provider", T::Text}, {"instance_id", T::Text},
                      {"name", T::Text}, {"gpu_type", T::Text}, {"gpu_count", T::Integer}, {"vcpu_count", T::Integer},
                      {"memory_gb", T::Real}, {"region", T::Text}, {"status", T::Text}, {"uptime_seconds", T::Integer},
                      {"cost_per_hour", T::Real}, {"gpu_util_percent", T::Real}}),
        spec("endpoints", {{"snapshot_ts", T::Timestamp}, {"connection", T::Text}, {"endpoint_id", T::Text}, {"name", T::Text},
                           {"gpu_type_ids", T::Text}, {"workers_min", T::Integer}, {"workers_max", T::Integer},
                           {"idle_timeout", T::Integer}, {"scaler_type", T::Text}, {"scaler_value", T::Integer}}),
        spec("endpoint-health", {{"observed_ts", T::Timestamp}, {"connection", T::Text}, {"endpoint_id", T::Text},
                                 {"jobs_completed", T::Integer}, {"jobs_failed", T::Integer}, {"jobs_in_progress", T::Integer},
                                 {"jobs_in_queue", T::Integer}, {"jobs_retried", T::Integer}, {"workers_idle", T::Integer},
                                 {"workers_running", T::Integer}, {"workers_throttled", T::Integer},
                                 {"workers_initializing", T::Integer}, {"workers_unhealthy", T::Integer}}),
        spec("jobs", {{"observed_ts", T::Timestamp}, {"connection", T::Text}, {"endpoint_id", T::Text}, {"job_id", T::Text},
                      {"status", T::Text}, {"delay_ms", T::Integer}, {"execution_ms", T::Integer}}),
        spec("billing", {{"snapshot_ts", T::Timestamp}, {"connection", T::Text}, {"current_spend_per_hr", T::Real},
                         {"lifetime_spend", T::Real}, {"month_to_date_spend", T::Real},
                         {"balance", T::Real}, {"spend_limit", T::Real}}),
        spec("gpu-offers", {{"observed_ts", T::Timestamp}, {"provider", T::Text}, {"gpu_type", T::Text},
                            {"provider_gpu_id", T::Text}, {"memory_gb", T::Real}, {"tier", T::Text}, {"price_per_hour", T::Real},
                            {"spot_price_per_hour", T::Real}, {"available", T::Boolean}}),
        // Issue 7, section Export. Metrics in long form: one row per metric value.
        spec("workflow-runs", {{"config", T::Text}, {"github_run_id", T::Integer}, {"head_sha", T::Text}, {"head_branch", T::Text},
                               {"status", T::Text}, {"trigger_source", T::Text}, {"files_found", T::Integer},
                               {"files_processed", T::Integer}, {"metrics_count", T::Integer},
                               {"workload_started_at", T::Timestamp}, {"workload_completed_at", T::Timestamp},
                               {"error_message", T::Text}}),
        spec("workflow-metrics", {{"config", T::Text}, {"github_run_id", T::Integer}, {"head_sha", T::Text},
                                  {"timestamp", T::Timestamp}, {"source_file", T::Text}, {"dimensions", T::Text},
                                  {"metric", T::Text}, {"value", T::Real}, {"unit", T::Text}}),
    };
    return datasets;
}

const DatasetSpec *findDataset(const QString &name)
{
    for (const DatasetSpec &dataset : exportDatasets()) {
        if (dataset.name == name)
            return &dataset;
    }
    return nullptr;
}

QStringList datasetNames()
{
    QStringList names;
    for (const DatasetSpec &dataset : exportDatasets())
        names << dataset.name;
    return names;
}

bool isConfigDataset(const DatasetSpec &spec)
{
    return spec.columns.value(0) == QLatin1String("config");
}

} // namespace fleetscope
