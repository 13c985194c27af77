// A spend budget as stored (budgets): a scope (everything, one provider, one connection) and caps.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fleetscope {

struct Budget {
    qint64 id = 0;
    QString name;
    QString scope = QStringLiteral("all");   // all, provider, connection
    QString provider;                        // a connection kind ("runpod"), for scope provider
    qint64 connectionId = 0;                 // for scope connection
    std::optional<double> monthlyCap;        // $ per UTC calendar month
    std::optional<double> dailyCap;          // $ per UTC day
    std::optional<double> burnRateCap;       // $ per hour, now
    QDateTime createdAt;

    friend bool operator==(const Budget &, const Budget &) = default;
};

// Checks the name, the scope with its provider or connection, and the caps (at least one, each
// above 0); returns the budget with the fields its scope does not use cleared, or a Config error
// naming the budget.
Result<Budget> validateBudget(Budget budget);

} // namespace fleetscope
