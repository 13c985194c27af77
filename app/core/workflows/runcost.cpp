// Run prices from the store's existing reads: instance totals per snapshot, and offer history per GPU type.
#include "runcost.h"

#include "store/store.h"
#include "workflows/metricdirection.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fleetscope {

bool isPriced(const WorkflowConfig &config)
{
    return config.costConnectionId || !config.gpuType.isEmpty();
}

QHash<qint64, RunPrice> priceRuns(const WorkflowConfig &config, const QList<WorkflowRun> &runs, const QList<InstanceTotals> &totals,
                                  const QList<GpuOffer> &offers)
{
    QHash<qint64, RunPrice> prices;
    for (const WorkflowRun &run : runs) {
        const QDateTime at = run.metricTime();
        if (!at.isValid())
            continue;
        qint64 nearest = std::numeric_limits<qint64>::max();
        RunPrice price;
        if (config.costConnectionId) {
            for (const InstanceTotals &t : totals) {
                const qint64 distance = std::abs(t.snapshotTs.secsTo(at));
                if (t.connectionId != *config.costConnectionId || distance > kPriceToleranceSecs || distance >= nearest)
                    continue;
                nearest = distance;
                price = RunPrice{t.runningCostPerHour.value_or(0), QStringLiteral("connection"), t.snapshotTs};
            }
        } else if (!config.gpuType.isEmpty()) {
            // The observation nearest the run first, then the cheapest per GPU among the offers seen at that time.
            for (const GpuOffer &o : offers) {
                if (o.gpuType.compare(config.gpuType, Qt::CaseInsensitive) == 0 && o.pricePerHour && *o.pricePerHour > 0)
                    nearest = std::min(nearest, std::abs(o.observedTs.secsTo(at)));
            }
            if (nearest > kPriceToleranceSecs)
                continue;
            double cheapest = std::numeric_limits<double>::infinity();
            for (const GpuOffer &o : offers) {
                if (o.gpuType.compare(config.gpuType, Qt::CaseInsensitive) != 0 || !o.pricePerHour || *o.pricePerHour <= 0
                    || std::abs(o.observedTs.secsTo(at)) != nearest)
                    continue;
                const double perGpu = *o.pricePerHour / double(std::max<qint64>(1, o.gpuCount.value_or(1)));
                if (perGpu < cheapest) {
                    cheapest = perGpu;
                    price = RunPrice{perGpu * double(config.gpuCount), QStringLiteral("offer"), o.observedTs};
                }
            }
        }
        if (nearest <= kPriceToleranceSecs && price.perHour > 0)
            prices.insert(run.id, price);
    }
    return prices;
}

Result<QHash<qint64, RunPrice>> readRunPrices(Store &store, const WorkflowConfig &config, const QList<WorkflowRun> &runs)
{
    QDateTime first;
    QDateTime last;
    for (const WorkflowRun &run : runs) {
        const QDateTime at = run.metricTime();
        if (!at.isValid())
            continue;
        first = !first.isValid() || at < first ? at : first;
        last = !last.isValid() || at > last ? at : last;
    }
    if (!isPriced(config) || !first.isValid())
        return QHash<qint64, RunPrice>();
    const QDateTime since = first.addSecs(-kPriceToleranceSecs);
    const QDateTime until = last.addSecs(kPriceToleranceSecs + 1);
    QList<InstanceTotals> totals;
    QList<GpuOffer> offers;
    if (config.costConnectionId) {
        Result<QList<InstanceTotals>> read = store.instanceTotals(since, until);
        if (!read)
            return std::unexpected(read.error());
        totals = *std::move(read);
    } else {
        Result<QList<GpuOffer>> read = store.offerHistory(config.gpuType, since, until);
        if (!read)
            return std::unexpected(read.error());
        offers = *std::move(read);
    }
    return priceRuns(config, runs, totals, offers);
}

CostFigure costFigure(double value, const QString &unit, MetricDirection direction, double perHour)
{
    if (perHour <= 0)
        return {};
    if (direction == MetricDirection::HigherIsBetter)
        return {CostFigure::Kind::PerDollarHour, value / perHour};
    const double seconds = secondsPerTimeUnit(unit);
    if (direction == MetricDirection::LowerIsBetter && seconds > 0)
        return {CostFigure::Kind::DollarsPerResult, value * seconds / 3600.0 * perHour};
    return {};
}

} // namespace fleetscope
