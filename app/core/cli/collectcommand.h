// `fleetscope collect`: without --once the headless collector (collectdaemon.h); with --once one cycle of
// the RunPod collectors the environment configures, then of every enabled connection in the store.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runCollect(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
