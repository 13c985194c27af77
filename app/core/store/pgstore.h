// The PostgreSQL implementation of Store (team mode): libpqxx, COPY for samples and snapshots,
// rollups kept current in SQL, migrations under an advisory lock, errors classified by SQLSTATE.
#pragma once

#include "store.h"

#include <QHash>

#include <memory>

namespace pqxx {
class transaction_base;
} // namespace pqxx

namespace fleetscope {

class PgConnection;

class PgStore final : public Store
{
public:
    // Use openStore(); this is public for make_unique only. URI is a libpq URI.
    PgStore(QString uri, StoreAccess access);
    ~PgStore() override;

    Result<void> open();

    QString display() const override { return m_display; }
    int schemaVersion() const override { return m_schemaVersion; }
    bool writable() const override { return m_access == StoreAccess::ReadWrite && !m_roleReadOnly; }

    Result<WriteSummary> write(const WriteBatch &batch) override;
    Result<PruneSummary> prune(const QDateTime &cutoff, const QDateTime &jobsCutoff) override;

    Result<QList<ConnectionRecord>> connections() override;
    Result<QList<SeriesInfo>> series(qint64 connectionId) override;
    Result<BucketSeries> buckets(const BucketQuery &query) override;
    Result<qint64> sampleCount() override;
    Result<QList<InstanceSnapshot>> latestInstances() override;   // pgreads.cpp
    Result<QList<InstanceSnapshot>> instanceHistory(const QString &instanceId, const QDateTime &since, const QDateTime &until) override;
    Result<QList<InstanceSnapshot>> instanceSnapshots(const QDateTime &since, const QDateTime &until) override;
    Result<QList<InstanceTotals>> instanceTotals(const QDateTime &since, const QDateTime &until) override;
    Result<QList<LatestSample>> latestSamples(const QString &metric) override;
    Result<QList<WorkflowConfig>> workflowConfigs() override;   // pgworkflows.cpp
    Result<QList<WorkflowRun>> workflowRuns(const QString &config) override;
    Result<QList<WorkflowMetricRow>> workflowMetricRows(const WorkflowMetricFilter &filter) override;
    Result<QList<MetricSchema>> workflowSchemas(const QString &config) override;
    Result<QList<AlertRule>> alertRules() override;                 // pgalerts.cpp
    Result<QList<AlertRecord>> alerts(bool openOnly) override;
    Result<QList<Budget>> budgets() override;                       // pgbudgets.cpp
    Result<QList<GuardrailPolicy>> guardrailPolicies() override;    // pgguardrails.cpp
    Result<QList<AuditEntry>> auditLog(const QDateTime &since, const QDateTime &until) override;
    Result<QList<EndpointSnapshot>> latestEndpoints() override;
    Result<QList<EndpointHealth>> latestEndpointHealth() override;
    Result<QList<EndpointHealth>> endpointHealthHistory(const QString &endpointId, const QDateTime &since, const QDateTime &until) override;
    Result<QList<BillingSnapshot>> billingHistory(const QDateTime &since, const QDateTime &until) override;
    Result<QList<BillingSnapshot>> latestBilling() override;
    Result<QList<GpuOffer>> latestOffers() override;
    Result<QList<GpuOffer>> offerHistory(const QString &gpuType, const QDateTime &since, const QDateTime &until) override;
    Result<TableData> dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until, const QString &config) override;   // pgdatasets.cpp

    // The newest migration in migrations/postgres.
    static int latestPgSchemaVersion();

private:
    void readSchemaVersion();                               // these throw; callers turn it into an Error
    void readRoleAccess();
    void migrate();
    Result<void> refuseReadOnly(const QString &context) const;
    qint64 writeConnection(pqxx::transaction_base &tx, const ConnectionRecord &connection);
    qint64 seriesId(pqxx::transaction_base &tx, const SeriesKey &key);
    qint64 writeSamples(pqxx::transaction_base &tx, const QList<SeriesSamples> &series);     // pgsamples.cpp
    qint64 writeSnapshots(pqxx::transaction_base &tx, const WriteBatch &batch);   // pgsnapshots.cpp
    qint64 writeWorkflows(pqxx::transaction_base &tx, const WriteBatch &batch);   // pgworkflows.cpp
    Result<void> checkAlertTargets(const WriteBatch &batch);                     // pgalerts.cpp
    qint64 writeAlerts(pqxx::transaction_base &tx, const WriteBatch &batch);
    Result<void> checkBudgetTargets(const WriteBatch &batch);                    // pgbudgets.cpp
    qint64 writeBudgets(pqxx::transaction_base &tx, const WriteBatch &batch);
    qint64 writeGuardrails(pqxx::transaction_base &tx, const WriteBatch &batch);   // pgguardrails.cpp

    QString m_uri;
    QString m_display;   // the URI without its password
    StoreAccess m_access;
    std::unique_ptr<PgConnection> m_connection;
    int m_schemaVersion = 0;
    bool m_roleReadOnly = false;   // the role may not write the store's tables, or the server is read-only
    QHash<QString, qint64> m_seriesIds;   // "connection\x1fmetric\x1flabels" -> id
};

} // namespace fleetscope
