// Workflow metrics value types (seed 002): configurations, runs, extracted metric rows, and queries over them.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleetscope {

// Which way a metric should move. Neutral metrics (counts, parameters) are shown, never judged.
enum class MetricDirection { LowerIsBetter, HigherIsBetter, Neutral };
QString directionName(MetricDirection direction);                 // "lower", "higher", "neutral"
MetricDirection directionFromName(const QString &name);           // unknown text: Neutral

// Run statuses of seed 002, in the order a run moves through them.
enum class RunStatus { Pending, Collecting, Extracting, Completed, Failed, Skipped };
QString runStatusName(RunStatus status);
RunStatus runStatusFromName(const QString &name);

enum class TriggerSource { Realtime, Backfill, Manual };
QString triggerSourceName(TriggerSource source);
TriggerSource triggerSourceFromName(const QString &name);

inline constexpr qint64 kDefaultMaxFileBytes = 5 * 1024 * 1024;

// github_workflow_configs.
struct WorkflowConfig {
    qint64 id = 0;                  // 0 until stored
    QString name;                   // unique
    QString description;
    QString githubOwner;
    QString githubRepo;
    QString workflowFilter;         // e.g. "benchmark.yml"; empty: every workflow
    QString branchFilter;           // e.g. "main"; empty: every branch
    QStringList filePatterns;       // globs relative to the run's files, e.g. "bench/**/*.json"
    bool enabled = true;
    qint64 maxFileBytes = kDefaultMaxFileBytes;
    // ARC binding (migration 013): the AutoscalingRunnerSet NAMESPACE/NAME whose EphemeralRunners, listed
    // from the Kubernetes connection CLUSTERCONNECTIONID, name GitHub runs to collect (workflows/arcbinding.h).
    QString runnerSetNamespace;
    QString runnerSetName;
    std::optional<qint64> clusterConnectionId;
    qint64 metricSchemaId = 0;      // 0: none
    // Cost per result (migration 012): priced by a connection's running instances, else by GPU_TYPE's
    // cheapest offer times GPU_COUNT; neither set: not priced.
    std::optional<qint64> costConnectionId;
    QString gpuType;                // canonical name, e.g. "H100 SXM"
    qint64 gpuCount = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// github_workflow_runs.
struct WorkflowRun {
    qint64 id = 0;
    qint64 configId = 0;
    QString configName;             // writes name the configuration by this; reads fill both
    QString runKey;                 // identity within the configuration (migration 006)
    std::optional<qint64> githubRunId;
    std::optional<qint64> githubRunNumber;
    QString headSha;
    QString headBranch;
    RunStatus status = RunStatus::Pending;
    TriggerSource triggerSource = TriggerSource::Manual;
    qint64 filesFound = 0;
    qint64 filesProcessed = 0;
    qint64 metricsCount = 0;        // metric values, summed over rows
    QDateTime workloadStartedAt;
    QDateTime workloadCompletedAt;
    QDateTime collectionStartedAt;
    QDateTime collectionCompletedAt;
    QString errorMessage;           // per-file problems of a completed run, or why it failed
    qint64 retryCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The time its metrics are plotted at: when the workload started, else when it was collected.
    QDateTime metricTime() const { return workloadStartedAt.isValid() ? workloadStartedAt : collectionStartedAt; }
    // How commands and pages name the run: its GitHub run id, the label it was imported under,
    // or the start of its content hash ("sha256:1a2b3c4d5e6f").
    QString label() const;
};

struct MetricValue {
    QString name;
    double value = 0;               // always finite
    QString unit;                   // "" when unknown
    MetricDirection direction = MetricDirection::Neutral;
};

// One row of github_workflow_metrics: one benchmark, test case or table row of one file.
struct MetricRecord {
    QString sourceFile;             // path relative to the run's files
    QJsonObject dimensions;         // {"benchmark": "fib_10", "threads": 1}
    QList<MetricValue> metrics;
    qint64 schemaId = 0;            // the confirmed schema version it was extracted with; 0: a built-in recognizer
};

// One metric value as stored, with its run: the long form that queries and exports read.
struct WorkflowMetricRow {
    qint64 runId = 0;
    QDateTime timestamp;
    std::optional<qint64> githubRunId;
    QString headSha;
    QString sourceFile;
    QJsonObject dimensions;
    QString metric;
    double value = 0;
    QString unit;
    MetricDirection direction = MetricDirection::Neutral;
};

// What the store selects; grouping and intervals are applied by workflows/metricquery.h.
struct WorkflowMetricFilter {
    QString config;                 // configuration name, required
    QStringList metrics;            // empty: every metric
    QDateTime since;                // inclusive; invalid: open
    QDateTime until;                // exclusive; invalid: open
};

} // namespace fleetscope
