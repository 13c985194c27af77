// Which page shows the resource an alert is about: the notification's click and the Alerts table's
// double-click both open it.
#pragma once

#include <QString>

namespace fleetscope {

enum class AlertDestination { Pods, Endpoints, Providers, Cost, Offers, Workflows, Alerts };

// Pages by alert kind; a kind this build does not know stays on the Alerts page.
AlertDestination alertDestination(const QString &kind);

} // namespace fleetscope
