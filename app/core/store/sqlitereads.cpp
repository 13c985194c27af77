// SqliteStore: snapshot reads for the Overview, Cost, Pods, Endpoints and GPU Offers pages.
#include "sqlitestore.h"

#include <QJsonDocument>

#include <limits>

namespace fleetscope {
namespace {

// The latest snapshots are the fleet as it is now: only connections still in use (a removed one
// keeps its history for charts and exports).
const QByteArray kLiveConnections = QByteArrayLiteral("(SELECT id FROM connections WHERE removed_at IS NULL)");

std::optional<qint64> optInt(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<qint64>(s.int64(column));
}

std::optional<double> optReal(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<double>(s.real(column));
}

QDateTime timestamp(const SqliteStatement &s, int column)
{
    return QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
}

QJsonObject object(const SqliteStatement &s, int column)
{
    return s.isNull(column) ? QJsonObject() : QJsonDocument::fromJson(s.text(column).toUtf8()).object();
}

qint64 lower(const QDateTime &since) { return since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(); }
qint64 upper(const QDateTime &until) { return until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max(); }

constexpr auto kInstanceColumns = "snapshot_ts, connection_id, provider, instance_id, name, gpu_type, gpu_count, vcpu_count,"
                                  " memory_gb, region, status, uptime_seconds, cost_per_hour, gpu_util_percent, metadata_json";

InstanceSnapshot instance(const SqliteStatement &s)
{
    InstanceSnapshot r;
    r.snapshotTs = timestamp(s, 0);
    r.connectionId = s.int64(1);
    r.provider = s.text(2);
    r.instanceId = s.text(3);
    r.name = s.text(4);
    r.gpuType = s.text(5);
    r.gpuCount = optInt(s, 6);
    r.vcpuCount = optInt(s, 7);
    r.memoryGb = optReal(s, 8);
    r.region = s.text(9);
    r.status = s.text(10);
    r.uptimeSeconds = optInt(s, 11);
    r.costPerHour = optReal(s, 12);
    r.gpuUtilPercent = optReal(s, 13);
    r.metadata = object(s, 14);
    return r;
}

constexpr auto kHealthColumns = "observed_ts, connection_id, endpoint_id, jobs_completed, jobs_failed, jobs_in_progress, jobs_in_queue,"
                                " jobs_retried, workers_idle, workers_running, workers_throttled, workers_initializing, workers_unhealthy, metadata_json";

EndpointHealth health(const SqliteStatement &s)
{
    EndpointHealth r;
    r.observedTs = timestamp(s, 0);
    r.connectionId = s.int64(1);
    r.endpointId = s.text(2);
    r.jobsCompleted = optInt(s, 3);
    r.jobsFailed = optInt(s, 4);
    r.jobsInProgress = optInt(s, 5);
    r.jobsInQueue = optInt(s, 6);
    r.jobsRetried = optInt(s, 7);
    r.workersIdle = optInt(s, 8);
    r.workersRunning = optInt(s, 9);
    r.workersThrottled = optInt(s, 10);
    r.workersInitializing = optInt(s, 11);
    r.workersUnhealthy = optInt(s, 12);
    r.metadata = object(s, 13);
    return r;
}

constexpr auto kBillingColumns = "snapshot_ts, connection_id, current_spend_per_hr, lifetime_spend, balance, spend_limit, spend_breakdown_json,"
    " month_to_date_spend";

BillingSnapshot billing(const SqliteStatement &s)
{
    BillingSnapshot r;
    r.snapshotTs = timestamp(s, 0);
    r.connectionId = s.int64(1);
    r.currentSpendPerHr = optReal(s, 2);
    r.lifetimeSpend = optReal(s, 3);
    r.balance = optReal(s, 4);
    r.spendLimit = optReal(s, 5);
    r.spendBreakdown = object(s, 6);
    r.monthToDateSpend = optReal(s, 7);
    return r;
}

constexpr auto kOfferColumns = "observed_ts, provider, gpu_type, provider_gpu_id, region, tier, gpu_count, memory_gb,"
                               " price_per_hour, spot_price_per_hour, available, metadata_json, connection_id";

GpuOffer offer(const SqliteStatement &s)
{
    GpuOffer r;
    r.observedTs = timestamp(s, 0);
    r.provider = s.text(1);
    r.gpuType = s.text(2);
    r.providerGpuId = s.text(3);
    r.region = s.text(4);
    r.tier = s.text(5);
    r.gpuCount = optInt(s, 6);
    r.memoryGb = optReal(s, 7);
    r.pricePerHour = optReal(s, 8);
    r.spotPricePerHour = optReal(s, 9);
    r.available = s.isNull(10) ? std::nullopt : std::optional<bool>(s.int64(10) != 0);
    r.metadata = object(s, 11);
    r.connectionId = s.isNull(12) ? 0 : s.int64(12);
    return r;
}

} // namespace

// Reads every row of SQL (prepared once per call site) into a list through CONVERT.
template<typename Row>
Result<QList<Row>> SqliteStore::readRows(const char *sql, const std::function<void(SqliteStatement &)> &bind, Row (*convert)(const SqliteStatement &))
{
    Result<SqliteStatement *> st = statement(sql);
    if (!st)
        return std::unexpected(st.error());
    bind(**st);
    QList<Row> rows;
    Result<void> read = (*st)->eachRow([&rows, convert](const SqliteStatement &s) { rows << convert(s); });
    if (!read)
        return std::unexpected(read.error());
    return rows;
}

Result<QList<InstanceSnapshot>> SqliteStore::latestInstances()
{
    static const QByteArray sql = QByteArray("SELECT ") + kInstanceColumns + " FROM instance_snapshots i"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM instance_snapshots WHERE connection_id = i.connection_id)"
        " AND i.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, name, instance_id";
    return readRows<InstanceSnapshot>(sql.constData(), [](SqliteStatement &) {}, instance);
}

