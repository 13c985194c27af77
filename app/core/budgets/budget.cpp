// Budget validation.
#include "budget.h"

#include <cmath>

namespace fleetscope {

Result<Budget> validateBudget(Budget budget)
{
    budget.name = budget.name.trimmed();
    if (budget.name.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("budget: a name is needed"));
    const QString where = QStringLiteral("budget %1").arg(budget.name);
    if (budget.scope == QLatin1String("all")) {
        budget.provider.clear();
        budget.connectionId = 0;
    } else if (budget.scope == QLatin1String("provider")) {
        budget.provider = budget.provider.trimmed();
        if (budget.provider.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("%1: scope provider needs a provider kind").arg(where));
        budget.connectionId = 0;
    } else if (budget.scope == QLatin1String("connection")) {
        if (budget.connectionId <= 0)
            return fail(ErrorClass::Config, QStringLiteral("%1: scope connection needs a connection").arg(where));
        budget.provider.clear();
    } else {
        return fail(ErrorClass::Config, QStringLiteral("%1: scope must be all, provider or connection, not '%2'").arg(where, budget.scope));
    }
    const std::pair<const char *, std::optional<double>> caps[] = {
        {"monthly cap", budget.monthlyCap}, {"daily cap", budget.dailyCap}, {"burn-rate cap", budget.burnRateCap}};
    bool any = false;
    for (const auto &[label, cap] : caps) {
        if (!cap)
            continue;
        if (!std::isfinite(*cap) || *cap <= 0)
            return fail(ErrorClass::Config, QStringLiteral("%1: the %2 must be a number above 0").arg(where, QString::fromLatin1(label)));
        any = true;
    }
    if (!any)
        return fail(ErrorClass::Config, QStringLiteral("%1: give at least one cap (monthly, daily or burn rate)").arg(where));
    return budget;
}

} // namespace fleetscope
