// Snapshot rows collected from providers, provider-neutral. Unknown values are nullopt, never 0.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fleetscope {

struct InstanceSnapshot {
    QDateTime snapshotTs;
    qint64 connectionId = 0;
    QString provider;
    QString instanceId;
    QString name;
    QString gpuType;                  // canonical name
    std::optional<qint64> gpuCount;
    std::optional<qint64> vcpuCount;
    std::optional<double> memoryGb;
    QString region;
    QString status;
    std::optional<qint64> uptimeSeconds;
    std::optional<double> costPerHour;
    std::optional<double> gpuUtilPercent;   // mean over the instance's GPUs
    QJsonObject metadata;
};

// Whether the provider reports the instance running (and so billing for its compute).
inline bool isRunning(const InstanceSnapshot &instance)
{
    return instance.status.compare(QLatin1String("running"), Qt::CaseInsensitive) == 0;
}

// What one connection's instance snapshot at one time adds up to; the running figures count only
// instances whose status is running, and each sum is nullopt when none of them reports the value.
struct InstanceTotals {
    QDateTime snapshotTs;
    qint64 connectionId = 0;
    qint64 instances = 0;
    qint64 running = 0;
    std::optional<qint64> runningGpus;
    std::optional<double> runningCostPerHour;
    std::optional<double> meanGpuUtilPercent;   // over the running instances' GPUs (an instance without a count: one)
    qint64 utilGpus = 0;                        // the GPUs that mean covers
    std::optional<double> stoppedVolumeGb;      // volumes (metadata volumeInGb) kept by instances neither running nor terminated
};

struct EndpointSnapshot {
    QDateTime snapshotTs;
    qint64 connectionId = 0;
    QString endpointId;
    QString name;
    QString computeType;
    QString gpuTypeIds;               // comma-separated, as the provider lists them
    std::optional<qint64> workersMin;
    std::optional<qint64> workersMax;
    QString scalerType;
    std::optional<qint64> scalerValue;
    std::optional<qint64> idleTimeout;
    std::optional<qint64> executionTimeoutMs;
    QJsonObject metadata;
};

struct EndpointHealth {
    QDateTime observedTs;
    qint64 connectionId = 0;
    QString endpointId;
    std::optional<qint64> jobsCompleted, jobsFailed, jobsInProgress, jobsInQueue, jobsRetried;
    std::optional<qint64> workersIdle, workersRunning, workersThrottled, workersInitializing, workersUnhealthy;
    QJsonObject metadata;
};

// One row per job, updated as it progresses (keyed by connection, endpoint and job id).
struct JobRecord {
    QDateTime observedTs;
    qint64 connectionId = 0;
    QString endpointId;
    QString jobId;
    QString status;
    std::optional<qint64> delayMs, executionMs, inputTokens, outputTokens;
    std::optional<double> throughput;
    QJsonObject metadata;
};

struct BillingSnapshot {
    QDateTime snapshotTs;
    qint64 connectionId = 0;
    std::optional<double> currentSpendPerHr;
    std::optional<double> lifetimeSpend;
    std::optional<double> monthToDateSpend;   // the current month's charges so far, where the provider reports them
    std::optional<double> balance;
    std::optional<double> spendLimit;
    QJsonObject spendBreakdown;       // empty: not reported
};

struct GpuOffer {
    QDateTime observedTs;
    qint64 connectionId = 0;
    QString provider;
    QString gpuType;                  // canonical name
    QString providerGpuId;
    QString region;
    QString tier;                     // "secure", "community", "on-demand", ...
    std::optional<qint64> gpuCount;
    std::optional<double> memoryGb;
    std::optional<double> pricePerHour;
    std::optional<double> spotPricePerHour;
    std::optional<bool> available;
    QJsonObject metadata;
};

} // namespace fleetscope
