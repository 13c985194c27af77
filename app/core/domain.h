// Provider-neutral value types that cross threads: batches for the writer, rows and buckets for readers.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include "snapshots.h"
#include "alerts/alerts.h"
#include "budgets/budget.h"
#include "guardrails/guardrails.h"
#include "workflows/metricrows.h"
#include "workflows/metricschema.h"

#include <optional>

namespace fleetscope {

// A configured provider account. Settings never hold a secret.
struct ConnectionRecord {
    qint64 id = 0;               // 0 until stored
    QString kind;                // "runpod", "prometheus", ...
    QString name;                // unique, chosen by the user
    QJsonObject settings;
    bool enabled = true;
    int cadenceSeconds = 300;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSyncAt;        // last attempt; invalid: never synced
    QDateTime lastSuccessAt;     // last attempt that succeeded; invalid: none yet
    QString lastStatus;          // "ok", "failed", "" (never)
    QString lastError;
};

// Identity of one time series: a metric with its label set, as collected by one connection.
struct SeriesKey {
    qint64 connectionId = 0;
    QString metric;
    QString labelsJson = QStringLiteral("{}");   // canonical: keys sorted, compact

    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
};

struct Sample {
    qint64 tsMs = 0;   // milliseconds since the epoch, UTC
    double value = 0;
};

struct SeriesSamples {
    SeriesKey key;
    QList<Sample> samples;
};

struct SeriesInfo {
    qint64 id = 0;
    SeriesKey key;
    qint64 firstTsMs = 0;
    qint64 lastTsMs = 0;
};

// The newest sample of one series.
struct LatestSample {
    qint64 seriesId = 0;
    SeriesKey key;
    Sample sample;
};

// The outcome of one sync of a connection, recorded on its row.
struct ConnectionStatus {
    qint64 connectionId = 0;
    QDateTime syncedAt;
    QString status;      // "ok" or "failed"
    QString error;       // one line, empty when ok
};

// Everything one collection cycle stores; the writer commits it in a single transaction.
struct WriteBatch {
    QString source;                        // for logs and errors: "runpod/prod billing"
    QList<ConnectionRecord> connections;   // upserted by name; sync times and status kept unless given
    QList<qint64> removedConnections;      // removed from use; what they collected stays
    QList<qint64> purgedConnections;       // deleted with everything collected for them
    QList<SeriesSamples> series;
    QList<ConnectionStatus> statuses;
    QList<InstanceSnapshot> instances;
    QList<EndpointSnapshot> endpoints;
    QList<EndpointHealth> endpointHealth;
    QList<JobRecord> jobs;
    QList<BillingSnapshot> billing;
    QList<GpuOffer> offers;
    QList<WorkflowConfig> workflowConfigs;     // upserted by name
    QStringList removedWorkflowConfigs;        // deleted by name, with their runs and metrics
    QList<WorkflowRunWrite> workflowRuns;      // upserted by (configuration, run key); metrics replaced
    QList<MetricSchema> workflowSchemas;       // confirmed: each stored as its configuration's next version, made active
    QList<AlertRule> alertRules;               // upserted by name
    QStringList removedAlertRules;             // deleted by name; their open alerts are resolved first
    QList<AlertEvaluation> alertEvaluations;   // new alerts opened, open ones seen again, cleared ones resolved
    QList<qint64> acknowledgedAlerts;
    QList<Budget> budgets;                     // upserted by name
    QStringList removedBudgets;                // deleted by name
    QList<GuardrailPolicy> guardrailPolicies;  // upserted by connection
    QList<AuditEntry> auditEntries;            // appended

    bool isEmpty() const
    {
        return connections.isEmpty() && removedConnections.isEmpty() && purgedConnections.isEmpty()
            && series.isEmpty() && statuses.isEmpty() && instances.isEmpty() && endpoints.isEmpty()
            && endpointHealth.isEmpty() && jobs.isEmpty() && billing.isEmpty() && offers.isEmpty()
            && workflowConfigs.isEmpty() && removedWorkflowConfigs.isEmpty() && workflowRuns.isEmpty() && workflowSchemas.isEmpty()
            && alertRules.isEmpty() && removedAlertRules.isEmpty() && alertEvaluations.isEmpty() && acknowledgedAlerts.isEmpty()
            && budgets.isEmpty() && removedBudgets.isEmpty()
            && guardrailPolicies.isEmpty() && auditEntries.isEmpty();
    }
    qsizetype rowCount() const;   // snapshot rows + samples, for summaries
    qsizetype sampleCount() const;
};

struct WriteSummary {
    QString source;
    qint64 samplesWritten = 0;             // duplicates (same series and timestamp) are not counted
    qint64 rowsWritten = 0;                // snapshot, health, job, billing, offer and workflow rows
    qint64 connectionsWritten = 0;
    qint64 elapsedMs = 0;
};

// Resolution tiers of stored samples; coarser tiers are rollups the writer keeps current.
enum class Tier { Raw, Minute, Hour };

struct BucketQuery {
    qint64 seriesId = 0;
    qint64 fromMs = 0;    // inclusive
    qint64 toMs = 0;      // exclusive
    int buckets = 500;
};

struct Bucket {
    qint64 startMs = 0;
    double min = 0;
    double max = 0;
    double avg = 0;
    double last = 0;
    qint64 count = 0;
};

// Buckets start at originMs + k * widthMs; empty buckets are omitted. When a rollup tier is
// used, origin and width are snapped to that tier's grid so every bucket is exact.
struct BucketSeries {
    Tier tier = Tier::Raw;
    qint64 originMs = 0;
    qint64 widthMs = 0;
    QList<Bucket> buckets;
};

struct PruneSummary {
    QDateTime cutoff;
    qint64 rowsDeleted = 0;
};

// A rectangular result for tables and exports: typed cells, timestamps as UTC QDateTime.
struct TableData {
    QStringList columns;
    QList<QVariantList> rows;
};

} // namespace fleetscope

Q_DECLARE_METATYPE(fleetscope::WriteBatch)
Q_DECLARE_METATYPE(fleetscope::WriteSummary)
Q_DECLARE_METATYPE(fleetscope::BucketSeries)
Q_DECLARE_METATYPE(fleetscope::PruneSummary)
Q_DECLARE_METATYPE(fleetscope::Tier)
Q_DECLARE_METATYPE(fleetscope::TableData)
