// The Cost page's figures from billing and pod snapshots: totals, days of balance left, burn over time, idle spend.
#pragma once

#include "pointseries.h"
#include "snapshots.h"

#include <QHash>

#include <optional>

namespace fleetscope {

// Summed over connections; nullopt where no connection reports the value.
struct CostFigures {
    std::optional<double> balance;
    std::optional<double> burnPerHour;
    std::optional<double> spendLimit;
    std::optional<double> lifetimeSpend;
};

CostFigures costFigures(const QList<BillingSnapshot> &latest);

// BALANCE / (BURN × 24); nullopt when either is unknown or nothing is burning.
std::optional<double> daysUntilEmpty(std::optional<double> balance, std::optional<double> burnPerHour);

// Total burn rate at each snapshot time of HISTORY (ordered by time): every connection counts
// with its most recent reading, so accounts polled at different moments still add up.
QList<TimedValue> burnRatePoints(const QList<BillingSnapshot> &history);

// Running pods with a known cost, most expensive first.
QList<InstanceSnapshot> runningByCost(const QList<InstanceSnapshot> &latest);

// Pods whose GPU util stayed under THRESHOLD over the last hour, and what they cost per hour.
struct IdleCost {
    std::optional<double> perHour;   // nullopt: no running pod has both a util reading and a cost
    QStringList pods;                // names, most expensive first
};

// LAST_HOUR holds each instance's snapshots of the last hour by instance id; a pod without any
// util reading there is judged by its latest snapshot.
IdleCost idleCost(const QList<InstanceSnapshot> &latest, const QHash<QString, QList<InstanceSnapshot>> &lastHour,
                  double thresholdPercent = 10.0);

} // namespace fleetscope