Result<QList<InstanceSnapshot>> SqliteStore::instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until)
{
    static const QByteArray sql = QByteArray("SELECT ") + kInstanceColumns + " FROM instance_snapshots"
        " WHERE instance_id = ?1 AND snapshot_ts >= ?2 AND snapshot_ts < ?3 ORDER BY snapshot_ts";
    return readRows<InstanceSnapshot>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, instanceId);
        s.bind(2, lower(since));
        s.bind(3, upper(until));
    }, instance);
}

Result<QList<InstanceSnapshot>> SqliteStore::instanceSnapshots(const QDateTime &since, const QDateTime &until)
{
    static const QByteArray sql = QByteArray("SELECT ") + kInstanceColumns + " FROM instance_snapshots"
        " WHERE snapshot_ts >= ?1 AND snapshot_ts < ?2 ORDER BY snapshot_ts, id";
    return readRows<InstanceSnapshot>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, lower(since));
        s.bind(2, upper(until));
    }, instance);
}

Result<QList<InstanceTotals>> SqliteStore::instanceTotals(const QDateTime &since, const QDateTime &until)
{
    // Sums over no known value are NULL in SQL, which keeps "unknown" apart from 0. An instance
    // without a GPU count weighs as one GPU in the mean util.
    static const QByteArray sql =
        "SELECT snapshot_ts, connection_id, count(*), coalesce(sum(running), 0),"
        " sum(CASE WHEN running THEN gpu_count END), sum(CASE WHEN running THEN cost_per_hour END),"
        " sum(CASE WHEN running THEN gpu_util_percent * weight END) / sum(CASE WHEN running AND gpu_util_percent IS NOT NULL THEN weight END),"
        " coalesce(sum(CASE WHEN running AND gpu_util_percent IS NOT NULL THEN weight END), 0),"
        " sum(CASE WHEN NOT running AND lower(status) != 'terminated' THEN volume_gb END)"
        " FROM (SELECT snapshot_ts, connection_id, gpu_count, cost_per_hour, gpu_util_percent, status,"
        "       lower(status) = 'running' AS running, max(coalesce(gpu_count, 1), 1) AS weight,"
        "       CASE WHEN json_type(metadata_json, '$.volumeInGb') IN ('integer', 'real') THEN json_extract(metadata_json, '$.volumeInGb') END AS volume_gb"
        "       FROM instance_snapshots WHERE snapshot_ts >= ?1 AND snapshot_ts < ?2)"
        " GROUP BY snapshot_ts, connection_id ORDER BY snapshot_ts, connection_id";
    return readRows<InstanceTotals>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, lower(since));
        s.bind(2, upper(until));
    }, [](const SqliteStatement &s) {
        InstanceTotals r;
        r.snapshotTs = timestamp(s, 0);
        r.connectionId = s.int64(1);
        r.instances = s.int64(2);
        r.running = s.int64(3);
        r.runningGpus = optInt(s, 4);
        r.runningCostPerHour = optReal(s, 5);
        r.meanGpuUtilPercent = optReal(s, 6);
        r.utilGpus = s.int64(7);
        r.stoppedVolumeGb = optReal(s, 8);
        return r;
    });
}

Result<QList<LatestSample>> SqliteStore::latestSamples(const QString &metric)
{
    static const QByteArray sql =
        "SELECT s.id, s.connection_id, s.metric, s.labels_json, x.ts, x.value FROM series s"
        " JOIN samples x ON x.series_id = s.id"
        " AND x.ts = (SELECT max(ts) FROM samples WHERE series_id = s.id AND value IS NOT NULL)"
        " WHERE s.metric = ?1 AND s.connection_id IN " + kLiveConnections
        + " ORDER BY s.connection_id, s.labels_json";
    return readRows<LatestSample>(sql.constData(), [&](SqliteStatement &s) { s.bind(1, metric); },
        [](const SqliteStatement &s) {
            LatestSample r;
            r.seriesId = s.int64(0);
            r.key = SeriesKey{s.int64(1), s.text(2), s.text(3)};
            r.sample = Sample{s.int64(4), s.real(5)};
            return r;
        });
}

