// alertDestination: the kind → page table.
#include "alertdestination.h"

#include <QHash>

namespace fleetscope {

AlertDestination alertDestination(const QString &kind)
{
    static const QHash<QString, AlertDestination> pages = {
        {QStringLiteral("gpu_idle"), AlertDestination::Pods},
        {QStringLiteral("cheaper_offer"), AlertDestination::Pods},
        {QStringLiteral("endpoint_unhealthy"), AlertDestination::Endpoints},
        {QStringLiteral("connection_failing"), AlertDestination::Providers},
        {QStringLiteral("burn_rate"), AlertDestination::Cost},
        {QStringLiteral("balance_runway"), AlertDestination::Cost},
        {QStringLiteral("budget"), AlertDestination::Cost},
        {QStringLiteral("budget_forecast"), AlertDestination::Cost},
        {QStringLiteral("price_below"), AlertDestination::Offers},
        {QStringLiteral("workflow_regression"), AlertDestination::Workflows},
    };
    return pages.value(kind, AlertDestination::Alerts);
}

} // namespace fleetscope
