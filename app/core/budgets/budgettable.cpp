// Budget tables: cents and tenths of a percent, unknowns left empty (never 0).
#include "budgettable.h"

#include <cmath>

namespace fleetscope {
namespace {

QVariant rounded(std::optional<double> value, double scale = 100)
{
    return value ? QVariant(std::round(*value * scale) / scale) : QVariant();
}

} // namespace

QString budgetScopeText(const Budget &budget, const QHash<qint64, QString> &names)
{
    if (budget.scope == QLatin1String("provider"))
        return QStringLiteral("provider %1").arg(budget.provider);
    if (budget.scope == QLatin1String("connection"))
        return QStringLiteral("connection %1").arg(names.value(budget.connectionId, QString::number(budget.connectionId)));
    return budget.scope;
}

TableData budgetsTable(const QList<Budget> &budgets, const QHash<qint64, QString> &names)
{
    TableData table;
    table.columns = {QStringLiteral("name"), QStringLiteral("scope"), QStringLiteral("monthly_cap"), QStringLiteral("daily_cap"),
                     QStringLiteral("burn_rate_cap")};
    for (const Budget &b : budgets)
        table.rows << QVariantList{b.name, budgetScopeText(b, names), rounded(b.monthlyCap), rounded(b.dailyCap), rounded(b.burnRateCap)};
    return table;
}

TableData budgetStatusTable(const QList<BudgetStatus> &statuses, const QHash<qint64, QString> &names)
{
    TableData table;
    table.columns = {QStringLiteral("name"), QStringLiteral("scope"), QStringLiteral("estimated"), QStringLiteral("billed"),
                     QStringLiteral("difference"), QStringLiteral("spent"), QStringLiteral("monthly_cap"), QStringLiteral("percent"),
                     QStringLiteral("forecast"), QStringLiteral("today"), QStringLiteral("daily_cap"), QStringLiteral("rate_per_hour"),
                     QStringLiteral("burn_rate_cap"), QStringLiteral("as_of")};
    for (const BudgetStatus &s : statuses) {
        table.rows << QVariantList{s.budget.name, budgetScopeText(s.budget, names), rounded(s.month.estimated), rounded(s.month.billed),
                                   rounded(s.month.difference), rounded(s.month.spent), rounded(s.budget.monthlyCap),
                                   rounded(s.monthlyPercent(), 10), rounded(s.forecast), rounded(s.day.spent), rounded(s.budget.dailyCap),
                                   rounded(s.ratePerHour), rounded(s.budget.burnRateCap), s.now.toUTC()};
    }
    return table;
}

} // namespace fleetscope
