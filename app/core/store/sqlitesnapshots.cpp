// SqliteStore: writing provider snapshots (instances, endpoints, health, jobs, billing, offers).
#include "sqlitestore.h"

namespace fleetscope {
namespace {

// Runs one prepared insert per row; BIND fills the statement from a row.
template<typename Row, typename Bind>
Result<qint64> insertAll(Result<SqliteStatement *> st, const QList<Row> &rows, Bind bind)
{
    if (!st)
        return std::unexpected(st.error());
    SqliteStatement &s = **st;
    for (const Row &row : rows) {
        bind(s, row);
        if (Result<bool> stepped = s.step(); !stepped)
            return std::unexpected(stepped.error());
        s.reset();
    }
    return rows.size();
}

} // namespace

Result<qint64> SqliteStore::writeSnapshots(const WriteBatch &batch)
{
    qint64 rows = 0;
    const QList<Result<qint64>> written{
        insertAll(statement("INSERT INTO instance_snapshots (snapshot_ts, connection_id, provider, instance_id, name, gpu_type,"
                            " gpu_count, vcpu_count, memory_gb, region, status, uptime_seconds, cost_per_hour, gpu_util_percent,"
                            " metadata_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
                  batch.instances, [](SqliteStatement &s, const InstanceSnapshot &r) {
                      s.bind(1, r.snapshotTs);
                      s.bind(2, r.connectionId);
                      s.bind(3, r.provider);
                      s.bind(4, r.instanceId);
                      s.bind(5, r.name);
                      s.bind(6, r.gpuType);
                      s.bind(7, r.gpuCount);
                      s.bind(8, r.vcpuCount);
                      s.bind(9, r.memoryGb);
                      s.bind(10, r.region);
                      s.bind(11, r.status);
                      s.bind(12, r.uptimeSeconds);
                      s.bind(13, r.costPerHour);
                      s.bind(14, r.gpuUtilPercent);
                      s.bind(15, r.metadata);
                  }),
        insertAll(statement("INSERT INTO endpoint_snapshots (snapshot_ts, connection_id, endpoint_id, name, compute_type,"
                            " gpu_type_ids, workers_min, workers_max, scaler_type, scaler_value, idle_timeout,"
                            " execution_timeout_ms, metadata_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
                  batch.endpoints, [](SqliteStatement &s, const EndpointSnapshot &r) {
                      s.bind(1, r.snapshotTs);
                      s.bind(2, r.connectionId);
                      s.bind(3, r.endpointId);
                      s.bind(4, r.name);
                      s.bind(5, r.computeType);
                      s.bind(6, r.gpuTypeIds);
                      s.bind(7, r.workersMin);
                      s.bind(8, r.workersMax);
                      s.bind(9, r.scalerType);
                      s.bind(10, r.scalerValue);
                      s.bind(11, r.idleTimeout);
                      s.bind(12, r.executionTimeoutMs);
                      s.bind(13, r.metadata);
                  }),
        insertAll(statement("INSERT INTO endpoint_health (observed_ts, connection_id, endpoint_id, jobs_completed, jobs_failed,"
                            " jobs_in_progress, jobs_in_queue, jobs_retried, workers_idle, workers_running, workers_throttled,"
                            " workers_initializing, workers_unhealthy, metadata_json)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
                  batch.endpointHealth, [](SqliteStatement &s, const EndpointHealth &r) {
                      s.bind(1, r.observedTs);
                      s.bind(2, r.connectionId);
                      s.bind(3, r.endpointId);
                      s.bind(4, r.jobsCompleted);
                      s.bind(5, r.jobsFailed);
                      s.bind(6, r.jobsInProgress);
                      s.bind(7, r.jobsInQueue);
                      s.bind(8, r.jobsRetried);
                      s.bind(9, r.workersIdle);
                      s.bind(10, r.workersRunning);
                      s.bind(11, r.workersThrottled);
                      s.bind(12, r.workersInitializing);
                      s.bind(13, r.workersUnhealthy);
                      s.bind(14, r.metadata);
                  }),
        insertAll(statement("INSERT INTO jobs (observed_ts, connection_id, endpoint_id, job_id, status, delay_ms, execution_ms,"
                            " input_tokens, output_tokens, throughput, metadata_json)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                            " ON CONFLICT (connection_id, endpoint_id, job_id) DO UPDATE SET observed_ts = excluded.observed_ts,"
                            " status = excluded.status, delay_ms = coalesce(excluded.delay_ms, delay_ms),"
                            " execution_ms = coalesce(excluded.execution_ms, execution_ms),"
                            " input_tokens = coalesce(excluded.input_tokens, input_tokens),"
                            " output_tokens = coalesce(excluded.output_tokens, output_tokens),"
                            " throughput = coalesce(excluded.throughput, throughput),"
                            " metadata_json = coalesce(excluded.metadata_json, metadata_json)"),
                  batch.jobs, [](SqliteStatement &s, const JobRecord &r) {
                      s.bind(1, r.observedTs);
                      s.bind(2, r.connectionId);
                      s.bind(3, r.endpointId);
                      s.bind(4, r.jobId);
                      s.bind(5, r.status);
                      s.bind(6, r.delayMs);
                      s.bind(7, r.executionMs);
                      s.bind(8, r.inputTokens);
                      s.bind(9, r.outputTokens);
                      s.bind(10, r.throughput);
                      s.bind(11, r.metadata);
                  }),
        insertAll(statement("INSERT INTO billing_snapshots (snapshot_ts, connection_id, current_spend_per_hr, lifetime_spend,"
                            " balance, spend_limit, spend_breakdown_json, month_to_date_spend) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                  batch.billing, [](SqliteStatement &s, const BillingSnapshot &r) {
                      s.bind(1, r.snapshotTs);
                      s.bind(2, r.connectionId);
                      s.bind(3, r.currentSpendPerHr);
                      s.bind(4, r.lifetimeSpend);
                      s.bind(5, r.balance);
                      s.bind(6, r.spendLimit);
                      s.bind(7, r.spendBreakdown);
                      s.bind(8, r.monthToDateSpend);
                  }),
        insertAll(statement("INSERT INTO gpu_offers (observed_ts, provider, gpu_type, provider_gpu_id, region, tier, gpu_count,"
                            " memory_gb, price_per_hour, spot_price_per_hour, available, metadata_json, connection_id)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
                  batch.offers, [](SqliteStatement &s, const GpuOffer &r) {
                      s.bind(1, r.observedTs);
                      s.bind(2, r.provider);
                      s.bind(3, r.gpuType);
                      s.bind(4, r.providerGpuId);
                      s.bind(5, r.region);
                      s.bind(6, r.tier);
                      s.bind(7, r.gpuCount);
                      s.bind(8, r.memoryGb);
                      s.bind(9, r.pricePerHour);
                      s.bind(10, r.spotPricePerHour);
                      s.bind(11, r.available);
                      s.bind(12, r.metadata);
                      s.bindReference(13, r.connectionId);
                  }),
    };
    for (const Result<qint64> &n : written) {
        if (!n)
            return std::unexpected(n.error());
        rows += *n;
    }
    return rows;
}

} // namespace fleetscope
