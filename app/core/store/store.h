// The Store interface: one database connection, used from one thread. SQLite now, PostgreSQL in team mode.
#pragma once

#include "domain.h"
#include "error.h"
#include "export/datasets.h"

#include <memory>

namespace fleetscope {

enum class StoreAccess { ReadWrite, ReadOnly };

// Where the data lives: a SQLite file today; a PostgreSQL URL comes with team mode.
struct StoreLocation {
    QString sqlitePath;

    // SPEC is a file path (or sqlite:// URL); empty means DATA_DIR/fleetscope.sqlite.
    static Result<StoreLocation> parse(const QString &spec, const QString &dataDir);
    QString display() const { return sqlitePath; }
};

class Store
{
public:
    virtual ~Store() = default;

    virtual QString display() const = 0;
    virtual int schemaVersion() const = 0;

    virtual Result<WriteSummary> write(const WriteBatch &batch) = 0;
    // Deletes rows older than CUTOFF, and jobs older than JOBS_CUTOFF (they have a retention of their own).
    virtual Result<PruneSummary> prune(const QDateTime &cutoff, const QDateTime &jobsCutoff) = 0;

    virtual Result<QList<ConnectionRecord>> connections() = 0;
    virtual Result<QList<SeriesInfo>> series(qint64 connectionId = 0) = 0;   // 0: all
    virtual Result<BucketSeries> buckets(const BucketQuery &query) = 0;
    virtual Result<qint64> sampleCount() = 0;

    // Provider snapshots for the pages. "Latest" is each connection's newest snapshot.
    virtual Result<QList<InstanceSnapshot>> latestInstances() = 0;
    virtual Result<QList<InstanceSnapshot>> instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until) = 0;
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

    // Rows of an export dataset with SINCE <= time < UNTIL (invalid: open), ordered by time then id.
    virtual Result<TableData> dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until) = 0;
};

// Opens (and with ReadWrite, creates and migrates) the store. A file that is not a
// Fleetscope SQLite store, or one written by a newer Fleetscope, is refused untouched.
Result<std::unique_ptr<Store>> openStore(const StoreLocation &location, StoreAccess access);

// The newest schema version this build knows.
int latestSchemaVersion();

} // namespace fleetscope
