// Budget spend: per-connection estimates and billed deltas, summed over a budget's scope.
#include "budgetspend.h"

#include "store/store.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace fleetscope {
namespace {

constexpr double kHoursPerMonth = 730.0;   // 365 × 24 / 12, how providers turn GB-months into hours
constexpr int kBillingLookbackDays = 7;    // how far before the month a baseline lifetime spend is looked for

// What one snapshot of a connection costs per hour: running instances at their price, stopped ones
// for their volume.
double snapshotRate(const InstanceTotals &t)
{
    return t.runningCostPerHour.value_or(0) + t.stoppedVolumeGb.value_or(0) * kStoppedVolumePerGbMonth / kHoursPerMonth;
}

struct ConnectionSpend {
    QString kind;
    qint64 gapCapMs = snapshotGapCapSeconds(0) * 1000;
    QMap<qint64, double> ratesAt;                 // snapshot time (ms) → $/hr
    QList<std::pair<qint64, double>> lifetime;    // billing time (ms) → lifetime spend, oldest first
    QList<std::pair<qint64, double>> monthToDate; // billing time (ms) → the month's charges so far, oldest first
    std::optional<double> billedRate;             // the newest current spend per hour
    qint64 billedRateMs = 0;                      // and when it was read

    double estimated(qint64 fromMs, qint64 nowMs) const
    {
        double dollars = 0;
        for (auto it = ratesAt.cbegin(); it != ratesAt.cend(); ++it) {
            const auto next = std::next(it);
            const qint64 end = std::min({next == ratesAt.cend() ? nowMs : next.key(), it.key() + gapCapMs, nowMs});
            const qint64 start = std::max(it.key(), fromMs);
            if (end > start)
                dollars += it.value() * double(end - start) / 3'600'000.0;
        }
        return dollars;
    }

    // The lifetime spend added after FROM: from the last reading at or before FROM (else the first
    // after it) to the newest; a reading that went down (an account reset) adds nothing.
    std::optional<double> billedLifetime(qint64 fromMs, qint64 nowMs) const
    {
        std::optional<double> previous;
        std::optional<double> added;
        for (const auto &[ts, value] : lifetime) {
            if (ts > nowMs)
                break;
            if (ts <= fromMs) {
                previous = value;
                added = 0.0;
                continue;
            }
            added = added.value_or(0) + (previous ? std::max(0.0, value - *previous) : 0.0);
            previous = value;
        }
        return added;
    }

    // The month's charges that grew after FROM, in the UTC month beginning at MONTH. For a period
    // from the month's start: the newest reading taken in the month (an early one counts: the month
    // has begun for the provider too). For a later one: from the last reading at or before FROM (else
    // the period's first) to the newest; a reading that went down began a new month and counts in full.
    std::optional<double> billedMonthToDate(qint64 fromMs, qint64 nowMs, qint64 monthMs) const
    {
        std::optional<double> previous;
        std::optional<double> added;
        for (const auto &[ts, value] : monthToDate) {
            if (ts > nowMs)
                break;
            if (fromMs <= monthMs) {
                if (ts >= monthMs)
                    added = value;
                continue;
            }
            if (ts <= fromMs) {
                previous = value;
                added = 0.0;
                continue;
            }
            added = added.value_or(0) + (!previous ? 0.0 : value >= *previous ? value - *previous : value);
            previous = value;
        }
        return added;
    }

    // Billed spend after FROM: month-to-date readings where the connection has them, else the growth
    // of lifetime spend; nullopt where neither is reported.
    std::optional<double> billed(qint64 fromMs, qint64 nowMs, qint64 monthMs) const
    {
        if (const std::optional<double> month = billedMonthToDate(fromMs, nowMs, monthMs))
            return month;
        return billedLifetime(fromMs, nowMs);
    }

    // The newest rate still known at NOW: a reading older than the gap cap (a connection removed or
    // failing since) says nothing about now, as the estimate stops counting it then too.
    std::optional<double> currentRate(qint64 nowMs) const
    {
        if (billedRate && billedRateMs + gapCapMs >= nowMs)
            return billedRate;
        if (!ratesAt.isEmpty() && ratesAt.lastKey() + gapCapMs >= nowMs)
            return ratesAt.last();
        return std::nullopt;
    }
};

QHash<qint64, ConnectionSpend> byConnection(const SpendInputs &inputs)
{
    QHash<qint64, ConnectionSpend> spend;
    for (const ConnectionRecord &c : inputs.connections) {
        ConnectionSpend &each = spend[c.id];
        each.kind = c.kind;
        each.gapCapMs = snapshotGapCapSeconds(c.cadenceSeconds) * 1000;
    }
    for (const InstanceTotals &t : inputs.instances) {
        if (t.snapshotTs <= inputs.now)
            spend[t.connectionId].ratesAt.insert(t.snapshotTs.toMSecsSinceEpoch(), snapshotRate(t));
    }
    for (const BillingSnapshot &b : inputs.billing) {
        if (b.snapshotTs > inputs.now)
            continue;
        ConnectionSpend &each = spend[b.connectionId];
        if (b.lifetimeSpend)
            each.lifetime.append({b.snapshotTs.toMSecsSinceEpoch(), *b.lifetimeSpend});
        if (b.monthToDateSpend)
            each.monthToDate.append({b.snapshotTs.toMSecsSinceEpoch(), *b.monthToDateSpend});
        each.billedRate = b.currentSpendPerHr;   // the newest reading decides, reported or not
        each.billedRateMs = b.snapshotTs.toMSecsSinceEpoch();
    }
    return spend;
}

SpendFigures figures(const Budget &budget, const QHash<qint64, ConnectionSpend> &spend, const QDateTime &from, const QDateTime &now)
{
    SpendFigures out;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 monthMs = utcMonthStart(now).toMSecsSinceEpoch();
    for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
        if (!budgetCovers(budget, it.key(), it.value().kind))
            continue;
        const double estimated = it.value().estimated(fromMs, nowMs);
        const std::optional<double> billed = it.value().billed(fromMs, nowMs, monthMs);
        out.estimated += estimated;
        out.spent += billed.value_or(estimated);
        if (billed) {
            out.billed = out.billed.value_or(0) + *billed;
            out.difference = out.difference.value_or(0) + estimated - *billed;
        }
    }
    return out;
}

} // namespace

