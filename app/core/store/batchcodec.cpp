// BatchJournal's record payload: a WriteBatch in QDataStream form, every field of every row type.
#include "batchjournal.h"

#include <QDataStream>

#include <optional>

namespace fleetscope {
namespace {

// Every stored field of each type, in one list that serves both directions. A field added to one
// of these types must be added here too, or the journal drops it.
template<typename Io> void fields(Io &io, ConnectionRecord &r)
{
    io(r.id, r.kind, r.name, r.settings, r.enabled, r.cadenceSeconds, r.createdAt, r.updatedAt, r.lastSyncAt, r.lastSuccessAt,
       r.lastStatus, r.lastError);
}
template<typename Io> void fields(Io &io, SeriesKey &r) { io(r.connectionId, r.metric, r.labelsJson); }
template<typename Io> void fields(Io &io, Sample &r) { io(r.tsMs, r.value); }
template<typename Io> void fields(Io &io, SeriesSamples &r) { io(r.key, r.samples); }
template<typename Io> void fields(Io &io, ConnectionStatus &r) { io(r.connectionId, r.syncedAt, r.status, r.error); }
template<typename Io> void fields(Io &io, InstanceSnapshot &r)
{
    io(r.snapshotTs, r.connectionId, r.provider, r.instanceId, r.name, r.gpuType, r.gpuCount, r.vcpuCount, r.memoryGb, r.region,
       r.status, r.uptimeSeconds, r.costPerHour, r.gpuUtilPercent, r.metadata);
}
template<typename Io> void fields(Io &io, EndpointSnapshot &r)
{
    io(r.snapshotTs, r.connectionId, r.endpointId, r.name, r.computeType, r.gpuTypeIds, r.workersMin, r.workersMax, r.scalerType,
       r.scalerValue, r.idleTimeout, r.executionTimeoutMs, r.metadata);
}
template<typename Io> void fields(Io &io, EndpointHealth &r)
{
    io(r.observedTs, r.connectionId, r.endpointId, r.jobsCompleted, r.jobsFailed, r.jobsInProgress, r.jobsInQueue, r.jobsRetried,
       r.workersIdle, r.workersRunning, r.workersThrottled, r.workersInitializing, r.workersUnhealthy, r.metadata);
}
template<typename Io> void fields(Io &io, JobRecord &r)
{
    io(r.observedTs, r.connectionId, r.endpointId, r.jobId, r.status, r.delayMs, r.executionMs, r.inputTokens, r.outputTokens,
       r.throughput, r.metadata);
}
template<typename Io> void fields(Io &io, BillingSnapshot &r)
{
    io(r.snapshotTs, r.connectionId, r.currentSpendPerHr, r.lifetimeSpend, r.balance, r.spendLimit, r.spendBreakdown,
       r.monthToDateSpend);
}
template<typename Io> void fields(Io &io, GpuOffer &r)
{
    io(r.observedTs, r.connectionId, r.provider, r.gpuType, r.providerGpuId, r.region, r.tier, r.gpuCount, r.memoryGb,
       r.pricePerHour, r.spotPricePerHour, r.available, r.metadata);
}
template<typename Io> void fields(Io &io, WorkflowConfig &r)
{
    io(r.id, r.name, r.description, r.githubOwner, r.githubRepo, r.workflowFilter, r.branchFilter, r.filePatterns, r.enabled,
       r.maxFileBytes, r.runnerSetNamespace, r.runnerSetName, r.metricSchemaId, r.createdAt, r.updatedAt, r.costConnectionId, r.gpuType,
       r.gpuCount, r.clusterConnectionId);
}
template<typename Io> void fields(Io &io, WorkflowRun &r)
{
    io(r.id, r.configId, r.configName, r.runKey, r.githubRunId, r.githubRunNumber, r.headSha, r.headBranch, r.status,
       r.triggerSource, r.filesFound, r.filesProcessed, r.metricsCount, r.workloadStartedAt, r.workloadCompletedAt,
       r.collectionStartedAt, r.collectionCompletedAt, r.errorMessage, r.retryCount, r.createdAt, r.updatedAt);
}
template<typename Io> void fields(Io &io, MetricValue &r) { io(r.name, r.value, r.unit, r.direction); }
template<typename Io> void fields(Io &io, MetricRecord &r) { io(r.sourceFile, r.dimensions, r.metrics, r.schemaId); }
template<typename Io> void fields(Io &io, SchemaField &r) { io(r.role, r.name, r.path, r.unit, r.direction); }
template<typename Io> void fields(Io &io, MetricSchema &r)
{
    io(r.id, r.configId, r.configName, r.name, r.version, r.source, r.active, r.fields, r.createdAt);
}
// A run's rows travel as the records they were built from (the journal's form before MetricRows).
template<typename Io> void fields(Io &io, WorkflowRunWrite &r)
{
    QList<MetricRecord> records = Io::kReads ? QList<MetricRecord>() : r.rows.records();
    io(r.run, records);
    if constexpr (Io::kReads)
        r.rows = MetricRows(records);
}
template<typename Io> void fields(Io &io, AlertRule &r) { io(r.id, r.name, r.kind, r.connectionId, r.params, r.severity, r.enabled); }
template<typename Io> void fields(Io &io, AlertFinding &r)
{
    io(r.ruleId, r.key, r.kind, r.severity, r.connectionId, r.resourceId, r.message);
}
template<typename Io> void fields(Io &io, AlertEvaluation &r) { io(r.at, r.ruleIds, r.findings); }
template<typename Io> void fields(Io &io, Budget &r)
{
    io(r.id, r.name, r.scope, r.provider, r.connectionId, r.monthlyCap, r.dailyCap, r.burnRateCap, r.createdAt);
}
template<typename Io> void fields(Io &io, GuardrailPolicy &r)
{
    io(r.connectionId, r.stopIdleEnabled, r.idleMinutes, r.idleUtilPercent, r.dryRun, r.updatedAt, r.stopAtDailyCap);
}
template<typename Io> void fields(Io &io, AuditEntry &r)
{
    io(r.id, r.at, r.actor, r.connectionId, r.resourceId, r.action, r.dryRun, r.outcome, r.message, r.rule);
}
template<typename Io> void fields(Io &io, WriteBatch &r)
{
    io(r.source, r.connections, r.removedConnections, r.purgedConnections, r.series, r.statuses, r.instances, r.endpoints,
       r.endpointHealth, r.jobs, r.billing, r.offers, r.workflowConfigs, r.removedWorkflowConfigs, r.workflowRuns, r.alertRules,
       r.removedAlertRules, r.alertEvaluations, r.acknowledgedAlerts, r.budgets, r.removedBudgets, r.guardrailPolicies,
       r.auditEntries, r.workflowSchemas);
}

template<typename T> constexpr bool kIsList = false;
template<typename T> constexpr bool kIsList<QList<T>> = true;
template<typename T> constexpr bool kIsOptional = false;
template<typename T> constexpr bool kIsOptional<std::optional<T>> = true;

struct Writer {
    static constexpr bool kReads = false;
    QDataStream &s;
    template<typename... T> void operator()(T &...values) { (put(values), ...); }
    template<typename T> void put(T &v)
    {
        if constexpr (kIsList<T>) {
            s << qint64(v.size());
            for (auto &item : v)
                put(item);
        } else if constexpr (kIsOptional<T>) {
            s << v.has_value();
            if (v)
                put(*v);
        } else if constexpr (std::is_enum_v<T>) {
            s << qint32(v);
        } else if constexpr (requires { s << v; }) {
            s << v;
        } else {
            fields(*this, v);
        }
    }
};

struct Reader {
    static constexpr bool kReads = true;
    QDataStream &s;
    template<typename... T> void operator()(T &...values) { (get(values), ...); }
    template<typename T> void get(T &v)
    {
        if constexpr (kIsList<T>) {
            qint64 n = 0;
            s >> n;
            if (n < 0 || n > s.device()->bytesAvailable()) {   // each item takes a byte at least
                s.setStatus(QDataStream::ReadCorruptData);
                return;
            }
            v.resize(n);
            for (auto &item : v)
                get(item);
        } else if constexpr (kIsOptional<T>) {
            bool present = false;
            s >> present;
            v.reset();
            if (present)
                get(v.emplace());
        } else if constexpr (std::is_enum_v<T>) {
            qint32 n = 0;
            s >> n;
            v = T(n);
        } else if constexpr (requires { s >> v; }) {
            s >> v;
        } else {
            fields(*this, v);
        }
    }
};

} // namespace

QByteArray BatchJournal::encode(const WriteBatch &batch)
{
    QByteArray payload;
    QDataStream s(&payload, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    Writer writer{s};
    writer.put(const_cast<WriteBatch &>(batch));   // Writer only reads
    return payload;
}

Result<WriteBatch> BatchJournal::decode(const QByteArray &payload)
{
    QDataStream s(payload);
    s.setVersion(QDataStream::Qt_6_4);
    WriteBatch batch;
    Reader reader{s};
    reader.get(batch);
    if (s.status() != QDataStream::Ok || !s.atEnd())
        return fail(ErrorClass::BadData, QStringLiteral("a journal record that is not a write batch"));
    return batch;
}

} // namespace fleetscope
