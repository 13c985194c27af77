// What a budget's scope has spent, from stored snapshots: estimated (running time × price per hour,
// integrated per second, plus storage of stopped pods), billed (the provider's month-to-date charges,
// else lifetime-spend deltas, where the provider reports them), their difference, and the forecast
// to the end of the month. Periods are UTC: the month from the 1st 00:00 UTC, the day from 00:00 UTC.
#pragma once

#include "budgets/budget.h"
#include "domain.h"

namespace fleetscope {

class Store;

// Between two instance snapshots of a connection the earlier state holds, for at most this long
// (a cycle missed by the collector is not billed forever): twice the cadence, at least 15 minutes.
qint64 snapshotGapCapSeconds(int cadenceSeconds);

// A stopped pod keeps its volume, billed per GB-month; RunPod's published rate for stopped pods.
inline constexpr double kStoppedVolumePerGbMonth = 0.20;

// What the spend of every budget is computed from.
struct SpendInputs {
    QDateTime now;
    QList<ConnectionRecord> connections;   // kind (provider) and cadence of each; a removed one counts only for all
    QList<InstanceTotals> instances;       // per connection and snapshot, oldest first, from before the month began
    QList<BillingSnapshot> billing;        // oldest first, from before the month began
};

struct SpendFigures {
    double estimated = 0;
    std::optional<double> billed;       // nullopt: no connection in scope reports month-to-date or lifetime spend
    std::optional<double> difference;   // estimated − billed, over the connections that report billing
    double spent = 0;                   // billed where a connection reports it, else estimated
};

struct BudgetStatus {
    Budget budget;
    QDateTime now;
    SpendFigures month;
    SpendFigures day;
    std::optional<double> ratePerHour;   // billing's current spend per hour, else the latest snapshot's estimate (each while not older than the gap cap)
    double forecast = 0;                 // month.spent + rate × hours left in the UTC month

    std::optional<double> monthlyPercent() const;
    std::optional<double> dailyPercent() const;
};

QDateTime utcMonthStart(const QDateTime &now);
QDateTime utcNextMonthStart(const QDateTime &now);
QDateTime utcDayStart(const QDateTime &now);

// Whether connection CONNECTION_ID (of kind KIND) counts toward BUDGET.
bool budgetCovers(const Budget &budget, qint64 connectionId, const QString &kind);

BudgetStatus budgetStatus(const Budget &budget, const SpendInputs &inputs);
QList<BudgetStatus> budgetStatuses(const QList<Budget> &budgets, const SpendInputs &inputs);

// Reads the inputs for NOW (on a reader thread: it blocks on queries).
Result<SpendInputs> readSpendInputs(Store &store, const QDateTime &now);
// Every stored budget with its status at NOW; no snapshot is read when there is no budget.
Result<QList<BudgetStatus>> readBudgetStatuses(Store &store, const QDateTime &now);

} // namespace fleetscope
