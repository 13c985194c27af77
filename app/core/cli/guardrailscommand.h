// fleetscope guardrails (show, set, preview a connection's stop-idle policy) and fleetscope audit list.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runGuardrails(const CommandContext &ctx, const QStringList &args);
int runAudit(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
