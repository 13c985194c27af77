// fleetscope budgets: list, add, set, remove, and status (spend against each budget's caps).
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runBudgets(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
