// PgStore: snapshot reads for the Cost, Pods, Endpoints and GPU Offers pages — the same rows in the
// same order as SqliteStore's (text ordered bytewise, NULLs first, as SQLite does).
#include "pgstore.h"

#include "pgsupport.h"

#include <limits>

namespace fleetscope {
namespace {

// The latest snapshots are the fleet as it is now: only connections still in use (a removed one
// keeps its history for charts and exports).
const std::string kLiveConnections = "(SELECT id FROM connections WHERE removed_at IS NULL)";

qint64 lower(const QDateTime &since) { return since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(); }
qint64 upper(const QDateTime &until) { return until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max(); }

const std::string kInstanceColumns = "snapshot_ts, connection_id, provider, instance_id, name, gpu_type, gpu_count, vcpu_count,"
                                     " memory_gb, region, status, uptime_seconds, cost_per_hour, gpu_util_percent, metadata_json";

InstanceSnapshot instance(const pqxx::row &r)
{
    InstanceSnapshot s;
    s.snapshotTs = pgTimestamp(r[0]);
    s.connectionId = pgInt(r[1]);
    s.provider = pgString(r[2]);
    s.instanceId = pgString(r[3]);
    s.name = pgString(r[4]);
    s.gpuType = pgString(r[5]);
    s.gpuCount = pgOptInt(r[6]);
    s.vcpuCount = pgOptInt(r[7]);
    s.memoryGb = pgOptReal(r[8]);
    s.region = pgString(r[9]);
    s.status = pgString(r[10]);
    s.uptimeSeconds = pgOptInt(r[11]);
    s.costPerHour = pgOptReal(r[12]);
    s.gpuUtilPercent = pgOptReal(r[13]);
    s.metadata = pgObject(r[14]);
    return s;
}

EndpointSnapshot endpoint(const pqxx::row &r)
{
    EndpointSnapshot s;
    s.snapshotTs = pgTimestamp(r[0]);
    s.connectionId = pgInt(r[1]);
    s.endpointId = pgString(r[2]);
    s.name = pgString(r[3]);
    s.computeType = pgString(r[4]);
    s.gpuTypeIds = pgString(r[5]);
    s.workersMin = pgOptInt(r[6]);
    s.workersMax = pgOptInt(r[7]);
    s.scalerType = pgString(r[8]);
    s.scalerValue = pgOptInt(r[9]);
    s.idleTimeout = pgOptInt(r[10]);
    s.executionTimeoutMs = pgOptInt(r[11]);
    s.metadata = pgObject(r[12]);
    return s;
}

const std::string kHealthColumns = "observed_ts, connection_id, endpoint_id, jobs_completed, jobs_failed, jobs_in_progress, jobs_in_queue,"
                                   " jobs_retried, workers_idle, workers_running, workers_throttled, workers_initializing, workers_unhealthy, metadata_json";

EndpointHealth health(const pqxx::row &r)
{
    EndpointHealth h;
    h.observedTs = pgTimestamp(r[0]);
    h.connectionId = pgInt(r[1]);
    h.endpointId = pgString(r[2]);
    h.jobsCompleted = pgOptInt(r[3]);
    h.jobsFailed = pgOptInt(r[4]);
    h.jobsInProgress = pgOptInt(r[5]);
    h.jobsInQueue = pgOptInt(r[6]);
    h.jobsRetried = pgOptInt(r[7]);
    h.workersIdle = pgOptInt(r[8]);
    h.workersRunning = pgOptInt(r[9]);
    h.workersThrottled = pgOptInt(r[10]);
    h.workersInitializing = pgOptInt(r[11]);
    h.workersUnhealthy = pgOptInt(r[12]);
    h.metadata = pgObject(r[13]);
    return h;
}

const std::string kBillingColumns = "snapshot_ts, connection_id, current_spend_per_hr, lifetime_spend, balance, spend_limit, spend_breakdown_json,"
    " month_to_date_spend";

BillingSnapshot billing(const pqxx::row &r)
{
    BillingSnapshot b;
    b.snapshotTs = pgTimestamp(r[0]);
    b.connectionId = pgInt(r[1]);
    b.currentSpendPerHr = pgOptReal(r[2]);
    b.lifetimeSpend = pgOptReal(r[3]);
    b.balance = pgOptReal(r[4]);
    b.spendLimit = pgOptReal(r[5]);
    b.spendBreakdown = pgObject(r[6]);
    b.monthToDateSpend = pgOptReal(r[7]);
    return b;
}

const std::string kOfferColumns = "observed_ts, provider, gpu_type, provider_gpu_id, region, tier, gpu_count, memory_gb,"
                                  " price_per_hour, spot_price_per_hour, available, metadata_json, connection_id";

GpuOffer offer(const pqxx::row &r)
{
    GpuOffer o;
    o.observedTs = pgTimestamp(r[0]);
    o.provider = pgString(r[1]);
    o.gpuType = pgString(r[2]);
    o.providerGpuId = pgString(r[3]);
    o.region = pgString(r[4]);
    o.tier = pgString(r[5]);
    o.gpuCount = pgOptInt(r[6]);
    o.memoryGb = pgOptReal(r[7]);
    o.pricePerHour = pgOptReal(r[8]);
    o.spotPricePerHour = pgOptReal(r[9]);
    o.available = pgOptBool(r[10]);
    o.metadata = pgObject(r[11]);
    o.connectionId = pgInt(r[12]);
    return o;
}

} // namespace

Result<QList<InstanceSnapshot>> PgStore::latestInstances()
{
    static const std::string sql = "SELECT " + kInstanceColumns + " FROM instance_snapshots i"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM instance_snapshots WHERE connection_id = i.connection_id)"
        " AND i.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, name COLLATE \"C\" NULLS FIRST, instance_id COLLATE \"C\"";
    return pgRows(*m_connection, m_display, sql, instance);
}

