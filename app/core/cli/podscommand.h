// fleetscope pods stop|resume|terminate: one lifecycle action on a pod, audited (actor "cli").
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runPods(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