qint64 snapshotGapCapSeconds(int cadenceSeconds)
{
    return std::max<qint64>(2LL * cadenceSeconds, 15 * 60);
}

std::optional<double> BudgetStatus::monthlyPercent() const
{
    return budget.monthlyCap ? std::optional<double>(100.0 * month.spent / *budget.monthlyCap) : std::nullopt;
}

std::optional<double> BudgetStatus::dailyPercent() const
{
    return budget.dailyCap ? std::optional<double>(100.0 * day.spent / *budget.dailyCap) : std::nullopt;
}

QDateTime utcMonthStart(const QDateTime &now)
{
    const QDate date = now.toUTC().date();
    return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), Qt::UTC);
}

QDateTime utcNextMonthStart(const QDateTime &now)
{
    return utcMonthStart(now).addMonths(1);
}

QDateTime utcDayStart(const QDateTime &now)
{
    return QDateTime(now.toUTC().date(), QTime(0, 0), Qt::UTC);
}

bool budgetCovers(const Budget &budget, qint64 connectionId, const QString &kind)
{
    if (budget.scope == QLatin1String("provider"))
        return kind.compare(budget.provider, Qt::CaseInsensitive) == 0;
    if (budget.scope == QLatin1String("connection"))
        return connectionId == budget.connectionId;
    return true;
}

BudgetStatus budgetStatus(const Budget &budget, const SpendInputs &inputs)
{
    return budgetStatuses({budget}, inputs).first();
}

QList<BudgetStatus> budgetStatuses(const QList<Budget> &budgets, const SpendInputs &inputs)
{
    const QHash<qint64, ConnectionSpend> spend = byConnection(inputs);   // once for every budget
    const double hoursLeft = double(inputs.now.msecsTo(utcNextMonthStart(inputs.now))) / 3'600'000.0;
    QList<BudgetStatus> statuses;
    for (const Budget &budget : budgets) {
        BudgetStatus status;
        status.budget = budget;
        status.now = inputs.now;
        status.month = figures(budget, spend, utcMonthStart(inputs.now), inputs.now);
        status.day = figures(budget, spend, utcDayStart(inputs.now), inputs.now);
        for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
            if (!budgetCovers(budget, it.key(), it.value().kind))
                continue;
            if (const std::optional<double> rate = it.value().currentRate(inputs.now.toMSecsSinceEpoch()))
                status.ratePerHour = status.ratePerHour.value_or(0) + *rate;
        }
        status.forecast = status.month.spent + status.ratePerHour.value_or(0) * hoursLeft;
        statuses << status;
    }
    return statuses;
}

Result<SpendInputs> readSpendInputs(Store &store, const QDateTime &now)
{
    SpendInputs inputs;
    inputs.now = now;
    Result<QList<ConnectionRecord>> connections = store.connections();
    if (!connections)
        return std::unexpected(connections.error());
    inputs.connections = *std::move(connections);
    qint64 lookback = snapshotGapCapSeconds(0);
    for (const ConnectionRecord &c : std::as_const(inputs.connections))
        lookback = std::max(lookback, snapshotGapCapSeconds(c.cadenceSeconds));
    const QDateTime until = now.addMSecs(1);
    Result<QList<InstanceTotals>> instances = store.instanceTotals(utcMonthStart(now).addSecs(-lookback), until);
    if (!instances)
        return std::unexpected(instances.error());
    inputs.instances = *std::move(instances);
    Result<QList<BillingSnapshot>> billing = store.billingHistory(utcMonthStart(now).addDays(-kBillingLookbackDays), until);
    if (!billing)
        return std::unexpected(billing.error());
    inputs.billing = *std::move(billing);
    return inputs;
}

Result<QList<BudgetStatus>> readBudgetStatuses(Store &store, const QDateTime &now)
{
    Result<QList<Budget>> budgets = store.budgets();
    if (!budgets)
        return std::unexpected(budgets.error());
    if (budgets->isEmpty())
        return QList<BudgetStatus>();
    Result<SpendInputs> inputs = readSpendInputs(store, now);
    if (!inputs)
        return std::unexpected(inputs.error());
    return budgetStatuses(*budgets, *inputs);
}

} // namespace fleetscope