Result<QList<InstanceSnapshot>> PgStore::instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until)
{
    static const std::string sql = "SELECT " + kInstanceColumns + " FROM instance_snapshots"
        " WHERE instance_id = $1 AND snapshot_ts >= $2 AND snapshot_ts < $3 ORDER BY snapshot_ts";
    return pgRows(*m_connection, m_display, sql, instance, instanceId.toStdString(), lower(since), upper(until));
}

Result<QList<InstanceSnapshot>> PgStore::instanceSnapshots(const QDateTime &since, const QDateTime &until)
{
    static const std::string sql = "SELECT " + kInstanceColumns + " FROM instance_snapshots"
        " WHERE snapshot_ts >= $1 AND snapshot_ts < $2 ORDER BY snapshot_ts, id";
    return pgRows(*m_connection, m_display, sql, instance, lower(since), upper(until));
}

Result<QList<InstanceTotals>> PgStore::instanceTotals(const QDateTime &since, const QDateTime &until)
{
    // As SqliteStore: sums over no known value stay NULL (unknown, not 0); an instance without a
    // GPU count weighs as one GPU in the mean util.
    static const std::string sql =
        "SELECT snapshot_ts, connection_id, count(*), coalesce(sum(running), 0)::bigint,"
        " sum(CASE WHEN running = 1 THEN gpu_count END)::bigint, sum(CASE WHEN running = 1 THEN cost_per_hour END),"
        " sum(CASE WHEN running = 1 THEN gpu_util_percent * weight END)"
        "   / sum(CASE WHEN running = 1 AND gpu_util_percent IS NOT NULL THEN weight END),"
        " coalesce(sum(CASE WHEN running = 1 AND gpu_util_percent IS NOT NULL THEN weight END), 0)::bigint,"
        " sum(CASE WHEN running = 0 AND lower(status) != 'terminated' THEN volume_gb END)"
        " FROM (SELECT snapshot_ts, connection_id, gpu_count, cost_per_hour, gpu_util_percent, status,"
        "       (lower(status) = 'running')::int AS running, greatest(coalesce(gpu_count, 1), 1) AS weight,"
        "       CASE WHEN jsonb_typeof(metadata_json->'volumeInGb') = 'number' THEN (metadata_json->>'volumeInGb')::double precision END AS volume_gb"
        "       FROM instance_snapshots WHERE snapshot_ts >= $1 AND snapshot_ts < $2) t"
        " GROUP BY snapshot_ts, connection_id ORDER BY snapshot_ts, connection_id";
    return pgRows(*m_connection, m_display, sql, +[](const pqxx::row &r) -> InstanceTotals {
        InstanceTotals t;
        t.snapshotTs = pgTimestamp(r[0]);
        t.connectionId = pgInt(r[1]);
        t.instances = pgInt(r[2]);
        t.running = pgInt(r[3]);
        t.runningGpus = pgOptInt(r[4]);
        t.runningCostPerHour = pgOptReal(r[5]);
        t.meanGpuUtilPercent = pgOptReal(r[6]);
        t.utilGpus = pgInt(r[7]);
        t.stoppedVolumeGb = pgOptReal(r[8]);
        return t;
    }, lower(since), upper(until));
}

