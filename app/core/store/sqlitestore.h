// The SQLite implementation of Store: WAL, busy timeout, foreign keys, rollups kept by the writer.
#pragma once

#include "sqlitestatement.h"
#include "store.h"

#include <QHash>
#include <QSqlDatabase>

#include <unordered_map>

namespace fleetscope {

struct SchemaVersionWrite;

class SqliteStore final : public Store
{
public:
    // Use openStore(); this is public for make_unique only.
    SqliteStore(QString connectionName, QString path, StoreAccess access);
    ~SqliteStore() override;

    Result<void> open();

    QString display() const override { return m_path; }
    bool writable() const override { return m_access == StoreAccess::ReadWrite; }
    int schemaVersion() const override { return m_schemaVersion; }

    Result<WriteSummary> write(const WriteBatch &batch) override;
    Result<PruneSummary> prune(const QDateTime &cutoff, const QDateTime &jobsCutoff) override;

    Result<QList<ConnectionRecord>> connections() override;
    Result<QList<SeriesInfo>> series(qint64 connectionId) override;
    Result<BucketSeries> buckets(const BucketQuery &query) override;
    Result<qint64> sampleCount() override;
    Result<QList<LatestSample>> latestSamples(const QString &metric) override;   // sqlitereads.cpp
    Result<QList<InstanceSnapshot>> latestInstances() override;   // sqlitereads.cpp
    Result<QList<InstanceSnapshot>> instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until) override;
    Result<QList<InstanceSnapshot>> instanceSnapshots(const QDateTime &since, const QDateTime &until) override;
    Result<QList<InstanceTotals>> instanceTotals(const QDateTime &since, const QDateTime &until) override;
    Result<QList<EndpointSnapshot>> latestEndpoints() override;
    Result<QList<EndpointHealth>> latestEndpointHealth() override;
    Result<QList<EndpointHealth>> endpointHealthHistory(const QString &endpointId, const QDateTime &since, const QDateTime &until) override;
    Result<QList<BillingSnapshot>> billingHistory(const QDateTime &since, const QDateTime &until) override;
    Result<QList<BillingSnapshot>> latestBilling() override;
    Result<QList<GpuOffer>> latestOffers() override;
    Result<QList<GpuOffer>> offerHistory(const QString &gpuType, const QDateTime &since, const QDateTime &until) override;
    Result<TableData> dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until, const QString &config) override;   // sqlitedatasets.cpp
    Result<QList<WorkflowConfig>> workflowConfigs() override;   // sqliteworkflows.cpp
    Result<QList<WorkflowRun>> workflowRuns(const QString &config) override;
    Result<QList<WorkflowMetricRow>> workflowMetricRows(const WorkflowMetricFilter &filter) override;
    Result<QList<MetricSchema>> workflowSchemas(const QString &config) override;
    Result<QList<AlertRule>> alertRules() override;                           // sqlitealerts.cpp
    Result<QList<AlertRecord>> alerts(bool openOnly) override;
    Result<QList<Budget>> budgets() override;                                  // sqlitebudgets.cpp
    Result<QList<GuardrailPolicy>> guardrailPolicies() override;              // sqliteguardrails.cpp
    Result<QList<AuditEntry>> auditLog(const QDateTime &since, const QDateTime &until) override;

private:
    Result<int> readSchemaVersion();
    Result<void> migrate();
    Result<void> applyMigration(const QString &script, const QString &context);
    Result<qint64> writeConnection(const ConnectionRecord &connection);
    Result<void> writeStatus(const ConnectionStatus &status);
    Result<qint64> writeSnapshots(const WriteBatch &batch);   // sqlitesnapshots.cpp
    Result<qint64> writeWorkflowConfig(const WorkflowConfig &config);   // sqliteworkflows.cpp
    Result<qint64> writeAlerts(const WriteBatch &batch);                  // sqlitealerts.cpp
    Result<qint64> writeBudgets(const WriteBatch &batch);                 // sqlitebudgets.cpp
    Result<qint64> writeGuardrails(const WriteBatch &batch);              // sqliteguardrails.cpp
    Result<void> removeWorkflowConfig(const QString &name);
    Result<qint64> writeWorkflowRun(const WorkflowRunWrite &write);
    Result<QList<qint64>> workflowUnitsIds(const MetricRows &rows);
    Result<qint64> workflowConfigId(const QString &name);
    Result<qint64> workflowSchemaFor(qint64 configId, const MetricRowFields &fields);
    Result<qint64> writeWorkflowSchema(const MetricSchema &schema);
    Result<qint64> insertWorkflowSchema(qint64 configId, const SchemaVersionWrite &write);
    Result<qint64> seriesId(const SeriesKey &key);
    Result<qint64> writeSamples(qint64 seriesId, const QList<Sample> &samples);
    Result<void> writeRollups();
    Result<SqliteStatement *> statement(const char *sql);
    template<typename Row>
    Result<QList<Row>> readRows(const char *sql, const std::function<void(SqliteStatement &)> &bind, Row (*convert)(const SqliteStatement &));
    Result<void> checkWritable() const;

    QString m_connectionName;
    QString m_path;
    StoreAccess m_access;
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    int m_schemaVersion = 0;

    std::unordered_map<const char *, SqliteStatement> m_statements;   // keyed by the SQL literal's address
    QHash<QString, qint64> m_seriesIds;                  // "connection\x1fmetric\x1flabels" -> id

    // Rollup deltas of the batch being written, keyed by (series, bucket start).
    struct Rollup {
        double min, max, sum;
        qint64 count, lastTs;
        double lastValue;
    };
    QHash<std::pair<qint64, qint64>, Rollup> m_minuteRollups;
    QHash<std::pair<qint64, qint64>, Rollup> m_hourRollups;
};

// Process-wide SQLite settings, made before any database is opened (main() and the benches call it
// first, while one thread runs): no memory statistics, whose global mutex each of SQLite's
// allocations takes (about a tenth of the writer's time on a large import). Later calls do nothing.
void configureSqliteForProcess();

} // namespace fleetscope
