// fleetscope alerts: rules (list, add, remove), stored alerts (list, ack) and evaluate.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runAlerts(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
