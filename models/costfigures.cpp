// Cost figures: sums that keep "unknown" apart from zero.
#include "costfigures.h"

#include <QMap>

#include <algorithm>

namespace fleetscope {
namespace {

void add(std::optional<double> &total, std::optional<double> value)
{
    if (value)
        total = total.value_or(0.0) + *value;
}

} // namespace

CostFigures costFigures(const QList<BillingSnapshot> &latest)
{
    CostFigures figures;
    for (const BillingSnapshot &b : latest) {
        add(figures.balance, b.balance);
        add(figures.burnPerHour, b.currentSpendPerHr);
        add(figures.spendLimit, b.spendLimit);
        add(figures.lifetimeSpend, b.lifetimeSpend);
    }
    return figures;
}

std::optional<double> daysUntilEmpty(std::optional<double> balance, std::optional<double> burnPerHour)
{
    if (!balance || !burnPerHour || *burnPerHour <= 0)
        return std::nullopt;
    return std::max(0.0, *balance) / (*burnPerHour * 24.0);
}

QList<TimedValue> burnRatePoints(const QList<BillingSnapshot> &history)
{
    QList<TimedValue> points;
    QHash<qint64, double> current;   // connection id → its latest known burn rate
    for (qsizetype i = 0; i < history.size(); ++i) {
        const BillingSnapshot &b = history[i];
        if (b.currentSpendPerHr)
            current.insert(b.connectionId, *b.currentSpendPerHr);
        const bool lastAtThisTime = i + 1 == history.size() || history[i + 1].snapshotTs != b.snapshotTs;
        if (!lastAtThisTime || current.isEmpty())
            continue;
        double total = 0;
        for (const double value : std::as_const(current))
            total += value;
        points.append({b.snapshotTs.toMSecsSinceEpoch(), total});
    }
    return points;
}

QList<InstanceSnapshot> runningByCost(const QList<InstanceSnapshot> &latest)
{
    QList<InstanceSnapshot> running;
    for (const InstanceSnapshot &i : latest) {
        if (isRunning(i) && i.costPerHour)
            running.append(i);
    }
    std::stable_sort(running.begin(), running.end(), [](const InstanceSnapshot &a, const InstanceSnapshot &b) {
        return *a.costPerHour > *b.costPerHour;
    });
    return running;
}

IdleCost idleCost(const QList<InstanceSnapshot> &latest, const QHash<QString, QList<InstanceSnapshot>> &lastHour,
                  double thresholdPercent)
{
    IdleCost idle;
    for (const InstanceSnapshot &pod : runningByCost(latest)) {
        std::optional<double> peak;
        for (const InstanceSnapshot &s : lastHour.value(pod.instanceId)) {
            if (s.connectionId == pod.connectionId && s.gpuUtilPercent)
                peak = std::max(peak.value_or(0.0), *s.gpuUtilPercent);
        }
        if (!peak)
            peak = pod.gpuUtilPercent;
        if (!peak)
            continue;   // unknown util is not idle
        idle.perHour = idle.perHour.value_or(0.0);
        if (*peak < thresholdPercent) {
            *idle.perHour += *pod.costPerHour;
            idle.pods.append(pod.name.isEmpty() ? pod.instanceId : pod.name);
        }
    }
    return idle;
}

} // namespace fleetscope