Result<QList<EndpointSnapshot>> SqliteStore::latestEndpoints()
{
    static const QByteArray sql =
        "SELECT snapshot_ts, connection_id, endpoint_id, name, compute_type, gpu_type_ids, workers_min, workers_max, scaler_type,"
        " scaler_value, idle_timeout, execution_timeout_ms, metadata_json FROM endpoint_snapshots e"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM endpoint_snapshots WHERE connection_id = e.connection_id)"
        " AND e.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, name, endpoint_id";
    return readRows<EndpointSnapshot>(sql.constData(),
        [](SqliteStatement &) {}, [](const SqliteStatement &s) {
            EndpointSnapshot r;
            r.snapshotTs = timestamp(s, 0);
            r.connectionId = s.int64(1);
            r.endpointId = s.text(2);
            r.name = s.text(3);
            r.computeType = s.text(4);
            r.gpuTypeIds = s.text(5);
            r.workersMin = optInt(s, 6);
            r.workersMax = optInt(s, 7);
            r.scalerType = s.text(8);
            r.scalerValue = optInt(s, 9);
            r.idleTimeout = optInt(s, 10);
            r.executionTimeoutMs = optInt(s, 11);
            r.metadata = object(s, 12);
            return r;
        });
}

Result<QList<EndpointHealth>> SqliteStore::latestEndpointHealth()
{
    static const QByteArray sql = QByteArray("SELECT ") + kHealthColumns + " FROM endpoint_health h"
        " WHERE observed_ts = (SELECT max(observed_ts) FROM endpoint_health WHERE connection_id = h.connection_id AND endpoint_id = h.endpoint_id)"
        " AND h.connection_id IN " + kLiveConnections
        + " ORDER BY connection_id, endpoint_id";
    return readRows<EndpointHealth>(sql.constData(), [](SqliteStatement &) {}, health);
}

Result<QList<EndpointHealth>> SqliteStore::endpointHealthHistory(const QString &endpointId, const QDateTime &since, const QDateTime &until)
{
    static const QByteArray sql = QByteArray("SELECT ") + kHealthColumns + " FROM endpoint_health"
        " WHERE endpoint_id = ?1 AND observed_ts >= ?2 AND observed_ts < ?3 ORDER BY observed_ts";
    return readRows<EndpointHealth>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, endpointId);
        s.bind(2, lower(since));
        s.bind(3, upper(until));
    }, health);
}

Result<QList<BillingSnapshot>> SqliteStore::billingHistory(const QDateTime &since, const QDateTime &until)
{
    static const QByteArray sql = QByteArray("SELECT ") + kBillingColumns + " FROM billing_snapshots"
        " WHERE snapshot_ts >= ?1 AND snapshot_ts < ?2 ORDER BY snapshot_ts, id";
    return readRows<BillingSnapshot>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, lower(since));
        s.bind(2, upper(until));
    }, billing);
}

Result<QList<BillingSnapshot>> SqliteStore::latestBilling()
{
    static const QByteArray sql = QByteArray("SELECT ") + kBillingColumns + " FROM billing_snapshots b"
        " WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM billing_snapshots WHERE connection_id = b.connection_id)"
        " AND b.connection_id IN " + kLiveConnections + " ORDER BY connection_id";
    return readRows<BillingSnapshot>(sql.constData(), [](SqliteStatement &) {}, billing);
}

Result<QList<GpuOffer>> SqliteStore::latestOffers()
{
    // Only the newest catalog counts: a GPU a provider stopped listing is no longer on offer. Several
    // rows of one type and tier in it (one per region) collapse to the cheapest. Offers of removed
    // connections are gone; those observed before offers knew their connection (NULL) still count.
    static const QByteArray live = QByteArray("(connection_id IS NULL OR connection_id IN ") + kLiveConnections + ")";
    static const QByteArray sql = QByteArray("SELECT ") + kOfferColumns + " FROM (SELECT o.*, row_number() OVER"
        " (PARTITION BY provider, gpu_type, tier ORDER BY price_per_hour IS NULL, price_per_hour, id) AS pick FROM gpu_offers o"
        " WHERE " + live + " AND observed_ts = (SELECT max(observed_ts) FROM gpu_offers WHERE provider = o.provider AND " + live + "))"
        " WHERE pick = 1 ORDER BY gpu_type, provider, tier";
    return readRows<GpuOffer>(sql.constData(), [](SqliteStatement &) {}, offer);
}

Result<QList<GpuOffer>> SqliteStore::offerHistory(const QString &gpuType, const QDateTime &since, const QDateTime &until)
{
    static const QByteArray sql = QByteArray("SELECT ") + kOfferColumns + " FROM gpu_offers"
        " WHERE gpu_type = ?1 AND observed_ts >= ?2 AND observed_ts < ?3 ORDER BY observed_ts, id";
    return readRows<GpuOffer>(sql.constData(), [&](SqliteStatement &s) {
        s.bind(1, gpuType);
        s.bind(2, lower(since));
        s.bind(3, upper(until));
    }, offer);
}

} // namespace fleetscope
