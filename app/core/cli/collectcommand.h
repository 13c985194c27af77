// `fleetscope collect --once`: one cycle of every RunPod collector configured by the environment.
#pragma once

#include "cli/commandcontext.h"

namespace fleetscope {

int runCollect(const CommandContext &ctx, const QStringList &args);

} // namespace fleetscope
