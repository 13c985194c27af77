// `fleetscope simulate`: serves a simulated RunPod account on loopback until SIGINT or SIGTERM.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

// ARGS are the words after "simulate". The listening line and the env lines go to ctx.out.
// Returns an ExitCode: 0 after SIGINT/SIGTERM, 1 when the port cannot be bound, 2 on a usage error.
int runSimulate(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
