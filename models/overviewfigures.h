// The Overview's figures across every connection and provider: fleet totals, one line per connection,
// GPUs by type next to the cheapest offer, and the fleet's burn or util over time. Pure functions over store rows.
#pragma once

#include "costfigures.h"
#include "domain.h"

#include <QHash>

#include <optional>

namespace fleetscope {

// Running instances under this GPU util count as idle, as on the Cost page.
inline constexpr double kIdleUtilPercent = 10.0;

// The metric name DCGM GPU utilisation is stored under (see gpuReadingMetrics()).
QString gpuUtilMetric();

enum class ConnectionHealth {
    Ok,            // its last sync succeeded, recently
    Failed,        // its last sync failed: what is shown is its last good data
    Stale,         // its last sync succeeded, but more than three collection intervals ago
    Disabled,      // not collected; left out of every fleet total
    NeverSynced,
};

// How CONNECTION's syncs stand at NOW.
ConnectionHealth connectionHealth(const ConnectionRecord &connection, const QDateTime &now);

// Everything the Overview is computed from; the store's "latest" reads plus the last hour of instances.
struct OverviewInput {
    QDateTime now;
    QList<ConnectionRecord> connections;
    QList<InstanceSnapshot> instances;            // each connection's newest snapshot
    QList<InstanceSnapshot> lastHour;             // every instance snapshot of the hour before NOW
    QList<BillingSnapshot> billing;               // each connection's newest billing snapshot
    QList<LatestSample> gpuUtil;                  // newest sample of each DCGM GPU util series
    QList<GpuOffer> offers;                       // each provider's newest catalog
};

// One connection's line. Values are what its newest data says, nullopt where it says nothing.
struct ConnectionFigures {
    ConnectionRecord connection;
    ConnectionHealth health = ConnectionHealth::NeverSynced;
    std::optional<qint64> instancesRunning;       // nullopt: no instance snapshot stored for it
    std::optional<qint64> instancesTotal;
    std::optional<qint64> gpusRunning;            // nullopt: no running instance reports a GPU count
    std::optional<double> costPerHour;            // running instances with a price
    std::optional<double> meanUtilPercent;        // its running instances' and DCGM GPUs' util
    qint64 utilGpus = 0;                          // GPUs behind that mean
    qint64 dcgmGpus = 0;                          // of those, DCGM GPUs that still report
    std::optional<double> balance;
    std::optional<double> billedPerHour;          // what its billing snapshot says it spends
    QDateTime dataAsOf;                           // newest snapshot or sample stored from it
};

// The fleet: every enabled connection added up (a failed or stale one with its last good data).
struct FleetFigures {
    int connections = 0;                          // enabled ones, the ones counted
    int disabled = 0;
    QStringList outdated;                         // names of counted connections that failed or are stale
    std::optional<qint64> instancesRunning;       // nullopt: no counted connection has instance data
    std::optional<qint64> instancesTotal;
    std::optional<qint64> gpusRunning;
    qint64 runningWithoutGpuCount = 0;
    std::optional<double> burnPerHour;            // sum of running instances' cost per hour
    qint64 runningWithoutPrice = 0;
    std::optional<double> billedPerHour;          // sum of what billing snapshots report
    std::optional<double> balance;
    int balanceReporters = 0;
    std::optional<double> meanUtilPercent;        // weighted by GPUs: instances by their count, DCGM series one each
    qint64 utilGpus = 0;
    qint64 dcgmGpus = 0;
    IdleCost idle;                                // running instances under kIdleUtilPercent over the last hour
};

// GPUs running of one canonical type at one provider, and the cheapest current offer of that type anywhere.
struct GpuTypeFigures {
    QString gpuType;                              // canonical; empty when instances do not say
    QString provider;                             // the instances' provider kind
    qint64 gpus = 0;                              // running, of instances that report a count
    qint64 instances = 0;
    std::optional<double> costPerHour;            // what those instances cost together
    std::optional<double> paidPerGpuHour;         // COST / GPUS of the priced ones
    std::optional<double> cheapestPerGpuHour;     // lowest available offer of the type, per GPU
    QString cheapestProvider;                     // kind of the provider offering it
    QString cheapestTier;
    std::optional<double> savingPerHour;          // (paid − cheapest) × GPUs when positive, else 0
};

struct Overview {
    FleetFigures fleet;
    QList<ConnectionFigures> connections;         // in INPUT's order
    QList<GpuTypeFigures> gpuTypes;               // most GPUs first, then by type and provider
};

Overview overviewFigures(const OverviewInput &input);

// The fleet's running cost per hour at each snapshot time of TOTALS (ordered by time). Each connection
// counts with its newest reading until three of its collection intervals (CADENCES, by connection id;
// 300 s when unknown) pass without one, so accounts polled at different moments add up and one that
// stopped reporting drops out.
QList<TimedValue> fleetBurnPoints(const QList<InstanceTotals> &totals, const QHash<qint64, int> &cadences);
// The same for the running instances' GPU util, weighted by the GPUs behind each connection's mean.
QList<TimedValue> fleetUtilPoints(const QList<InstanceTotals> &totals, const QHash<qint64, int> &cadences);

// Several series bucketed by the same query as one: per bucket start, the lowest min, the highest
// max, the count-weighted average and the mean of the last values. Buckets no series has are left out.
BucketSeries mergeBuckets(const QList<BucketSeries> &series);

} // namespace fleetscope
