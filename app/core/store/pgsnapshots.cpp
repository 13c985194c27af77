// PgStore: writing provider snapshots — COPY for the append-only tables, an upsert per job.
#include "pgstore.h"

#include "pgsupport.h"

namespace fleetscope {
namespace {

// COPYs ROWS into TABLE's COLUMNS, each row made a tuple by TUPLE.
template<typename Row, typename Tuple>
qint64 copyAll(pqxx::transaction_base &tx, const char *table, const std::vector<std::string> &columns, const QList<Row> &rows, Tuple tuple)
{
    if (rows.isEmpty())
        return 0;
    pqxx::stream_to copy(tx, table, columns);
    for (const Row &row : rows)
        copy << tuple(row);
    copy.complete();
    return rows.size();
}

} // namespace

qint64 PgStore::writeSnapshots(pqxx::transaction_base &tx, const WriteBatch &batch)
{
    qint64 rows = 0;
    rows += copyAll(tx, "instance_snapshots",
        {"snapshot_ts", "connection_id", "provider", "instance_id", "name", "gpu_type", "gpu_count", "vcpu_count", "memory_gb",
         "region", "status", "uptime_seconds", "cost_per_hour", "gpu_util_percent", "metadata_json"},
        batch.instances, [](const InstanceSnapshot &r) {
            return std::make_tuple(pgTime(r.snapshotTs), r.connectionId, pgText(r.provider), pgText(r.instanceId), pgText(r.name),
                                   pgText(r.gpuType), r.gpuCount, r.vcpuCount, pgReal(r.memoryGb), pgText(r.region), pgText(r.status),
                                   r.uptimeSeconds, pgReal(r.costPerHour), pgReal(r.gpuUtilPercent), pgJson(r.metadata));
        });
    rows += copyAll(tx, "endpoint_snapshots",
        {"snapshot_ts", "connection_id", "endpoint_id", "name", "compute_type", "gpu_type_ids", "workers_min", "workers_max",
         "scaler_type", "scaler_value", "idle_timeout", "execution_timeout_ms", "metadata_json"},
        batch.endpoints, [](const EndpointSnapshot &r) {
            return std::make_tuple(pgTime(r.snapshotTs), r.connectionId, pgText(r.endpointId), pgText(r.name), pgText(r.computeType),
                                   pgText(r.gpuTypeIds), r.workersMin, r.workersMax, pgText(r.scalerType), r.scalerValue, r.idleTimeout,
                                   r.executionTimeoutMs, pgJson(r.metadata));
        });
    rows += copyAll(tx, "endpoint_health",
        {"observed_ts", "connection_id", "endpoint_id", "jobs_completed", "jobs_failed", "jobs_in_progress", "jobs_in_queue",
         "jobs_retried", "workers_idle", "workers_running", "workers_throttled", "workers_initializing", "workers_unhealthy",
         "metadata_json"},
        batch.endpointHealth, [](const EndpointHealth &r) {
            return std::make_tuple(pgTime(r.observedTs), r.connectionId, pgText(r.endpointId), r.jobsCompleted, r.jobsFailed,
                                   r.jobsInProgress, r.jobsInQueue, r.jobsRetried, r.workersIdle, r.workersRunning,
                                   r.workersThrottled, r.workersInitializing, r.workersUnhealthy, pgJson(r.metadata));
        });
    rows += copyAll(tx, "billing_snapshots",
        {"snapshot_ts", "connection_id", "current_spend_per_hr", "lifetime_spend", "balance", "spend_limit", "spend_breakdown_json",
         "month_to_date_spend"},
        batch.billing, [](const BillingSnapshot &r) {
            return std::make_tuple(pgTime(r.snapshotTs), r.connectionId, pgReal(r.currentSpendPerHr), pgReal(r.lifetimeSpend),
                                   pgReal(r.balance), pgReal(r.spendLimit), pgJson(r.spendBreakdown),
                                   pgReal(r.monthToDateSpend));
        });
    rows += copyAll(tx, "gpu_offers",
        {"observed_ts", "provider", "gpu_type", "provider_gpu_id", "region", "tier", "gpu_count", "memory_gb", "price_per_hour",
         "spot_price_per_hour", "available", "metadata_json", "connection_id"},
        batch.offers, [](const GpuOffer &r) {
            return std::make_tuple(pgTime(r.observedTs), pgText(r.provider), pgText(r.gpuType), pgText(r.providerGpuId), pgText(r.region),
                                   pgText(r.tier), r.gpuCount, pgReal(r.memoryGb), pgReal(r.pricePerHour), pgReal(r.spotPricePerHour),
                                   r.available, pgJson(r.metadata),
                                   r.connectionId > 0 ? std::optional<qint64>(r.connectionId) : std::nullopt);
        });
    // Jobs are updated in place as they progress, so they are upserts, one by one, in batch order
    // (a job may appear twice in a batch; the later report wins, as in SQLite).
    for (const JobRecord &r : batch.jobs) {
        tx.exec_params(
            "INSERT INTO jobs (observed_ts, connection_id, endpoint_id, job_id, status, delay_ms, execution_ms,"
            " input_tokens, output_tokens, throughput, metadata_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            " ON CONFLICT (connection_id, endpoint_id, job_id) DO UPDATE SET observed_ts = excluded.observed_ts,"
            " status = excluded.status, delay_ms = coalesce(excluded.delay_ms, jobs.delay_ms),"
            " execution_ms = coalesce(excluded.execution_ms, jobs.execution_ms),"
            " input_tokens = coalesce(excluded.input_tokens, jobs.input_tokens),"
            " output_tokens = coalesce(excluded.output_tokens, jobs.output_tokens),"
            " throughput = coalesce(excluded.throughput, jobs.throughput),"
            " metadata_json = coalesce(excluded.metadata_json, jobs.metadata_json)",
            pgTime(r.observedTs), r.connectionId, pgText(r.endpointId), pgText(r.jobId), pgText(r.status), r.delayMs, r.executionMs,
            r.inputTokens, r.outputTokens, pgReal(r.throughput), pgJson(r.metadata));
        ++rows;
    }
    return rows;
}

} // namespace fleetscope
