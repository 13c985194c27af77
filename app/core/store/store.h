// The Store interface: one database connection, used from one thread. SQLite now, PostgreSQL in team mode.
#pragma once

#include "domain.h"
#include "error.h"
#include "export/datasets.h"

#include <memory>

namespace fleetscope {

enum class StoreAccess { ReadWrite, ReadOnly };

// Where the data lives: a SQLite file, or a PostgreSQL database (team mode).
struct StoreLocation {
    QString sqlitePath;
    // A libpq URI (postgresql:// or postgres://), passed to libpq as given. The password comes from
    // libpq's own means (PGPASSWORD, ~/.pgpass); one written into the URI is never shown: display().
    QString postgresUri = {};

    // SPEC is a file path (or sqlite:// URL) or a PostgreSQL URI; empty means DATA_DIR/fleetscope.sqlite.
    static Result<StoreLocation> parse(const QString &spec, const QString &dataDir);
    bool isPostgres() const { return !postgresUri.isEmpty(); }
    // The path, or the URI with any password replaced by "***": fit for messages and logs.
    QString display() const;
};

// URI with the password (user:PASSWORD@ or password=…) replaced by "***".
QString redactPostgresUri(const QString &uri);

class Store
{
public:
    virtual ~Store() = default;

    virtual QString display() const = 0;
    virtual int schemaVersion() const = 0;
    // Whether writes can succeed: false when opened read-only, or on a PostgreSQL role that can
    // only read (or a read-only server); write() then refuses with a message that says so.
    virtual bool writable() const = 0;

    virtual Result<WriteSummary> write(const WriteBatch &batch) = 0;
    // Deletes rows older than CUTOFF, and jobs older than JOBS_CUTOFF (they have a retention of their own).
    virtual Result<PruneSummary> prune(const QDateTime &cutoff, const QDateTime &jobsCutoff) = 0;

    virtual Result<QList<ConnectionRecord>> connections() = 0;
    virtual Result<QList<SeriesInfo>> series(qint64 connectionId = 0) = 0;   // 0: all
    virtual Result<BucketSeries> buckets(const BucketQuery &query) = 0;
    virtual Result<qint64> sampleCount() = 0;
    // The newest sample with a value of every series of METRIC from connections still in use.
    virtual Result<QList<LatestSample>> latestSamples(const QString &metric) = 0;

    // Provider snapshots for the pages. "Latest" is each connection's newest snapshot.
    virtual Result<QList<InstanceSnapshot>> latestInstances() = 0;
    virtual Result<QList<InstanceSnapshot>> instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until) = 0;
    // Every connection's instance snapshots with SINCE <= snapshot_ts < UNTIL, oldest first.
    virtual Result<QList<InstanceSnapshot>> instanceSnapshots(const QDateTime &since, const QDateTime &until) = 0;
    // The same summed per connection and snapshot time (see InstanceTotals), oldest first; removed
    // connections included, as history.
    virtual Result<QList<InstanceTotals>> instanceTotals(const QDateTime &since, const QDateTime &until) = 0;
    virtual Result<QList<EndpointSnapshot>> latestEndpoints() = 0;
    virtual Result<QList<EndpointHealth>> latestEndpointHealth() = 0;
    virtual Result<QList<EndpointHealth>> endpointHealthHistory(const QString &endpointId, const QDateTime &since, const QDateTime &until) = 0;
    virtual Result<QList<BillingSnapshot>> billingHistory(const QDateTime &since, const QDateTime &until) = 0;   // all connections, by time
    virtual Result<QList<BillingSnapshot>> latestBilling() = 0;
    // GPU offers: each provider's newest catalog, one row per (provider, gpu_type, tier), and
    // every stored observation of one GPU type with SINCE <= observed < UNTIL, oldest first.
    virtual Result<QList<GpuOffer>> latestOffers() = 0;
    virtual Result<QList<GpuOffer>> offerHistory(const QString &gpuType, const QDateTime &since, const QDateTime &until) = 0;

    // Workflow metrics: configurations by name; runs of one configuration (empty: all) oldest first;
    // metric values of one configuration in long form, oldest first.
    virtual Result<QList<WorkflowConfig>> workflowConfigs() = 0;
    virtual Result<QList<WorkflowRun>> workflowRuns(const QString &config) = 0;
    virtual Result<QList<WorkflowMetricRow>> workflowMetricRows(const WorkflowMetricFilter &filter) = 0;
    // Every schema version of one configuration, newest first (built-in ones included).
    virtual Result<QList<MetricSchema>> workflowSchemas(const QString &config) = 0;

    // Alert rules by name, and alerts newest first (OPEN_ONLY: not yet resolved).
    virtual Result<QList<AlertRule>> alertRules() = 0;
    virtual Result<QList<AlertRecord>> alerts(bool openOnly) = 0;
    // Budgets by name.
    virtual Result<QList<Budget>> budgets() = 0;

    // Guardrail policies by connection id; audit rows with SINCE <= at < UNTIL (invalid: open), oldest first.
    virtual Result<QList<GuardrailPolicy>> guardrailPolicies() = 0;
    virtual Result<QList<AuditEntry>> auditLog(const QDateTime &since, const QDateTime &until) = 0;

    // Rows of an export dataset with SINCE <= time < UNTIL (invalid: open), ordered by time then id;
    // of the workflow datasets (their first column is "config"), CONFIG's alone unless it is empty.
    virtual Result<TableData> dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until, const QString &config) = 0;
};

// Opens (and with ReadWrite, creates and migrates) the store: a SqliteStore or a PgStore by
// LOCATION. A file or database that is not a Fleetscope store, or one written by a newer
// Fleetscope, is refused untouched.
Result<std::unique_ptr<Store>> openStore(const StoreLocation &location, StoreAccess access);

// The newest schema version this build knows (both dialects have the same migrations).
int latestSchemaVersion();

} // namespace fleetscope
