// Budgets and their status as one table, the way the CLI prints it (text or JSON) and the GUI exports it.
#pragma once

#include "budgets/budgetspend.h"

#include <QHash>

namespace fleetscope {

// "all", "provider runpod", "connection prod" (NAMES: connection id → name).
QString budgetScopeText(const Budget &budget, const QHash<qint64, QString> &names);

// One row per budget: name, scope, caps. Dollars in cents, a missing cap empty.
TableData budgetsTable(const QList<Budget> &budgets, const QHash<qint64, QString> &names);

// One row per budget: the month's estimated, billed (empty: not reported), difference and spent,
// the monthly cap and percent of it, the forecast, today's spend against the daily cap, the burn
// rate against its cap, and when it was computed.
TableData budgetStatusTable(const QList<BudgetStatus> &statuses, const QHash<qint64, QString> &names);

} // namespace fleetscope