Result<QList<LatestSample>> PgStore::latestSamples(const QString &metric)
{
    static const std::string sql =
        "SELECT s.id, s.connection_id, s.metric, s.labels_json, x.ts, x.value FROM series s"
        " JOIN samples x ON x.series_id = s.id"
        " AND x.ts = (SELECT max(ts) FROM samples WHERE series_id = s.id AND value IS NOT NULL)"
        " WHERE s.metric = $1 AND s.connection_id IN " + kLiveConnections
        + " ORDER BY s.connection_id, s.labels_json COLLATE \"C\"";
    return pgRows(*m_connection, m_display, sql, +[](const pqxx::row &r) -> LatestSample {
        LatestSample l;
        l.seriesId = pgInt(r[0]);
        l.key = SeriesKey{pgInt(r[1]), pgString(r[2]), pgString(r[3])};
        l.sample = Sample{pgInt(r[4]), pgOptReal(r[5]).value_or(0)};
        return l;
    }, metric.toStdString());
}

Result<QList<EndpointSnapshot>> PgStore::latestEndpoints()
{
    static const std::string sql =
        "SELECT snapshot_ts, connection_id, endpoint_id, name, compute_type, gpu_type_ids, workers_min, workers_max, scaler_type,"
        " scaler_value, idle_timeout, execution_timeout_ms, metadata_json FROM endpoint_snapshots e"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM endpoint_snapshots WHERE connection_id = e.connection_id)"
        " AND e.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, name COLLATE \"C\" NULLS FIRST, endpoint_id COLLATE \"C\"";
    return pgRows(*m_connection, m_display, sql, endpoint);
}

Result<QList<EndpointHealth>> PgStore::latestEndpointHealth()
{
    static const std::string sql = "SELECT " + kHealthColumns + " FROM endpoint_health h"
        " WHERE observed_ts = (SELECT max(observed_ts) FROM endpoint_health WHERE connection_id = h.connection_id AND endpoint_id = h.endpoint_id)"
        " AND h.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, endpoint_id COLLATE \"C\"";
    return pgRows(*m_connection, m_display, sql, health);
}

Result<QList<EndpointHealth>> PgStore::endpointHealthHistory(const QString &endpointId, const QDateTime &since, const QDateTime &until)
{
    static const std::string sql = "SELECT " + kHealthColumns + " FROM endpoint_health"
        " WHERE endpoint_id = $1 AND observed_ts >= $2 AND observed_ts < $3 ORDER BY observed_ts";
    return pgRows(*m_connection, m_display, sql, health, endpointId.toStdString(), lower(since), upper(until));
}

Result<QList<BillingSnapshot>> PgStore::billingHistory(const QDateTime &since, const QDateTime &until)
{
    static const std::string sql = "SELECT " + kBillingColumns + " FROM billing_snapshots"
        " WHERE snapshot_ts >= $1 AND snapshot_ts < $2 ORDER BY snapshot_ts, id";
    return pgRows(*m_connection, m_display, sql, billing, lower(since), upper(until));
}

Result<QList<BillingSnapshot>> PgStore::latestBilling()
{
    static const std::string sql = "SELECT " + kBillingColumns + " FROM billing_snapshots b"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM billing_snapshots WHERE connection_id = b.connection_id)"
        " AND b.connection_id IN " + kLiveConnections + " ORDER BY connection_id";
    return pgRows(*m_connection, m_display, sql, billing);
}

Result<QList<GpuOffer>> PgStore::latestOffers()
{
    // As SqliteStore::latestOffers: each provider's newest catalog, the cheapest row per type and tier.
    static const std::string live = "(connection_id IS NULL OR connection_id IN " + kLiveConnections + ")";
    static const std::string sql = "SELECT " + kOfferColumns + " FROM (SELECT o.*, row_number() OVER"
        " (PARTITION BY provider, gpu_type, tier ORDER BY price_per_hour IS NULL, price_per_hour, id) AS pick FROM gpu_offers o"
        " WHERE " + live + " AND observed_ts = (SELECT max(observed_ts) FROM gpu_offers WHERE provider = o.provider AND " + live + ")) picked"
        " WHERE pick = 1 ORDER BY gpu_type COLLATE \"C\", provider COLLATE \"C\", tier COLLATE \"C\" NULLS FIRST";
    return pgRows(*m_connection, m_display, sql, offer);
}

Result<QList<GpuOffer>> PgStore::offerHistory(const QString &gpuType, const QDateTime &since, const QDateTime &until)
{
    static const std::string sql = "SELECT " + kOfferColumns + " FROM gpu_offers"
        " WHERE gpu_type = $1 AND observed_ts >= $2 AND observed_ts < $3 ORDER BY observed_ts, id";
    return pgRows(*m_connection, m_display, sql, offer, gpuType.toStdString(), lower(since), upper(until));
}

} // namespace fleetscope
